using MfuTools.Core.Errors;
using MfuTools.Core.Models;
using MfuTools.Core.Modules;

namespace MfuTools.Core.Config
{
    /// <summary>
    /// Reads a GPT-2 config, whose keys differ from the Llama family's: n_embd, n_layer,
    /// n_head, n_inner (null means 4·n_embd), n_positions and activation_function. The
    /// Llama-style names (hidden_size, num_hidden_layers, ...) are accepted as aliases, as
    /// GPT2Config's attribute_map does.
    /// </summary>
    internal static class Gpt2ConfigReading
    {
        /// <summary>GPT2Config's n_positions when the config leaves it out.</summary>
        public const int DefaultPositions = 1024;

        public static void Read(ModelConfig model, ConfigSection text, FamilyDefaults defaults, bool nested)
        {
            model.HiddenSize = Aliased(model, text, "n_embd", "hidden_size", ConfigReader.MaxDimension, defaults.HiddenSize, nested);
            model.NumHiddenLayers = Aliased(model, text, "n_layer", "num_hidden_layers", ConfigReader.MaxLayers, defaults.NumHiddenLayers, nested);
            model.NumAttentionHeads = Aliased(model, text, "n_head", "num_attention_heads", ConfigReader.MaxHeads, defaults.NumAttentionHeads, nested);
            model.VocabSize = ConfigReader.Dimension(model, text, "vocab_size", ConfigReader.MaxVocab, defaults.VocabSize, nested);
            model.NumKeyValueHeads = model.NumAttentionHeads;

            if (model.HiddenSize % model.NumAttentionHeads != 0)
            {
                throw text.Shape(text.Has("n_head") ? "n_head" : "num_attention_heads",
                    $"is {model.NumAttentionHeads}, which does not divide the hidden size {model.HiddenSize}. GPT-2 splits its hidden size evenly among the heads; correct one of the two values.");
            }

            model.HeadDim = model.HiddenSize / model.NumAttentionHeads;
            var headDim = text.PositiveInt("head_dim", ConfigReader.MaxDimension);
            if (headDim.HasValue && headDim.Value != model.HeadDim)
            {
                throw text.Shape("head_dim",
                    $"is {headDim}, but GPT-2's heads are hidden size / heads = {model.HeadDim} wide. Remove head_dim or correct it.");
            }

            var inner = text.PositiveInt("n_inner", ConfigReader.MaxDimension) ?? text.PositiveInt("intermediate_size", ConfigReader.MaxDimension);
            if (inner == null)
            {
                inner = 4 * model.HiddenSize;
                model.Derivations.Add($"n_inner absent or null: the MLP is 4 · n_embd = {inner} wide, as in GPT-2.");
            }

            model.IntermediateSize = inner.Value;

            var positions = text.PositiveInt("n_positions", ConfigReader.MaxDimension) ?? text.PositiveInt("max_position_embeddings", ConfigReader.MaxDimension);
            if (positions == null)
            {
                positions = DefaultPositions;
                model.Derivations.Add($"n_positions absent: GPT2Config's default of {DefaultPositions} learned positions applies.");
            }

            model.PositionEmbeddingRows = positions;
            model.MaxPositionEmbeddings = positions;

            model.HiddenAct = text.String("activation_function", "gelu_new");
            if (Gpt2Tree.ActivationFlopsPerElement(model.HiddenAct) == null)
            {
                throw new MfuException(ErrorIds.ConfigValueInvalid, MfuErrorKind.InvalidData,
                    $"'{text.File}': '{text.KeyPath("activation_function")}' is \"{model.HiddenAct}\", which MfuTools cannot count. Supported: {Gpt2Tree.SupportedActivations}.",
                    text.File);
            }

            // Every Conv1D of GPT-2 (c_attn, c_proj, c_fc) carries a bias.
            model.QkvBias = true;
            model.OProjBias = true;
            model.MlpBias = true;
        }

        private static int Aliased(ModelConfig model, ConfigSection text, string key, string alias, int max, int fallback, bool nested)
        {
            return text.Has(key) || !text.Has(alias)
                ? ConfigReader.Dimension(model, text, key, max, fallback, nested)
                : ConfigReader.Dimension(model, text, alias, max, fallback, nested);
        }
    }
}
