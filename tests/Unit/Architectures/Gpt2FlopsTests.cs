using System.Linq;
using MfuTools.Core.Config;
using MfuTools.Core.Counting;
using MfuTools.Core.Errors;
using MfuTools.Core.Models;
using Newtonsoft.Json.Linq;
using Xunit;

namespace MfuTools.Tests.Architectures
{
    /// <summary>
    /// GPT-2 small's module rows, worked by hand from the gpt2 config.json: h 768, 12 heads,
    /// n_inner null (4·768 = 3072), gelu_new. B = 1, S = 1024, so T = 1024.
    /// </summary>
    public class Gpt2FlopsTests
    {
        private static ModelConfig Gpt2() => ConfigReader.Read(TestData.Config("openai-community__gpt2__resaved.json"));

        private static decimal Forward(ModelConfig model, string module)
        {
            return FlopCounter.Breakdown(model, new RunShape(1, 1024), Convention.Detailed).Single(r => r.Module == module).ForwardFlops;
        }

        [Theory]
        // Fused c_attn h → 3h with bias: 2·T·768·2304 + T·2304
        [InlineData("transformer.h.0.attn.c_attn", 3_626_237_952)]
        // LayerNorm with bias: 5·T·h
        [InlineData("transformer.h.0.ln_1", 3_932_160)]
        // GELU, tanh form: 9·T·I
        [InlineData("transformer.h.0.mlp.act", 28_311_552)]
        // Learned position embedding added to the token embedding: T·h
        [InlineData("transformer.position_add", 786_432)]
        [InlineData("transformer.wpe", 0)]
        public void Gpt2Small_Detailed(string module, long expected)
        {
            Assert.Equal(expected, Forward(Gpt2(), module));
        }

        [Fact]
        public void ModuleNames_FollowHuggingFace()
        {
            var names = Gpt2().GetModules().Select(m => m.Name).ToList();

            Assert.Equal("transformer.wte", names[0]);
            Assert.Contains("transformer.h.11.mlp.c_proj", names);
            Assert.Equal("transformer.ln_f", names[names.Count - 2]);
            Assert.Equal("lm_head", names[names.Count - 1]);
        }

        [Fact]
        public void ErfGelu_IsFiveFlops()
        {
            // activation_function "gelu" is the erf form: 5·T·I = 5·1024·3072.
            var json = JObject.Parse(@"{ ""model_type"": ""gpt2"", ""n_embd"": 768, ""n_layer"": 1, ""n_head"": 12,
                                         ""vocab_size"": 50257, ""activation_function"": ""gelu"" }");
            var model = ConfigReader.FromJson(json, "test", "gpt2-erf");

            Assert.Equal(15_728_640m, Forward(model, "transformer.h.0.mlp.act"));
        }

        [Fact]
        public void UnknownActivation_IsInvalid()
        {
            var json = JObject.Parse(@"{ ""model_type"": ""gpt2"", ""n_embd"": 768, ""n_layer"": 1, ""n_head"": 12,
                                         ""vocab_size"": 50257, ""activation_function"": ""mish"" }");

            var error = Assert.Throws<MfuException>(() => ConfigReader.FromJson(json, "test", "gpt2-mish"));
            Assert.Equal(ErrorIds.ConfigValueInvalid, error.ErrorId);
            Assert.Contains("mish", error.Message);
        }

        [Fact]
        public void Torchtitan_LeavesPositionTableOut()
        {
            // torchtitan's N′ drops the position table (1024·768) but keeps the tied token
            // table, which also computes the logits: 6·(124,439,808 − 786,432)·T + 12·L·h·S·T.
            var summary = FlopCounter.Summary(Gpt2(), new RunShape(1, 1024), Convention.Torchtitan);

            Assert.Equal(6m * (124_439_808 - 786_432) * 1024 + 12m * 12 * 768 * 1024 * 1024, summary.TrainingFlops);
        }
    }
}
