using System.Linq;
using MfuTools.Core.Catalogs;
using MfuTools.Core.Config;
using MfuTools.Core.Counting;
using MfuTools.Core.Models;
using MfuTools.Core.Modules;
using Newtonsoft.Json.Linq;
using Xunit;

namespace MfuTools.Tests.Architectures
{
    /// <summary>
    /// Per-module forward FLOPs of one Mixtral-8x7B layer at B = 1, S = 2048, worked by hand
    /// from the Mixtral-8x7B-v0.1 config.json: T = 2048, h = 4096, I = 14336, E = 8 experts,
    /// k = 2 per token. Experts count the T·k token-expert assignments, never all E.
    /// </summary>
    public class MixtureOfExpertsFlopsTests
    {
        private static ModelConfig Mixtral() => ConfigReader.Read(TestData.Config("mistralai__Mixtral-8x7B-v0.1.json"));

        private static decimal Forward(ModelConfig model, string module, Convention convention = Convention.Detailed, long sequence = 2048)
        {
            var rows = FlopCounter.Breakdown(model, new RunShape(1, sequence), convention);
            return rows.Single(r => r.Module == module).ForwardFlops;
        }

        [Theory]
        // Router: 2·T·h·E + T·E (softmax) = 2·2048·4096·8 + 2048·8
        [InlineData("model.layers.3.block_sparse_moe.gate", 134_234_112)]
        // Each expert projection: 2·T·k·h·I = 2·2048·2·4096·14336
        [InlineData("model.layers.3.block_sparse_moe.experts.w1", 481_036_337_152)]
        [InlineData("model.layers.3.block_sparse_moe.experts.w3", 481_036_337_152)]
        [InlineData("model.layers.3.block_sparse_moe.experts.w2", 481_036_337_152)]
        // SiLU 3·T·k·I and the gate product T·k·I
        [InlineData("model.layers.3.block_sparse_moe.experts.act_fn", 176_160_768)]
        [InlineData("model.layers.3.block_sparse_moe.experts.act_mul", 58_720_256)]
        // Scale and add the k outputs: 2·T·h·k
        [InlineData("model.layers.3.block_sparse_moe.expert_combine", 33_554_432)]
        public void MixtralLayer_Detailed(string module, long expected)
        {
            Assert.Equal(expected, Forward(Mixtral(), module));
        }

        [Fact]
        public void Router_IsLinearUnderMatmul()
        {
            // 2·T·h·E = 2·2048·4096·8, without the softmax.
            Assert.Equal(134_217_728m, Forward(Mixtral(), "model.layers.3.block_sparse_moe.gate", Convention.Matmul));
        }

        [Fact]
        public void ExpertRow_HoldsEveryExpertsWeights()
        {
            // 8 experts of 4096·14336 in the w1 row; 2 of them active per token.
            var w1 = Mixtral().GetModules().Single(m => m.Name == "model.layers.3.block_sparse_moe.experts.w1");

            Assert.Equal(8m * 4096 * 14336, w1.Parameters);
            Assert.Equal(2m * 4096 * 14336, w1.ActiveParameters);
            Assert.Equal(8, w1.Experts);
            Assert.Equal(2, w1.RoutedPerToken);
        }

        [Fact]
        public void Qwen15Moe_HasGatedSharedExpert()
        {
            // Qwen1.5-MoE-A2.7B: h 2048, a shared expert of 5632 with a sigmoid gate h → 1.
            // Gate: 2·T·h + T = 2·2048·2048 + 2048. Its scaling of the shared output: T·h.
            var model = PresetCatalog.Find("Qwen1.5-MoE-A2.7B");

            Assert.Equal(8_390_656m, Forward(model, "model.layers.0.mlp.shared_expert_gate"));
            Assert.Equal(4_194_304m, Forward(model, "model.layers.0.mlp.shared_expert_gate_mul"));
            // The shared expert runs on every token: 2·T·h·5632.
            Assert.Equal(2m * 2048 * 2048 * 5632, Forward(model, "model.layers.0.mlp.shared_expert.up_proj"));
            // 60 experts of 1408, 4 per token: 2·T·4·h·1408.
            Assert.Equal(2m * 2048 * 4 * 2048 * 1408, Forward(model, "model.layers.0.mlp.experts.gate_proj"));
        }

        [Fact]
        public void Qwen3Moe_HonoursMlpOnlyLayers()
        {
            // Qwen3MoeDecoderLayer: a layer in mlp_only_layers, or off the decoder_sparse_step
            // grid, keeps the dense MLP of intermediate_size.
            var json = JObject.Parse(@"{
                ""model_type"": ""qwen3_moe"", ""hidden_size"": 64, ""intermediate_size"": 256,
                ""moe_intermediate_size"": 32, ""num_hidden_layers"": 4, ""num_attention_heads"": 4,
                ""num_key_value_heads"": 2, ""head_dim"": 16, ""vocab_size"": 100,
                ""num_experts"": 8, ""num_experts_per_tok"": 2, ""decoder_sparse_step"": 2,
                ""mlp_only_layers"": [3] }");
            var model = ConfigReader.FromJson(json, "test", "tiny-qwen3-moe");

            Assert.False(model.UsesExperts(0));
            Assert.True(model.UsesExperts(1));
            Assert.False(model.UsesExperts(2));
            Assert.False(model.UsesExperts(3));
            Assert.Contains(model.GetModules(), m => m.Name == "model.layers.1.mlp.experts.down_proj");
            Assert.Contains(model.GetModules(), m => m.Name == "model.layers.0.mlp.down_proj" && m.InFeatures == 256);
        }

        [Fact]
        public void TooManyExpertsPerToken_IsShapeError()
        {
            var json = JObject.Parse(@"{
                ""model_type"": ""mixtral"", ""hidden_size"": 64, ""intermediate_size"": 256,
                ""num_hidden_layers"": 2, ""num_attention_heads"": 4, ""vocab_size"": 100,
                ""num_local_experts"": 2, ""num_experts_per_tok"": 3 }");

            var error = Assert.Throws<MfuTools.Core.Errors.MfuException>(() => ConfigReader.FromJson(json, "test", "bad"));
            Assert.Equal("ConfigShapeInvalid", error.ErrorId);
        }

        [Fact]
        public void Megatron_LeavesRouterOut()
        {
            // Megatron-LM's formula has no router term: its training FLOPs are the Matmul
            // training FLOPs less 3 × the 32 routers' 2·T·h·E (vocabulary 32000 is already
            // a multiple of 128, so no padding term).
            var model = Mixtral();
            var run = new RunShape(1, 2048);
            var matmul = FlopCounter.Summary(model, run, Convention.Matmul).TrainingFlops;
            var megatron = FlopCounter.Summary(model, run, Convention.Megatron).TrainingFlops;

            Assert.Equal(matmul - 3m * 32 * 134_217_728, megatron);
        }

        [Fact]
        public void PaLM_UsesActiveParameters()
        {
            // PaLM's 6·N·T + 12·L·nh·d·S·B with N the 12,879,925,248 active parameters.
            var model = Mixtral();
            var palm = FlopCounter.Summary(model, new RunShape(1, 2048), Convention.PaLM).TrainingFlops;

            Assert.Equal(6m * 12_879_925_248 * 2048 + 12m * 32 * 32 * 128 * 2048 * 2048, palm);
        }

        [Fact]
        public void ExpertShape_NamesExpertCount()
        {
            var row = FlopCounter.Breakdown(Mixtral(), new RunShape(1, 2048), Convention.Detailed, new[] { 0 })
                .Single(r => r.Module == "model.layers.0.block_sparse_moe.experts.w2");

            Assert.Equal("8 x (14336, 4096)", row.WeightShape);
            Assert.Equal(ModuleKind.Linear, row.Kind);
        }
    }
}
