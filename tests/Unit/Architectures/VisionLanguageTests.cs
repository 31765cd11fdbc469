using MfuTools.Core.Config;
using Newtonsoft.Json.Linq;
using Xunit;

namespace MfuTools.Tests.Architectures
{
    /// <summary>Vision towers described beside a language model's keys are flagged, not counted.</summary>
    public class VisionLanguageTests
    {
        [Theory]
        [InlineData("vision_config")]
        [InlineData("mm_vision_tower")]
        public void VisionKeyBesideText_IsFlagged(string key)
        {
            var json = JObject.Parse(@"{ ""model_type"": ""llama"", ""hidden_size"": 64, ""intermediate_size"": 128,
                ""num_hidden_layers"": 2, ""num_attention_heads"": 4, ""vocab_size"": 100 }");
            json[key] = key == "mm_vision_tower" ? (JToken)"openai/clip-vit-large-patch14-336" : new JObject { ["depth"] = 32 };

            var model = ConfigReader.FromJson(json, "test", "tiny-vlm");

            Assert.True(model.HasVisionTower);
        }

        [Fact]
        public void TextOnlyConfig_IsNotFlagged()
        {
            var model = ConfigReader.Read(TestData.Config("Qwen__Qwen2.5-7B.json"));

            Assert.False(model.HasVisionTower);
        }
    }
}
