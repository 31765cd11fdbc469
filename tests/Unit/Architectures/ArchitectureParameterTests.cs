using System.Linq;
using MfuTools.Core.Catalogs;
using MfuTools.Core.Config;
using Xunit;

namespace MfuTools.Tests.Architectures
{
    /// <summary>
    /// Parameter counts of the mixture-of-experts, latent-attention and GPT-2 configs, worked
    /// exactly from each published config.json as Hugging Face's num_parameters() counts them.
    /// </summary>
    public class ArchitectureParameterTests
    {
        [Fact]
        public void Mixtral8x7B_CountsEveryExpert()
        {
            // Mixtral-8x7B-v0.1 config.json: 32 layers of attention (h 4096, 32 query and 8
            // key/value heads of 128) and 8 experts of 3·4096·14336 each, router 4096·8,
            // untied embeddings of 32000 rows. Mistral AI's announcement gives 46.7B.
            var model = ConfigReader.Read(TestData.Config("mistralai__Mixtral-8x7B-v0.1.json"));

            Assert.Equal(46_702_792_704m, model.Parameters);
        }

        [Fact]
        public void Mixtral8x7B_ActiveUsesTwoExperts()
        {
            // Total less the 6 unused experts of every layer: 46,702,792,704 − 32·6·3·4096·14336.
            // Mistral AI's announcement gives 12.9B active parameters per token.
            var model = ConfigReader.Read(TestData.Config("mistralai__Mixtral-8x7B-v0.1.json"));

            Assert.Equal(12_879_925_248m, model.ActiveParameters);
        }

        [Fact]
        public void Gpt2_CountsPositionEmbeddings()
        {
            // gpt2 config.json: wte 50257·768, wpe 1024·768, 12 blocks of 12·768² + 13·768,
            // ln_f 2·768, lm_head tied to wte. The GPT-2 checkpoint has 124,439,808 parameters.
            var model = ConfigReader.Read(TestData.Config("openai-community__gpt2__resaved.json"));

            Assert.Equal(124_439_808m, model.Parameters);
            Assert.True(model.TieWordEmbeddings);
            Assert.Equal(3072, model.IntermediateSize);
        }

        [Fact]
        public void DeepSeekV3_MatchesPublishedTotal()
        {
            // DeepSeek-V3 config.json without the multi-token-prediction layer: the 671B of the
            // DeepSeek-V3 report. 3 dense layers (I 18432), 58 MoE layers of 256 routed experts
            // and 1 shared expert of 2048, each router 7168·256 plus 256 e_score_correction_bias.
            var model = ConfigReader.Read(TestData.Config("deepseek-ai__DeepSeek-V3.json"));

            Assert.Equal(671_026_419_200m, model.Parameters);
        }

        [Fact]
        public void DeepSeekV3_ActiveUsesEightExperts()
        {
            // Total less 58 layers · 248 unused experts · 3·7168·2048: the report's 37B active.
            var model = ConfigReader.Read(TestData.Config("deepseek-ai__DeepSeek-V3.json"));

            Assert.Equal(37_552_297_472m, model.ActiveParameters);
            Assert.Equal(58, model.ExpertLayerCount);
        }

        [Theory]
        [InlineData("Mixtral-8x7B-v0.1", "mistralai__Mixtral-8x7B-v0.1.json")]
        [InlineData("DeepSeek-V3", "deepseek-ai__DeepSeek-V3.json")]
        [InlineData("GPT-2-small", "openai-community__gpt2__resaved.json")]
        public void Preset_MatchesItsConfig(string preset, string config)
        {
            var fromPreset = PresetCatalog.Find(preset);
            var fromConfig = ConfigReader.Read(TestData.Config(config));

            Assert.Equal(fromConfig.Parameters, fromPreset.Parameters);
            Assert.Equal(fromConfig.ActiveParameters, fromPreset.ActiveParameters);
        }

        [Theory]
        // Each total is worked by hand from the model's published config. It adds the
        // untied embeddings of 151936 rows and the final norm to the layers. Each layer has
        // attention, norms, a router h·E and E experts of 3·h·I_e. Qwen2-MoE adds a shared
        // expert of 3·h·I_s and its gate h.
        // Active = total − L·(E − k)·3·h·I_e.
        // Qwen2-57B-A14B: h 3584, 28 layers, 64 experts of 2560, k 8, shared 20480; the Qwen2 report's 57B and 14B.
        [InlineData("Qwen2-57B-A14B", 57_408_658_944, 14_249_270_784)]
        // Qwen3-30B-A3B: h 2048, 48 layers, 128 experts of 768, k 8; the model card's 30.5B and 3.3B.
        [InlineData("Qwen3-30B-A3B", 30_532_122_624, 3_353_032_704)]
        // Qwen3-235B-A22B: h 4096, 94 layers, 128 experts of 1536, k 8; the model card's 235B and 22B.
        [InlineData("Qwen3-235B-A22B", 235_093_634_560, 22_190_763_520)]
        // Qwen1.5-MoE-A2.7B: h 2048, 24 layers, 60 experts of 1408, k 4, shared 5632; the card's 14.3B and 2.7B.
        [InlineData("Qwen1.5-MoE-A2.7B", 14_315_784_192, 2_689_173_504)]
        // GPT-2 medium (h 1024, 24 layers) and xl (h 1600, 48 layers): V·h + 1024·h + L·(12h² + 13h) + 2h,
        // the checkpoints' 355M and 1.5B (GPT2Model of gpt2-xl prints 1,557,611,200).
        [InlineData("GPT-2-medium", 354_823_168, 354_823_168)]
        [InlineData("GPT-2-xl", 1_557_611_200, 1_557_611_200)]
        public void Presets_MatchWorkedTotals(string preset, long total, long active)
        {
            var model = PresetCatalog.Find(preset);

            Assert.Equal(total, model.Parameters);
            Assert.Equal(active, model.ActiveParameters);
        }

        [Theory]
        [InlineData("Qwen2-57B-A14B")]
        [InlineData("Qwen3-30B-A3B")]
        [InlineData("Qwen3-235B-A22B")]
        [InlineData("Qwen1.5-MoE-A2.7B")]
        [InlineData("Mixtral-8x22B-v0.1")]
        [InlineData("DeepSeek-V2")]
        [InlineData("DeepSeek-V2-Lite")]
        [InlineData("GPT-2-large")]
        [InlineData("GPT-3-175B")]
        public void Catalog_ListsArchitecturePresets(string preset)
        {
            Assert.Contains(preset, PresetCatalog.Names);
        }

        [Fact]
        public void Gpt3_UsesPaperDimensions()
        {
            // Brown et al. 2020, Table 2.1: 96 layers, d_model 12288, 96 heads of 128, a
            // 2048-token context, d_ff = 4·d_model. Counted as GPT-2's architecture: 174.6B,
            // against the paper's rounded 175.0B.
            var model = PresetCatalog.Find("GPT-3-175B");

            Assert.Equal(174_604_259_328m, model.Parameters);
            Assert.Equal(128, model.HeadDim);
            Assert.Contains("sparse", model.Notes);
        }

        [Fact]
        public void DeepSeekV2Lite_UsesPlainQueryProjection()
        {
            // DeepSeek-V2-Lite sets q_lora_rank null: one q_proj h → nh·(128 + 64) = 2048 → 3072.
            var model = PresetCatalog.Find("DeepSeek-V2-Lite");
            var qProj = model.GetModules().Single(m => m.Name == "model.layers.0.self_attn.q_proj");

            Assert.Equal(2048, qProj.InFeatures);
            Assert.Equal(3072, qProj.OutFeatures);
            Assert.DoesNotContain(model.GetModules(), m => m.Name.EndsWith("q_a_proj"));
        }
    }
}
