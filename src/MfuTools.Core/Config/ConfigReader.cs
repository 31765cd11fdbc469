using System;
using System.IO;
using System.Linq;
using MfuTools.Core.Errors;
using MfuTools.Core.Models;
using Newtonsoft.Json.Linq;

namespace MfuTools.Core.Config
{
    /// <summary>
    /// Turns a Hugging Face config.json into a <see cref="ModelConfig"/>, applying
    /// Hugging Face's defaults and derivations and rejecting values no model can have.
    /// This is the one place where snake_case config keys are mapped to model properties.
    /// </summary>
    public static class ConfigReader
    {
        /// <summary>Largest hidden, intermediate or head size accepted (2^20).</summary>
        public const int MaxDimension = 1 << 20;

        /// <summary>Most decoder layers accepted.</summary>
        public const int MaxLayers = 10000;

        /// <summary>Most attention heads accepted.</summary>
        public const int MaxHeads = 65536;

        /// <summary>Largest vocabulary accepted (2^24).</summary>
        public const int MaxVocab = 1 << 24;

        /// <summary>Reads the config.json at a file or folder path.</summary>
        public static ModelConfig Read(string path)
        {
            var file = ConfigFile.Resolve(path);
            var json = ConfigFile.Load(file);
            return FromJson(json, file, NameFromPath(file));
        }

        /// <summary>Builds a model from a parsed config; <paramref name="file"/> names the source in errors.</summary>
        public static ModelConfig FromJson(JObject json, string file, string name)
        {
            var root = new ConfigSection(json, file, string.Empty);
            var modelType = ReadModelType(root);

            // A vision-language config keeps its language model in text_config (llava), or
            // at the top level beside vision_config (Qwen2-VL, Qwen2.5-VL).
            var textJson = root.Object("text_config");
            var text = textJson != null ? new ConfigSection(textJson, file, "text_config.") : root;
            var textType = textJson != null ? ReadTextModelType(text, modelType) : modelType;
            var hasVision = textJson != null || FamilyDefaults.VisionKeys.Any(root.Has) || FamilyDefaults.VisionLanguageTypes.Contains(modelType);

            if (!FamilyDefaults.TryGet(textType, out var defaults))
            {
                var what = textJson != null ? $"its text_config has model_type '{textType}'" : $"its model_type is '{textType}'";
                throw new MfuException(ErrorIds.ModelTypeNotSupported, MfuErrorKind.NotImplemented,
                    $"'{file}' cannot be counted yet: {what}. Supported: {FamilyDefaults.SupportedList}.", file);
            }

            var model = new ModelConfig
            {
                Name = name,
                ModelType = textType,
                Family = defaults.Family,
                Source = file,
                HasVisionTower = hasVision,
            };
            if (model.Family == ArchitectureFamily.Gpt2)
            {
                Gpt2ConfigReading.Read(model, text, defaults, nested: textJson != null);
                ReadTieWordEmbeddings(model, root, text, defaults, nested: textJson != null);
            }
            else
            {
                ReadDimensions(model, text, defaults, nested: textJson != null);
                ReadTieWordEmbeddings(model, root, text, defaults, nested: textJson != null);
                ReadBiasesAndNorms(model, text);
                ReadSlidingWindow(model, text, defaults);
                LayerTypesReading.Read(model, text);
                MixtureOfExpertsReading.Read(model, text);
                LatentAttentionReading.Read(model, text);
            }

            ModelFinisher.Finish(model);
            return model;
        }

        /// <summary>
        /// Returns a display name for a config file: the Hugging Face repository id for a
        /// file in the Hugging Face cache, the folder name for a plain config.json, else the
        /// file name without its extension.
        /// </summary>
        public static string NameFromPath(string file)
        {
            var full = Path.GetFullPath(file);
            var fileName = Path.GetFileName(full);
            if (!string.Equals(fileName, "config.json", StringComparison.OrdinalIgnoreCase))
            {
                return Path.GetFileNameWithoutExtension(full);
            }

            var folder = Path.GetDirectoryName(full);
            var folderName = Path.GetFileName(folder);

            // Hugging Face cache layout: models--Org--Name/snapshots/<revision>/config.json.
            var snapshots = Path.GetDirectoryName(folder);
            var repo = snapshots == null ? null : Path.GetDirectoryName(snapshots);
            var repoName = repo == null ? null : Path.GetFileName(repo);
            if (string.Equals(Path.GetFileName(snapshots), "snapshots", StringComparison.Ordinal)
                && repoName != null && repoName.StartsWith("models--", StringComparison.Ordinal))
            {
                return repoName.Substring("models--".Length).Replace("--", "/");
            }

            return string.IsNullOrEmpty(folderName) ? "config" : folderName;
        }

        private static string ReadModelType(ConfigSection root)
        {
            var modelType = root.String("model_type", null);
            if (!string.IsNullOrWhiteSpace(modelType))
            {
                return modelType.Trim();
            }

            var fromArchitecture = ModelTypeFromArchitectures(root);
            if (fromArchitecture != null)
            {
                return fromArchitecture;
            }

            throw new MfuException(ErrorIds.ModelTypeMissing, MfuErrorKind.InvalidData,
                $"'{root.File}' has no 'model_type' and no known 'architectures' entry, so its architecture is unknown. Add \"model_type\" (for example \"llama\"). Supported: {FamilyDefaults.SupportedList}.", root.File);
        }

        private static string ReadTextModelType(ConfigSection text, string outerType)
        {
            var modelType = text.String("model_type", null);
            if (!string.IsNullOrWhiteSpace(modelType))
            {
                return modelType.Trim();
            }

            // Hugging Face's LlavaConfig builds a LlamaConfig when text_config names no model_type.
            return ModelTypeFromArchitectures(text) ?? (outerType.StartsWith("llava", StringComparison.OrdinalIgnoreCase) ? "llama" : outerType);
        }

        private static string ModelTypeFromArchitectures(ConfigSection section)
        {
            if (section.Json["architectures"] is JArray architectures && architectures.Count > 0
                && architectures[0].Type == JTokenType.String
                && FamilyDefaults.ModelTypeByArchitecture.TryGetValue(architectures[0].Value<string>(), out var mapped))
            {
                return mapped;
            }

            return null;
        }

        private static void ReadDimensions(ModelConfig model, ConfigSection text, FamilyDefaults defaults, bool nested)
        {
            // Hugging Face fills a nested text_config's missing keys from its config class.
            // A top-level config that lacks a dimension is incomplete, so there it is an error.
            model.HiddenSize = Dimension(model, text, "hidden_size", MaxDimension, defaults.HiddenSize, nested);
            model.IntermediateSize = Dimension(model, text, "intermediate_size", MaxDimension, defaults.IntermediateSize, nested);
            model.NumHiddenLayers = Dimension(model, text, "num_hidden_layers", MaxLayers, defaults.NumHiddenLayers, nested);
            model.NumAttentionHeads = Dimension(model, text, "num_attention_heads", MaxHeads, defaults.NumAttentionHeads, nested);
            model.VocabSize = Dimension(model, text, "vocab_size", MaxVocab, defaults.VocabSize, nested);

            var kvHeads = text.PositiveInt("num_key_value_heads", MaxHeads);
            if (kvHeads == null)
            {
                kvHeads = model.NumAttentionHeads;
                model.Derivations.Add($"num_key_value_heads absent or null: taken as num_attention_heads = {kvHeads} (multi-head attention).");
            }

            if (kvHeads > model.NumAttentionHeads || model.NumAttentionHeads % kvHeads.Value != 0)
            {
                throw text.Shape("num_key_value_heads",
                    $"is {kvHeads}, which does not divide num_attention_heads = {model.NumAttentionHeads}. Grouped-query attention shares each key/value head among a whole number of query heads; correct one of the two values.");
            }

            model.NumKeyValueHeads = kvHeads.Value;

            var headDim = text.PositiveInt("head_dim", MaxDimension);
            if (headDim == null && LatentAttentionReading.IsLatent(model.Family))
            {
                // Latent attention sets its head widths from qk_nope_head_dim, qk_rope_head_dim
                // and v_head_dim (see LatentAttentionReading); hidden_size / heads means nothing there.
                headDim = 0;
            }
            else if (headDim == null)
            {
                if (model.HiddenSize % model.NumAttentionHeads != 0)
                {
                    throw text.Shape("num_attention_heads",
                        $"is {model.NumAttentionHeads}, which does not divide hidden_size = {model.HiddenSize}, and the config sets no head_dim. Add \"head_dim\" or correct the head count.");
                }

                headDim = model.HiddenSize / model.NumAttentionHeads;
                model.Derivations.Add($"head_dim derived as hidden_size / num_attention_heads = {model.HiddenSize} / {model.NumAttentionHeads} = {headDim}.");
            }

            model.HeadDim = headDim.Value;
            model.HiddenAct = text.String("hidden_act", "silu");
        }

        internal static int Dimension(ModelConfig model, ConfigSection text, string key, int max, int fallback, bool nested)
        {
            if (!nested)
            {
                return text.RequiredPositiveInt(key, max);
            }

            var value = text.PositiveInt(key, max);
            if (value != null)
            {
                return value.Value;
            }

            model.Derivations.Add($"{text.KeyPath(key)} absent: the {model.Family} default {fallback} applies, as in Hugging Face's config class.");
            return fallback;
        }

        private static void ReadTieWordEmbeddings(ModelConfig model, ConfigSection root, ConfigSection text, FamilyDefaults defaults, bool nested)
        {
            if (text.Has("tie_word_embeddings"))
            {
                model.TieWordEmbeddings = text.Bool("tie_word_embeddings", defaults.TieWordEmbeddings);
            }
            else if (nested && root.Has("tie_word_embeddings"))
            {
                model.TieWordEmbeddings = root.Bool("tie_word_embeddings", defaults.TieWordEmbeddings);
            }
            else
            {
                model.TieWordEmbeddings = defaults.TieWordEmbeddings;
                model.Derivations.Add($"tie_word_embeddings absent: {(defaults.TieWordEmbeddings ? "true" : "false")}, the {model.Family} default.");
            }
        }

        private static void ReadBiasesAndNorms(ModelConfig model, ConfigSection text)
        {
            var attentionBias = text.Bool("attention_bias", false);
            switch (model.Family)
            {
                case ArchitectureFamily.Qwen2:
                case ArchitectureFamily.Qwen2Moe:
                    // Qwen2Attention (and Qwen2MoeAttention) builds q/k/v with bias=True and o_proj without, whatever the config sets.
                    model.QkvBias = true;
                    model.OProjBias = false;
                    break;
                case ArchitectureFamily.Mistral:
                case ArchitectureFamily.Mixtral:
                    model.QkvBias = false;
                    model.OProjBias = false;
                    break;
                default:
                    model.QkvBias = attentionBias;
                    model.OProjBias = attentionBias;
                    break;
            }

            model.MlpBias = model.Family == ArchitectureFamily.Llama && text.Bool("mlp_bias", false);
            model.QkNorm = model.Family == ArchitectureFamily.Qwen3 || model.Family == ArchitectureFamily.Qwen3Moe;
        }

        private static void ReadSlidingWindow(ModelConfig model, ConfigSection text, FamilyDefaults defaults)
        {
            model.MaxPositionEmbeddings = text.PositiveInt("max_position_embeddings", int.MaxValue);
            switch (model.Family)
            {
                case ArchitectureFamily.Mistral:
                case ArchitectureFamily.Mixtral:
                    // MistralConfig and MixtralConfig: every layer uses the window; an explicit
                    // null turns it off (Mixtral has no window by default).
                    if (text.Json["sliding_window"] == null && defaults.SlidingWindow.HasValue)
                    {
                        model.SlidingWindow = defaults.SlidingWindow;
                        model.Derivations.Add($"sliding_window absent: the {model.Family} default {defaults.SlidingWindow} applies to every layer.");
                    }
                    else
                    {
                        model.SlidingWindow = text.PositiveInt("sliding_window", int.MaxValue);
                    }

                    model.SlidingWindowFromLayer = 0;
                    break;

                case ArchitectureFamily.Qwen2:
                case ArchitectureFamily.Qwen3:
                case ArchitectureFamily.Qwen2Moe:
                case ArchitectureFamily.Qwen3Moe:
                    // Qwen2Config: the window applies only with use_sliding_window, from layer max_window_layers on.
                    if (text.Bool("use_sliding_window", false))
                    {
                        model.SlidingWindow = text.PositiveInt("sliding_window", int.MaxValue, defaults.SlidingWindow);
                        model.SlidingWindowFromLayer = text.NonNegativeInt("max_window_layers", MaxLayers, defaults.MaxWindowLayers);
                    }

                    break;
            }
        }
    }
}
