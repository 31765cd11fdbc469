using MfuTools.Core.Config;
using Xunit;

namespace MfuTools.Tests.Engine
{
    /// <summary>
    /// Parameter counts of real configs against the totals Hugging Face's num_parameters()
    /// gives for the published checkpoints (the figures on each model card, worked exactly
    /// from the config: embeddings, per-layer projections with their biases, norms, lm_head).
    /// </summary>
    public class ParameterCountTests
    {
        [Theory]
        // Qwen2.5-0.5B config.json: tied embeddings, q/k/v bias.
        [InlineData("Qwen__Qwen2.5-0.5B.json", 494_032_768)]
        // Qwen2-0.5B re-saved config: same dimensions as Qwen2.5-0.5B.
        [InlineData("Qwen__Qwen2-0.5B__resaved.json", 494_032_768)]
        // Qwen2.5-1.5B config.json: tied embeddings.
        [InlineData("Qwen__Qwen2.5-1.5B.json", 1_543_714_304)]
        // Qwen2.5-7B config.json: untied, vocabulary 152,064.
        [InlineData("Qwen__Qwen2.5-7B.json", 7_615_616_512)]
        // Qwen2.5-72B config.json.
        [InlineData("Qwen__Qwen2.5-72B.json", 72_706_203_648)]
        // Qwen2.5-VL-7B-Instruct: its language model is Qwen2.5-7B's.
        [InlineData("Qwen__Qwen2.5-VL-7B-Instruct.json", 7_615_616_512)]
        // Qwen3-8B config.json: q_norm and k_norm of head_dim 128, no bias.
        [InlineData("Qwen__Qwen3-8B.json", 8_190_735_360)]
        // Llama-2-7b-hf config.json (model card: 6.74B).
        [InlineData("meta-llama__Llama-2-7b-hf.json", 6_738_415_616)]
        // Llama-3.1-8B config.json (model card: 8.03B).
        [InlineData("meta-llama__Meta-Llama-3.1-8B.json", 8_030_261_248)]
        // Mistral-7B-v0.1 config.json (model card: 7.24B).
        [InlineData("mistralai__Mistral-7B-v0.1__resaved.json", 7_241_732_096)]
        public void ConfigParameters_MatchPublished(string file, long expected)
        {
            var model = ConfigReader.Read(TestData.Config(file));

            Assert.Equal(expected, model.Parameters);
        }

        [Fact]
        public void LlavaTextConfig_TakesLlamaDefaults()
        {
            // llava-1.5-7b's text_config sets only vocab_size 32064: Llama's defaults supply
            // hidden 4096, intermediate 11008, 32 layers and 32 heads, i.e. Llama-2-7B with
            // 64 more vocabulary rows in embed_tokens and lm_head: 6,738,415,616 + 2·64·4096.
            var model = ConfigReader.Read(TestData.Config("llava-hf__llava-1.5-7b-hf.json"));

            Assert.Equal(4096, model.HiddenSize);
            Assert.Equal(11008, model.IntermediateSize);
            Assert.Equal(32, model.NumHiddenLayers);
            Assert.Equal(32, model.NumKeyValueHeads);
            Assert.Equal(6_738_415_616L + 2 * 64 * 4096, model.Parameters);
            Assert.True(model.HasVisionTower);
        }
    }
}
