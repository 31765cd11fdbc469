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
    /// Sliding-window attention, worked by hand from the Mistral-7B-v0.1 config.json
    /// (sliding_window 4096 on every layer, 32 query heads of 128): each query attends to
    /// min(S, W) keys, so the score rows use S·min(S, W) in place of S².
    /// </summary>
    public class SlidingWindowTests
    {
        private static ModelConfig Mistral() => ConfigReader.Read(TestData.Config("mistralai__Mistral-7B-v0.1__resaved.json"));

        private static decimal Forward(ModelConfig model, string module, long sequence, bool causal = false)
        {
            var rows = FlopCounter.Breakdown(model, new RunShape(1, sequence, causal), Convention.Detailed, new[] { 0 });
            return rows.Single(r => r.Module == module).ForwardFlops;
        }

        [Fact]
        public void MistralLayer_CountsWindowOnly()
        {
            // S = 8192, W = 4096: qk = 2·B·nh·S·W·d = 2·32·8192·4096·128.
            Assert.Equal(274_877_906_944m, Forward(Mistral(), "model.layers.0.self_attn.attention.qk", 8192));
            Assert.Equal(274_877_906_944m, Forward(Mistral(), "model.layers.0.self_attn.attention.pv", 8192));
            // softmax: B·nh·S·W = 32·8192·4096.
            Assert.Equal(1_073_741_824m, Forward(Mistral(), "model.layers.0.self_attn.attention.softmax", 8192));
        }

        [Fact]
        public void CausalWindow_SubtractsTriangle()
        {
            // Causal with W < S: S·W − W²/2 pairs. qk = 2·32·(8192·4096 − 4096²/2)·128;
            // scaling = 32·(8192·4096 − 4096²/2).
            Assert.Equal(206_158_430_208m, Forward(Mistral(), "model.layers.0.self_attn.attention.qk", 8192, causal: true));
            Assert.Equal(805_306_368m, Forward(Mistral(), "model.layers.0.self_attn.attention.scaling", 8192, causal: true));
        }

        [Fact]
        public void ShortSequence_IsFullAttention()
        {
            // S = 2048 < W: the whole S² matrix, 2·32·2048²·128.
            Assert.Equal(34_359_738_368m, Forward(Mistral(), "model.layers.0.self_attn.attention.qk", 2048));
        }

        [Fact]
        public void DecodeStep_ReadsWindowOfCache()
        {
            // One new token against 8192 cached keys attends to only the last 4096 of them.
            var pass = new PassShape(1, 1, 8192, causal: true);

            Assert.Equal(4096m, pass.ScorePairs(4096));
            Assert.Equal(8192m, pass.ScorePairs(null));
        }

        [Fact]
        public void MixtralWindow_AppliesToEveryLayer()
        {
            // MixtralConfig: a sliding_window that is set applies to every layer, as Mistral's does.
            var json = JObject.Parse(@"{ ""model_type"": ""mixtral"", ""hidden_size"": 64, ""intermediate_size"": 128,
                ""num_hidden_layers"": 2, ""num_attention_heads"": 4, ""vocab_size"": 100,
                ""num_local_experts"": 4, ""num_experts_per_tok"": 2, ""sliding_window"": 32 }");
            var model = ConfigReader.FromJson(json, "test", "tiny-mixtral");

            Assert.True(model.UsesSlidingWindow(0));
            Assert.True(model.UsesSlidingWindow(1));
        }

        [Fact]
        public void MixtralWithoutWindow_IsFullAttention()
        {
            // The Mixtral-8x7B-v0.1 config.json sets sliding_window null.
            var model = ConfigReader.Read(TestData.Config("mistralai__Mixtral-8x7B-v0.1.json"));

            Assert.Null(model.SlidingWindow);
        }

        [Fact]
        public void Qwen2_WindowStartsAtMaxWindowLayers()
        {
            // Qwen2Attention: with use_sliding_window, the layers from max_window_layers on use it.
            var model = ConfigReader.FromJson(Tiny(@"""use_sliding_window"": true, ""sliding_window"": 16, ""max_window_layers"": 2"), "test", "tiny");

            Assert.False(model.UsesSlidingWindow(1));
            Assert.True(model.UsesSlidingWindow(2));
        }

        [Fact]
        public void LayerTypes_PickWindowLayers()
        {
            var model = ConfigReader.FromJson(Tiny(@"""use_sliding_window"": true, ""sliding_window"": 16, ""max_window_layers"": 0,
                ""layer_types"": [""sliding_attention"", ""full_attention"", ""sliding_attention"", ""full_attention""]"), "test", "tiny");

            Assert.True(model.UsesSlidingWindow(0));
            Assert.False(model.UsesSlidingWindow(1));
            Assert.Equal(16, model.GetModules().Single(m => m.Name == "model.layers.2.self_attn.attention.qk").Window);
            Assert.Null(model.GetModules().Single(m => m.Name == "model.layers.3.self_attn.attention.qk").Window);
        }

        [Fact]
        public void LayerTypes_WrongLength_IsShapeError()
        {
            var error = Assert.Throws<MfuException>(() => ConfigReader.FromJson(Tiny(@"""layer_types"": [""full_attention""]"), "test", "tiny"));

            Assert.Equal(ErrorIds.ConfigShapeInvalid, error.ErrorId);
        }

        [Fact]
        public void LayerTypes_UnknownType_IsNotSupported()
        {
            var error = Assert.Throws<MfuException>(() => ConfigReader.FromJson(
                Tiny(@"""layer_types"": [""full_attention"", ""linear_attention"", ""full_attention"", ""full_attention""]"), "test", "tiny"));

            Assert.Equal(ErrorIds.LayerTypeNotSupported, error.ErrorId);
            Assert.Contains("linear_attention", error.Message);
        }

        private static JObject Tiny(string extra)
        {
            return JObject.Parse(@"{ ""model_type"": ""qwen2"", ""hidden_size"": 64, ""intermediate_size"": 128,
                ""num_hidden_layers"": 4, ""num_attention_heads"": 4, ""num_key_value_heads"": 2, ""vocab_size"": 100, " + extra + " }");
        }
    }
}
