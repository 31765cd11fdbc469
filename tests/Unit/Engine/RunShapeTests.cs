using System.Linq;
using MfuTools.Core.Catalogs;
using MfuTools.Core.Counting;
using MfuTools.Core.Errors;
using Xunit;

namespace MfuTools.Tests.Engine
{
    /// <summary>How the run shape (batch, sequence, causal halving) scales the counts.</summary>
    public class RunShapeTests
    {
        [Fact]
        public void Llama405B_HugeBatch_StaysExact()
        {
            // Llama-3.1-405B (config: h 16384, I 53248, 126 layers, 128 heads, 8 kv heads,
            // vocab 128256) at B = 4096, S = 8192: T = 33,554,432 tokens. Matmul per layer
            // 4·T·h·(nh·d) + 4·T·h·(nkv·d) + 4·B·nh·S²·d + 6·T·h·I, plus 2·T·h·V for lm_head.
            var model = PresetCatalog.Find("Llama-3.1-405B");
            var summary = FlopCounter.Summary(model, new RunShape(4096, 8192), Convention.Matmul);

            decimal t = 4096m * 8192, h = 16384, nh = 128, nkv = 8, d = 128, i = 53248, v = 128256, s = 8192;
            var layer = 4 * t * h * (nh * d) + 4 * t * h * (nkv * d) + 4 * 4096m * nh * s * s * d + 6 * t * h * i;
            var expected = 3 * (126 * layer + 2 * t * h * v);

            Assert.Equal(expected, summary.TrainingFlops);
            Assert.True(summary.TrainingFlops > (decimal)ulong.MaxValue);
        }

        [Fact]
        public void DoublingBatch_DoublesEveryRow()
        {
            var model = PresetCatalog.Find("Qwen2.5-0.5B");
            var one = FlopCounter.Breakdown(model, new RunShape(3, 1001, causalAttention: true), Convention.Detailed);
            var two = FlopCounter.Breakdown(model, new RunShape(6, 1001, causalAttention: true), Convention.Detailed);

            for (var r = 0; r < one.Count; r++)
            {
                Assert.Equal(2 * one[r].ForwardFlops, two[r].ForwardFlops);
            }
        }

        [Fact]
        public void Causal_HalvesScoresAndRoundsOddSquaresUp()
        {
            // S = 3: S² = 9. qk becomes B·nh·S²·d = 14·9·64 for Qwen2.5-0.5B (nh 14, d 64);
            // softmax becomes B·nh·⌈S²/2⌉ = 14·5.
            var model = PresetCatalog.Find("Qwen2.5-0.5B");
            var rows = FlopCounter.Breakdown(model, new RunShape(1, 3, causalAttention: true), Convention.Detailed, new[] { 0 });

            Assert.Equal(14m * 9 * 64, rows.Single(r => r.Module.EndsWith("attention.qk")).ForwardFlops);
            Assert.Equal(14m * 5, rows.Single(r => r.Module.EndsWith("attention.softmax")).ForwardFlops);
        }

        [Fact]
        public void Causal_ChangesOnlyAttentionScoreRows()
        {
            var model = PresetCatalog.Find("Llama-2-7B");
            var full = FlopCounter.Breakdown(model, new RunShape(2, 512), Convention.Detailed);
            var causal = FlopCounter.Breakdown(model, new RunShape(2, 512, causalAttention: true), Convention.Detailed);

            for (var r = 0; r < full.Count; r++)
            {
                var isScoreRow = full[r].Module.Contains(".attention.");
                Assert.Equal(isScoreRow, full[r].ForwardFlops != causal[r].ForwardFlops);
            }
        }

        [Theory]
        [InlineData(0, 2048)]
        [InlineData(1, 0)]
        [InlineData(-1, 2048)]
        [InlineData(1, 3_000_000_000)]
        public void BadRunShape_IsRejected(long batch, long sequence)
        {
            var ex = Assert.Throws<MfuException>(() => new RunShape(batch, sequence));

            Assert.Equal(ErrorIds.RunShapeInvalid, ex.ErrorId);
        }

        [Fact]
        public void TiedLmHead_CountsFlopsNotParameters()
        {
            // Qwen2.5-0.5B ties lm_head to embed_tokens: its weight is counted once, in the
            // embedding, while the logits still cost 2·T·h·V = 2·2048·896·151936.
            var model = PresetCatalog.Find("Qwen2.5-0.5B");
            var head = FlopCounter.ByModule(model, new RunShape(1, 2048), Convention.Detailed).Single(r => r.Module == "lm_head");

            Assert.Equal(0m, head.Parameters);
            Assert.Equal(2m * 2048 * 896 * 151936, head.ForwardFlops);
        }
    }
}
