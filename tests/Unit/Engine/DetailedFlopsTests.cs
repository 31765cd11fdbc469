using System.Linq;
using MfuTools.Core.Catalogs;
using MfuTools.Core.Config;
using MfuTools.Core.Counting;
using Xunit;

namespace MfuTools.Tests.Engine
{
    /// <summary>
    /// Per-module forward FLOPs of Qwen2.5-7B, one layer, B = 1, S = 2048, worked by hand from
    /// the per-module formulas (docs/conventions.md) with the config's h = 3584, nh = 28, nkv = 4, d = 128,
    /// I = 18944, V = 152064. T = 2048.
    /// </summary>
    public class DetailedFlopsTests
    {
        private static decimal LayerZero(string module)
        {
            var model = ConfigReader.Read(TestData.Config("Qwen__Qwen2.5-7B.json"));
            var rows = FlopCounter.Breakdown(model, new RunShape(1, 2048), Convention.Detailed);
            return rows.Single(r => r.Module == module).ForwardFlops;
        }

        [Theory]
        // 2·T·h·(nh·d) + T·(nh·d) = 2·2048·3584·3584 + 2048·3584
        [InlineData("model.layers.0.self_attn.q_proj", 52_620_689_408)]
        // 2·T·h·(nkv·d) + T·(nkv·d) = 2·2048·3584·512 + 2048·512
        [InlineData("model.layers.0.self_attn.k_proj", 7_517_241_344)]
        [InlineData("model.layers.0.self_attn.v_proj", 7_517_241_344)]
        // 2·B·nh·S²·d = 2·28·2048²·128
        [InlineData("model.layers.0.self_attn.attention.qk", 30_064_771_072)]
        [InlineData("model.layers.0.self_attn.attention.pv", 30_064_771_072)]
        // B·nh·S² = 28·2048²
        [InlineData("model.layers.0.self_attn.attention.scaling", 117_440_512)]
        [InlineData("model.layers.0.self_attn.attention.softmax", 117_440_512)]
        // 2·T·h·(nh·d), no bias on o_proj in Qwen2
        [InlineData("model.layers.0.self_attn.o_proj", 52_613_349_376)]
        // 2·T·h·I = 2·2048·3584·18944
        [InlineData("model.layers.0.mlp.gate_proj", 278_099_132_416)]
        [InlineData("model.layers.0.mlp.up_proj", 278_099_132_416)]
        [InlineData("model.layers.0.mlp.down_proj", 278_099_132_416)]
        // 3·T·I (SiLU)
        [InlineData("model.layers.0.mlp.act_fn", 116_391_936)]
        // 4·T·h (RMSNorm)
        [InlineData("model.layers.0.input_layernorm", 29_360_128)]
        // 3·T, the rotary row inside attention
        [InlineData("model.layers.0.self_attn.rotary_emb", 6_144)]
        // T·I and T·h: the gate product and the residual add
        [InlineData("model.layers.0.mlp.act_mul", 38_797_312)]
        [InlineData("model.layers.0.residual_add_attn", 7_340_032)]
        public void Qwen25_7B_LayerZero(string module, long expected)
        {
            Assert.Equal(expected, LayerZero(module));
        }

        [Fact]
        public void LmHead_IsOnePerModel()
        {
            // 2·T·h·V = 2·2048·3584·152064
            Assert.Equal(2_232_309_252_096m, LayerZero("lm_head"));
        }

        [Fact]
        public void AttentionRows_SumToNoteAttentionTotal()
        {
            // The attention total of one Qwen2 layer, worked by hand:
            // 4·T·h·(nh·d) + 4·T·h·(nkv·d) + T·(nh·d) + 2·T·(nkv·d) + 4·B·nh·S²·d + 2·B·nh·S²
            // = 180,632,944,640.
            var model = ConfigReader.Read(TestData.Config("Qwen__Qwen2.5-7B.json"));
            var rows = FlopCounter.Breakdown(model, new RunShape(1, 2048), Convention.Detailed, new[] { 0 });
            var attention = rows.Where(r => r.Module.Contains(".self_attn.") && !r.Module.EndsWith("rotary_emb")).Sum(r => r.ForwardFlops);

            Assert.Equal(180_632_944_640m, attention);
        }

        [Fact]
        public void MlpRows_SumToNoteMlpTotal()
        {
            // The gated MLP total 6·T·h·I + 3·T·I = 834,413,789,184 (projections and SiLU); the act_mul
            // row (T·I) is a separate term and left out of this sum.
            var model = ConfigReader.Read(TestData.Config("Qwen__Qwen2.5-7B.json"));
            var rows = FlopCounter.Breakdown(model, new RunShape(1, 2048), Convention.Detailed, new[] { 0 });
            var mlp = rows.Where(r => r.Module.Contains(".mlp.") && !r.Module.EndsWith("act_mul")).Sum(r => r.ForwardFlops);

            Assert.Equal(6m * 2048 * 3584 * 18944 + 3m * 2048 * 18944, mlp);
        }

        [Fact]
        public void MatmulTotals_MatchNoteTotalSection()
        {
            // Matmul-only totals per layer, worked by hand: self_attn 180,388,626,432 and mlp
            // 834,297,397,248 (matmul only, no bias).
            var model = PresetCatalog.Find("Qwen2.5-7B");
            var rows = FlopCounter.Breakdown(model, new RunShape(1, 2048), Convention.Matmul, new[] { 5 });

            Assert.Equal(180_388_626_432m, rows.Where(r => r.Module.Contains(".self_attn.")).Sum(r => r.ForwardFlops));
            Assert.Equal(834_297_397_248m, rows.Where(r => r.Module.Contains(".mlp.")).Sum(r => r.ForwardFlops));
        }
    }
}
