using System.Linq;
using MfuTools.Core.Config;
using MfuTools.Core.Counting;
using MfuTools.Core.Hardware;
using MfuTools.Core.Models;
using MfuTools.Core.Modules;
using MfuTools.Core.Results;
using Xunit;

namespace MfuTools.Tests.Intensity
{
    /// <summary>
    /// Bytes per module of Qwen2.5-7B layer 0, worked by hand from the memory model: each
    /// input read once, each output written once, each weight read once. The config gives
    /// h = 3584, nh = 28, nkv = 4, d = 128, q/k/v biases; B = 1, S = 2048, so T = 2048, and
    /// bf16 is 2 bytes per element.
    /// </summary>
    public class ModuleBytesTests
    {
        private static readonly Roofline H100 = new Roofline("H100", 989.4e12, 3.35e12);

        private static ModelConfig Qwen7B() => ConfigReader.Read(TestData.Config("Qwen__Qwen2.5-7B.json"));

        private static IntensityRow Row(string module, Phase phase = Phase.Prefill, AttentionImplementation attention = AttentionImplementation.Fused,
            Precision weights = Precision.BF16, long batch = 1, long context = 2048)
        {
            var request = new IntensityRequest(phase, new RunShape(batch, 2048), context, Precision.BF16, weights, attention, H100);
            return IntensityCounter.Rows(Qwen7B(), request, new[] { 0 }).Single(r => r.Module == module);
        }

        [Fact]
        public void LinearLayer_ReadsWeightBiasInputWritesOutput()
        {
            var q = Row("model.layers.0.self_attn.q_proj");

            // Weight 3584·3584·2 = 25,690,112 plus bias 3584·2 = 7,168.
            Assert.Equal(25_697_280m, q.WeightBytes);
            // Input 2048·3584·2 = 14,680,064 read, output 2048·3584·2 = 14,680,064 written.
            Assert.Equal(29_360_128m, q.ActivationBytes);
            Assert.Equal(0m, q.KvCacheBytes);
            Assert.Equal(55_057_408m, q.Bytes);
            // FLOPs 2·2048·3584·3584 + 2048·3584 = 52,620,689,408: 955.7 FLOPs per byte.
            Assert.Equal(52_620_689_408m, q.Flops);
            Assert.Equal(52_620_689_408.0 / 55_057_408, q.Intensity.Value, 9);
        }

        [Fact]
        public void KeyProjection_OutputIsKvCache()
        {
            var k = Row("model.layers.0.self_attn.k_proj");

            // Weight 3584·512·2 = 3,670,016 plus bias 512·2; output 2048·512·2 is the new cache entries.
            Assert.Equal(3_671_040m, k.WeightBytes);
            Assert.Equal(14_680_064m, k.ActivationBytes);
            Assert.Equal(2_097_152m, k.KvCacheBytes);
        }

        [Fact]
        public void RmsNorm_ReadsInputAndWeightWritesOutput()
        {
            var norm = Row("model.layers.0.input_layernorm");

            // Weight 3584·2 = 7,168; input and output 2048·3584·2 = 14,680,064 each.
            Assert.Equal(7_168m, norm.WeightBytes);
            Assert.Equal(29_360_128m, norm.ActivationBytes);
            Assert.Equal(29_367_296m, norm.Bytes);
        }

        [Fact]
        public void FusedAttention_ReadsQkvOnceWritesOutput()
        {
            var attention = Row("model.layers.0.self_attn.attention");

            // Q 2048·28·128·2 = 14,680,064 read and the output, the same size, written.
            Assert.Equal(29_360_128m, attention.ActivationBytes);
            // K and V 1·2048·4·128·2 = 2,097,152 each, at the 4 key/value heads.
            Assert.Equal(4_194_304m, attention.KvCacheBytes);
            Assert.Equal(33_554_432m, attention.Bytes);
            // The four rows' FLOPs: 2 · 2·28·2048²·128 + 2 · 28·2048² = 60,364,423,168.
            Assert.Equal(60_364_423_168m, attention.Flops);
        }

        [Theory]
        // Scores 28·2048·2048·2 = 234,881,024 bytes. qk reads Q (14,680,064) and writes the
        // scores; pv reads the scores and writes the output (14,680,064).
        [InlineData("model.layers.0.self_attn.attention.qk", 249_561_088, 2_097_152)]
        [InlineData("model.layers.0.self_attn.attention.pv", 249_561_088, 2_097_152)]
        // Scaling and softmax each read the scores and write them back: 2·234,881,024.
        [InlineData("model.layers.0.self_attn.attention.scaling", 469_762_048, 0)]
        [InlineData("model.layers.0.self_attn.attention.softmax", 469_762_048, 0)]
        public void EagerAttention_MovesScoresThroughMemory(string module, long activationBytes, long kvCacheBytes)
        {
            var row = Row(module, attention: AttentionImplementation.Eager);

            Assert.Equal(activationBytes, row.ActivationBytes);
            Assert.Equal(kvCacheBytes, row.KvCacheBytes);
        }

        [Fact]
        public void DecodeAttention_ReadsWholeCache()
        {
            var attention = Row("model.layers.0.self_attn.attention", Phase.Decode, context: 4096);

            // One query: Q and output 28·128·2 = 7,168 each; K and V 4096·4·128·2 = 4,194,304 each.
            Assert.Equal(14_336m, attention.ActivationBytes);
            Assert.Equal(8_388_608m, attention.KvCacheBytes);
            // qk and pv 2·28·4096·128 each, scaling and softmax 28·4096 each.
            Assert.Equal(2 * 29_360_128m + 2 * 114_688m, attention.Flops);
        }

        [Fact]
        public void Int4Weights_HalveInt8WeightBytes()
        {
            var int8 = Row("model.layers.0.mlp.up_proj", Phase.Decode, weights: Precision.INT8);
            var int4 = Row("model.layers.0.mlp.up_proj", Phase.Decode, weights: Precision.INT4);

            // up_proj has no bias: 3584·18944 weights at 1 byte, then at half a byte.
            Assert.Equal(67_895_296m, int8.WeightBytes);
            Assert.Equal(33_947_648m, int4.WeightBytes);
            // Activations stay in bf16: input 3584·2, output 18944·2.
            Assert.Equal(45_056m, int4.ActivationBytes);
        }

        [Fact]
        public void Int4Weights_CanEndInHalfByte()
        {
            // A 5 → 3 Linear has 15 weights: 7.5 bytes at 4 bits, plus a bf16 bias of 3·2.
            var linear = ModuleSpec.Linear("proj", "proj", null, 5, 3, bias: true);
            var pass = new BytePass(new PassShape(1, 1, 1, false), false, PrecisionInfo.BytesPerElement(Precision.INT4), 2m);

            Assert.Equal(13.5m, ModuleBytes.Of(linear, pass).WeightBytes);
        }

        [Fact]
        public void WeightPrecision_LeavesNormsAndEmbeddingsAlone()
        {
            var norm = Row("model.layers.0.input_layernorm", weights: Precision.INT4);

            Assert.Equal(7_168m, norm.WeightBytes);
        }

        [Fact]
        public void ModelRotary_HasNoRooflinePlace()
        {
            var request = new IntensityRequest(Phase.Prefill, new RunShape(1, 2048), 2048, Precision.BF16, Precision.BF16, AttentionImplementation.Fused, H100);
            var rotary = IntensityCounter.Rows(Qwen7B(), request).Single(r => r.Module == "model.rotary_emb");

            Assert.Equal(0m, rotary.Bytes);
            Assert.Null(rotary.Intensity);
            Assert.Null(rotary.Bound);
            Assert.Null(rotary.AttainableFlopsPerSecond);
        }

        [Fact]
        public void ExpertRow_ReadsOnlyTouchedExperts()
        {
            // Mixtral-8x7B's expert w1 (4096 → 14336, 8 experts, top-2) at a decode batch of 4:
            // 6 distinct experts' weights, and T·k = 8 token-expert inputs of 4096.
            var experts = ModuleSpec.Linear("block_sparse_moe.experts.w1", "block_sparse_moe.experts.w1", 0, 4096, 14336, bias: false).AsExperts(8, 2);
            var pass = new BytePass(new PassShape(4, 1, 100, false), true, 2m, 2m);
            var bytes = ModuleBytes.Of(experts, pass);

            Assert.Equal(6m * 4096 * 14336 * 2, bytes.WeightBytes);
            Assert.Equal(8m * (4096 + 14336) * 2, bytes.ActivationBytes);
        }

        [Fact]
        public void KindWithoutRule_ReadsRoutedInputsWritesOneOutput()
        {
            // A kind added after these rules, shaped like an MoE combine: k = 2 expert outputs
            // of width 4096 per token in, one out, at decode batch 4: 4·2·4096·2 + 4·4096·2 = 98,304.
            var combine = ModuleSpec.Elementwise((ModuleKind)999, "mlp.combine", "mlp.combine", 0, 4096, 2).AsExperts(1, 2);
            var pass = new BytePass(new PassShape(4, 1, 100, false), true, 0.5m, 2m);

            Assert.Equal(98_304m, ModuleBytes.Of(combine, pass).ActivationBytes);
            Assert.Equal(0m, ModuleBytes.Of(combine, pass).WeightBytes);
        }
    }
}
