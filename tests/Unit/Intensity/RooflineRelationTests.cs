using System.Collections.Generic;
using System.Linq;
using MfuTools.Core.Catalogs;
using MfuTools.Core.Counting;
using MfuTools.Core.Hardware;
using MfuTools.Core.Models;
using MfuTools.Core.Results;
using Xunit;

namespace MfuTools.Tests.Intensity
{
    /// <summary>
    /// Relations the roofline must show whatever the exact byte rules: matrix-vector decode
    /// is memory-bound, large prefill matrix products are compute-bound, batching raises
    /// decode intensity, and eager attention moves more bytes for the same FLOPs.
    /// </summary>
    public class RooflineRelationTests
    {
        // NVIDIA H100 SXM5 datasheet: 989.4 TFLOP/s dense BF16, 3.35 TB/s HBM3, a ridge of about 295 FLOPs per byte.
        private static readonly Roofline H100 = new Roofline("NVIDIA H100 SXM5 80GB", 989.4e12, 3.35e12);

        private static IntensityRequest Request(Phase phase, long batch = 1, long sequence = 2048, long context = 2048,
            AttentionImplementation attention = AttentionImplementation.Fused, Roofline roofline = null) =>
            new IntensityRequest(phase, new RunShape(batch, sequence), context, Precision.BF16, Precision.BF16, attention, roofline ?? H100);

        private static List<IntensityRow> Projections(ModelConfig model, IntensityRequest request) =>
            IntensityCounter.Rows(model, request).Where(r => r.Module.EndsWith("proj")).ToList();

        public static IEnumerable<object[]> Bf16Accelerators() =>
            AcceleratorCatalog.All.Where(a => a.PeakBF16FlopsPerSecond.HasValue && a.MemoryBandwidth.HasValue).Select(a => new object[] { a.Name });

        [Theory]
        [MemberData(nameof(Bf16Accelerators))]
        public void DecodeProjections_AreMemoryBound(string accelerator)
        {
            var device = AcceleratorCatalog.Resolve(accelerator);
            var roofline = new Roofline(device.Name, device.PeakBF16FlopsPerSecond.Value, device.MemoryBandwidth.Value);
            var rows = Projections(PresetCatalog.Find("Qwen2.5-7B"), Request(Phase.Decode, roofline: roofline));

            Assert.NotEmpty(rows);
            Assert.All(rows, r => Assert.Equal(Bound.Memory, r.Bound));
        }

        [Fact]
        public void DecodeProjections_NearOneFlopPerByte()
        {
            // One token: 2·i·o FLOPs against i·o two-byte weights, so about 1 FLOP per byte.
            var rows = Projections(PresetCatalog.Find("Qwen2.5-7B"), Request(Phase.Decode));

            Assert.All(rows, r => Assert.InRange(r.Intensity.Value, 0.99, 1.01));
        }

        [Fact]
        public void Prefill7BProjections_AreComputeBoundOnH100()
        {
            // Llama-2-7B, S = 2048: a 4096 × 4096 projection does T·i·o / (i·o + T·(i + o)) = 1024 FLOPs per byte.
            var rows = Projections(PresetCatalog.Find("Llama-2-7B"), Request(Phase.Prefill));

            Assert.Equal(32 * 7, rows.Count);
            Assert.All(rows, r => Assert.Equal(Bound.Compute, r.Bound));
            Assert.Equal(1024.0, rows.First(r => r.Module.EndsWith("q_proj")).Intensity.Value, 6);
        }

        [Fact]
        public void DecodeIntensity_GrowsWithBatch()
        {
            var model = PresetCatalog.Find("Llama-3.1-8B");
            var batches = new long[] { 1, 2, 4, 8, 16, 32, 64 };
            var intensities = batches.Select(b => IntensityCounter.Summary(model, Request(Phase.Decode, b, context: 4096)).Intensity.Value).ToList();

            for (var i = 1; i < intensities.Count; i++)
            {
                Assert.True(intensities[i] > intensities[i - 1], $"Intensity at batch {batches[i]} ({intensities[i]}) is not above batch {batches[i - 1]} ({intensities[i - 1]}).");
            }
        }

        [Fact]
        public void EagerAttention_MovesMoreBytesForSameFlops()
        {
            var model = PresetCatalog.Find("Qwen2.5-7B");
            var fused = IntensityCounter.Summary(model, Request(Phase.Prefill));
            var eager = IntensityCounter.Summary(model, Request(Phase.Prefill, attention: AttentionImplementation.Eager));

            Assert.Equal(fused.Flops, eager.Flops);
            Assert.True(eager.Bytes > fused.Bytes);
            Assert.True(eager.RooflineSeconds > fused.RooflineSeconds);
        }

        [Fact]
        public void FusedAttentionFlops_EqualFourEagerRows()
        {
            var model = PresetCatalog.Find("Qwen2.5-7B");
            var fused = IntensityCounter.Rows(model, Request(Phase.Prefill, sequence: 4097));
            var eager = IntensityCounter.Rows(model, Request(Phase.Prefill, sequence: 4097, attention: AttentionImplementation.Eager));

            Assert.Equal(eager.Where(r => r.Module.StartsWith("model.layers.5.self_attn.attention.")).Sum(r => r.Flops),
                fused.Single(r => r.Module == "model.layers.5.self_attn.attention").Flops);
        }

        [Fact]
        public void SummaryTotals_AreSumsOfRows()
        {
            var model = PresetCatalog.Find("Qwen3-8B");
            var request = Request(Phase.Decode, 8, context: 8192);
            var rows = IntensityCounter.Rows(model, request);
            var summary = IntensityCounter.Summary(model, request);

            Assert.Equal(rows.Sum(r => r.Flops), summary.Flops);
            Assert.Equal(rows.Sum(r => r.Bytes), summary.Bytes);
            Assert.Equal(rows.Sum(r => r.KvCacheBytes), summary.KvCacheTrafficBytes);
            Assert.Equal(rows.Sum(r => r.RooflineSeconds), summary.RooflineSeconds, 12);
            Assert.Equal(rows.Sum(r => r.SerialSeconds), summary.SerialSeconds, 12);
        }

        [Fact]
        public void RooflineAndSerialTimes_FollowTheirFormulas()
        {
            var q = IntensityCounter.Rows(PresetCatalog.Find("Qwen2.5-7B"), Request(Phase.Decode)).Single(r => r.Module == "model.layers.0.self_attn.q_proj");

            // Decode q_proj: 25,693,696 FLOPs and 25,711,616 bytes (weight, bias, one token in and out).
            var compute = 25_693_696 / 989.4e12;
            var memory = 25_711_616 / 3.35e12;
            Assert.Equal(compute + memory, q.SerialSeconds, 15);
            Assert.Equal(memory, q.RooflineSeconds, 15);
            Assert.Equal(3.35e12 * 25_693_696 / 25_711_616, q.AttainableFlopsPerSecond.Value, 0);
        }

        [Fact]
        public void DecodeSummary_ReportsCacheAndTokenRate()
        {
            var summary = IntensityCounter.Summary(PresetCatalog.Find("Qwen2.5-7B"), Request(Phase.Decode, 4, context: 4096));

            // B·C·L·2·nkv·d·2 bytes = 4·4096·28·2·4·128·2.
            Assert.Equal(939_524_096m, summary.KvCacheBytes);
            Assert.Equal(4 / summary.RooflineSeconds, summary.TokensPerSecond.Value, 6);
            Assert.Equal(Bound.Memory, summary.Bound);
            Assert.Null(summary.MfuCeiling);
        }

        [Fact]
        public void SlidingWindowDecode_ReadsOnlyTheWindow()
        {
            // Mistral-7B-v0.1 attends through a 4096-token window on every layer.
            var model = PresetCatalog.Find("Mistral-7B-v0.1");
            var atWindow = IntensityCounter.Summary(model, Request(Phase.Decode, context: 4096));
            var beyond = IntensityCounter.Summary(model, Request(Phase.Decode, context: 16384));

            Assert.Equal(atWindow.KvCacheBytes, beyond.KvCacheBytes);
            Assert.Equal(atWindow.Bytes, beyond.Bytes);
        }

        [Fact]
        public void TrainingSummary_GivesMfuCeilingBelowOne()
        {
            var model = PresetCatalog.Find("Llama-3.1-8B");
            var summary = IntensityCounter.Summary(model, Request(Phase.Training, 1, 4096));
            var matmul = FlopCounter.Summary(model, new RunShape(1, 4096), Convention.Matmul);

            // Matmul training FLOPs / (3 × roofline forward time × peak).
            Assert.Equal(matmul.TrainingFlops, summary.MatmulTrainingFlops);
            Assert.Equal((double)matmul.TrainingFlops / (3 * summary.RooflineSeconds * 989.4e12), summary.MfuCeiling.Value, 12);
            Assert.InRange(summary.MfuCeiling.Value, 0.5, 1.0);
            Assert.Null(summary.KvCacheBytes);
        }

        [Fact]
        public void PrefillSummary_GivesTimeToFirstToken()
        {
            var summary = IntensityCounter.Summary(PresetCatalog.Find("Qwen2.5-7B"), Request(Phase.Prefill));

            Assert.Equal(summary.RooflineSeconds, summary.TimeToFirstTokenSeconds);
            Assert.Equal(Bound.Compute, summary.Bound);
        }
    }
}
