using System.Linq;
using MfuTools.Core.Config;
using MfuTools.Core.Counting;
using MfuTools.Core.Models;
using MfuTools.Core.Modules;
using Xunit;

namespace MfuTools.Tests.Architectures
{
    /// <summary>
    /// Latent attention and the dense/MoE layer split of DeepSeek-V3, worked by hand from its
    /// config.json: h 7168, 128 heads, q_lora_rank 1536, kv_lora_rank 512, qk_nope_head_dim
    /// 128, qk_rope_head_dim 64, v_head_dim 128, first_k_dense_replace 3. B = 1, S = 2048.
    /// </summary>
    public class DeepSeekFlopsTests
    {
        private static ModelConfig V3() => ConfigReader.Read(TestData.Config("deepseek-ai__DeepSeek-V3.json"));

        private static decimal Forward(ModelConfig model, string module)
        {
            return FlopCounter.Breakdown(model, new RunShape(1, 2048), Convention.Detailed).Single(r => r.Module == module).ForwardFlops;
        }

        [Theory]
        // q_a_proj: 2·T·h·1536
        [InlineData("model.layers.0.self_attn.q_a_proj", 45_097_156_608)]
        // kv_a_proj_with_mqa: 2·T·h·(512 + 64)
        [InlineData("model.layers.0.self_attn.kv_a_proj_with_mqa", 16_911_433_728)]
        // kv_b_proj: 2·T·512·128·(128 + 128)
        [InlineData("model.layers.0.self_attn.kv_b_proj", 68_719_476_736)]
        // qk at width nope + rope = 192: 2·B·nh·S²·192
        [InlineData("model.layers.0.self_attn.attention.qk", 206_158_430_208)]
        // pv at v_head_dim 128: 2·B·nh·S²·128
        [InlineData("model.layers.0.self_attn.attention.pv", 137_438_953_472)]
        public void LatentAttention_Detailed(string module, long expected)
        {
            Assert.Equal(expected, Forward(V3(), module));
        }

        [Fact]
        public void FirstThreeLayers_AreDense()
        {
            var model = V3();

            Assert.False(model.UsesExperts(2));
            Assert.True(model.UsesExperts(3));
            Assert.Contains(model.GetModules(), m => m.Name == "model.layers.2.mlp.gate_proj" && m.OutFeatures == 18432);
            Assert.Contains(model.GetModules(), m => m.Name == "model.layers.3.mlp.shared_experts.gate_proj" && m.OutFeatures == 2048);
        }

        [Fact]
        public void Router_HoldsCorrectionBias()
        {
            // mlp.gate: 256·7168 weights plus 256 e_score_correction_bias values.
            var gate = V3().GetModules().Single(m => m.Name == "model.layers.3.mlp.gate");

            Assert.Equal(ModuleKind.Router, gate.Kind);
            Assert.Equal(256m * 7168 + 256, gate.Parameters);
        }

        [Fact]
        public void Attention_CachesLatentWidth()
        {
            // The KV cache of latent attention: kv_lora_rank + qk_rope_head_dim = 576 per token and layer.
            var qk = V3().GetModules().Single(m => m.Name == "model.layers.0.self_attn.attention.qk");

            Assert.Equal(576, qk.LatentCacheWidth);
        }

        [Fact]
        public void Megatron_UsesItsLatentAttentionTerms()
        {
            // Megatron-LM's MLA branch counts q_lora_rank·(h + nh·192 + 1) and
            // kv_lora_rank·(h + nh·256 + 1) + h·64 multiply-adds per token: our Matmul
            // projections plus one multiply-add per element of each latent norm, in all 61
            // layers. It leaves out the 58 routers (2·T·h·256 each). The vocabulary 129280 is
            // a multiple of 128. Training = 3 × forward.
            var model = V3();
            var run = new RunShape(1, 2048);
            var matmul = FlopCounter.Summary(model, run, Convention.Matmul).TrainingFlops;
            var megatron = FlopCounter.Summary(model, run, Convention.Megatron).TrainingFlops;
            var normTerms = 61m * 2 * 2048 * (1536 + 512);
            var routers = 58m * 2 * 2048 * 7168 * 256;

            Assert.Equal(matmul + 3 * (normTerms - routers), megatron);
        }
    }
}
