using System;
using System.Collections.Generic;
using MfuTools.Core.Models;

namespace MfuTools.Core.Config
{
    /// <summary>
    /// What each supported <c>model_type</c> maps to, with the defaults its Hugging Face
    /// config class applies to keys a config leaves out (transformers' LlamaConfig,
    /// MistralConfig, Qwen2Config, Qwen3Config and Qwen2_5_VLConfig constructors, and
    /// MixtralConfig, Qwen2MoeConfig, Qwen3MoeConfig, DeepseekV2Config, DeepseekV3Config
    /// and GPT2Config for the dimensions they share with them).
    /// Only a nested text_config relies on them for its dimensions; a top-level config
    /// must state its dimensions. num_key_value_heads and head_dim have no family default
    /// here: absent or null, they are the attention heads and hidden_size / heads, as
    /// the MfuTools counting rules fix for every family.
    /// </summary>
    internal sealed class FamilyDefaults
    {
        public ArchitectureFamily Family { get; private set; }
        public int VocabSize { get; private set; }
        public int HiddenSize { get; private set; }
        public int IntermediateSize { get; private set; }
        public int NumHiddenLayers { get; private set; }
        public int NumAttentionHeads { get; private set; }

        public bool TieWordEmbeddings { get; private set; }

        /// <summary>Sliding window when the key is absent (Mistral and Qwen default to 4096).</summary>
        public int? SlidingWindow { get; private set; }

        public int MaxWindowLayers { get; private set; }

        private static readonly FamilyDefaults Llama = new FamilyDefaults
        {
            Family = ArchitectureFamily.Llama, VocabSize = 32000, HiddenSize = 4096, IntermediateSize = 11008,
            NumHiddenLayers = 32, NumAttentionHeads = 32,
        };

        private static readonly FamilyDefaults Mistral = new FamilyDefaults
        {
            Family = ArchitectureFamily.Mistral, VocabSize = 32000, HiddenSize = 4096, IntermediateSize = 14336,
            NumHiddenLayers = 32, NumAttentionHeads = 32, SlidingWindow = 4096,
        };

        private static readonly FamilyDefaults Qwen2 = new FamilyDefaults
        {
            Family = ArchitectureFamily.Qwen2, VocabSize = 151936, HiddenSize = 4096, IntermediateSize = 22016,
            NumHiddenLayers = 32, NumAttentionHeads = 32, SlidingWindow = 4096, MaxWindowLayers = 28,
        };

        private static readonly FamilyDefaults Qwen2VisionLanguage = new FamilyDefaults
        {
            Family = ArchitectureFamily.Qwen2, VocabSize = 152064, HiddenSize = 8192, IntermediateSize = 29568,
            NumHiddenLayers = 80, NumAttentionHeads = 64, SlidingWindow = 4096, MaxWindowLayers = 80,
        };

        private static readonly FamilyDefaults Qwen3 = new FamilyDefaults
        {
            Family = ArchitectureFamily.Qwen3, VocabSize = 151936, HiddenSize = 4096, IntermediateSize = 22016,
            NumHiddenLayers = 32, NumAttentionHeads = 32, SlidingWindow = 4096, MaxWindowLayers = 28,
        };

        /// <summary>PaLM 540B as its paper publishes it; no Hugging Face config class exists.</summary>
        private static readonly FamilyDefaults PaLM = new FamilyDefaults
        {
            Family = ArchitectureFamily.PaLM, VocabSize = 256000, HiddenSize = 18432, IntermediateSize = 73728,
            NumHiddenLayers = 118, NumAttentionHeads = 48, TieWordEmbeddings = true,
        };

        // MixtralConfig: no window unless sliding_window is set.
        private static readonly FamilyDefaults Mixtral = new FamilyDefaults
        {
            Family = ArchitectureFamily.Mixtral, VocabSize = 32000, HiddenSize = 4096, IntermediateSize = 14336,
            NumHiddenLayers = 32, NumAttentionHeads = 32,
        };

        private static readonly FamilyDefaults Qwen2Moe = new FamilyDefaults
        {
            Family = ArchitectureFamily.Qwen2Moe, VocabSize = 151936, HiddenSize = 2048, IntermediateSize = 5632,
            NumHiddenLayers = 24, NumAttentionHeads = 16, SlidingWindow = 4096, MaxWindowLayers = 28,
        };

        private static readonly FamilyDefaults Qwen3Moe = new FamilyDefaults
        {
            Family = ArchitectureFamily.Qwen3Moe, VocabSize = 151936, HiddenSize = 2048, IntermediateSize = 6144,
            NumHiddenLayers = 24, NumAttentionHeads = 32, SlidingWindow = 4096, MaxWindowLayers = 28,
        };

        private static readonly FamilyDefaults DeepSeekV2 = new FamilyDefaults
        {
            Family = ArchitectureFamily.DeepSeekV2, VocabSize = 102400, HiddenSize = 4096, IntermediateSize = 11008,
            NumHiddenLayers = 30, NumAttentionHeads = 32,
        };

        private static readonly FamilyDefaults DeepSeekV3 = new FamilyDefaults
        {
            Family = ArchitectureFamily.DeepSeekV3, VocabSize = 129280, HiddenSize = 7168, IntermediateSize = 18432,
            NumHiddenLayers = 61, NumAttentionHeads = 128,
        };

        // GPT2Config: 768 wide, 12 layers of 12 heads, n_inner null (4·n_embd), tied output.
        private static readonly FamilyDefaults Gpt2 = new FamilyDefaults
        {
            Family = ArchitectureFamily.Gpt2, VocabSize = 50257, HiddenSize = 768, IntermediateSize = 0,
            NumHiddenLayers = 12, NumAttentionHeads = 12, TieWordEmbeddings = true,
        };

        private static readonly Dictionary<string, FamilyDefaults> ByModelType =
            new Dictionary<string, FamilyDefaults>(StringComparer.OrdinalIgnoreCase)
            {
                ["llama"] = Llama,
                ["mistral"] = Mistral,
                ["qwen2"] = Qwen2,
                ["qwen2_vl"] = Qwen2VisionLanguage,
                ["qwen2_vl_text"] = Qwen2VisionLanguage,
                ["qwen2_5_vl"] = Qwen2VisionLanguage,
                ["qwen2_5_vl_text"] = Qwen2VisionLanguage,
                ["qwen3"] = Qwen3,
                ["palm"] = PaLM,
                ["mixtral"] = Mixtral,
                ["qwen2_moe"] = Qwen2Moe,
                ["qwen3_moe"] = Qwen3Moe,
                ["deepseek_v2"] = DeepSeekV2,
                ["deepseek_v3"] = DeepSeekV3,
                ["gpt2"] = Gpt2,
            };

        /// <summary>
        /// model_type values of vision-language wrappers whose language model sits in
        /// text_config (or, for Qwen2-VL and Qwen2.5-VL, at the top level).
        /// </summary>
        public static readonly HashSet<string> VisionLanguageTypes =
            new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "llava", "llava_next", "qwen2_vl", "qwen2_5_vl" };

        /// <summary>
        /// Top-level keys that describe a vision tower beside the language model's keys:
        /// vision_config (Qwen2-VL, Qwen2.5-VL), visual (Qwen-VL), vision_tower and
        /// mm_vision_tower (LLaVA checkpoints saved by the LLaVA code base).
        /// </summary>
        public static readonly string[] VisionKeys = { "vision_config", "visual", "vision_tower", "mm_vision_tower" };

        /// <summary>Architecture class names, for a config that lacks model_type.</summary>
        public static readonly Dictionary<string, string> ModelTypeByArchitecture =
            new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["LlamaForCausalLM"] = "llama",
                ["MistralForCausalLM"] = "mistral",
                ["Qwen2ForCausalLM"] = "qwen2",
                ["Qwen3ForCausalLM"] = "qwen3",
                ["Qwen2VLForConditionalGeneration"] = "qwen2_vl",
                ["Qwen2_5_VLForConditionalGeneration"] = "qwen2_5_vl",
                ["LlavaForConditionalGeneration"] = "llava",
                ["MixtralForCausalLM"] = "mixtral",
                ["GPT2LMHeadModel"] = "gpt2",
                ["Qwen2MoeForCausalLM"] = "qwen2_moe",
                ["Qwen3MoeForCausalLM"] = "qwen3_moe",
                ["DeepseekV2ForCausalLM"] = "deepseek_v2",
                ["DeepseekV3ForCausalLM"] = "deepseek_v3",
            };

        public static string SupportedList => "llama, mistral, mixtral, qwen2, qwen2_moe, qwen2_vl, qwen2_5_vl, qwen3, qwen3_moe, deepseek_v2, deepseek_v3, gpt2, palm, and llava with one of these as its text model";

        public static bool TryGet(string modelType, out FamilyDefaults defaults) => ByModelType.TryGetValue(modelType, out defaults);
    }
}
