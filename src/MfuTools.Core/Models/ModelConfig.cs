using System.Collections.Generic;

namespace MfuTools.Core.Models
{
    /// <summary>
    /// An immutable description of a decoder transformer, with the Hugging Face config keys
    /// in PascalCase. Every value is already resolved: defaults applied and head_dim derived,
    /// so the counting code never looks at a config again. Properties are flat, so the
    /// object exports to CSV as it is.
    /// </summary>
    public sealed class ModelConfig
    {
        internal ModelConfig()
        {
        }

        /// <summary>The name rows carry: a preset name, or the config's folder or file name.</summary>
        public string Name { get; internal set; }

        /// <summary>The config's <c>model_type</c>, of the language model for a vision-language config.</summary>
        public string ModelType { get; internal set; }

        public ArchitectureFamily Family { get; internal set; }

        public int HiddenSize { get; internal set; }

        public int IntermediateSize { get; internal set; }

        public int NumHiddenLayers { get; internal set; }

        public int NumAttentionHeads { get; internal set; }

        public int NumKeyValueHeads { get; internal set; }

        public int HeadDim { get; internal set; }

        public int VocabSize { get; internal set; }

        public bool TieWordEmbeddings { get; internal set; }

        /// <summary>Whether q_proj, k_proj and v_proj carry a bias (Qwen2 always; others with attention_bias).</summary>
        public bool QkvBias { get; internal set; }

        /// <summary>Whether o_proj carries a bias (Llama and Qwen3 with attention_bias; never Qwen2 or Mistral).</summary>
        public bool OProjBias { get; internal set; }

        /// <summary>Whether gate_proj, up_proj and down_proj carry a bias (Llama's mlp_bias).</summary>
        public bool MlpBias { get; internal set; }

        /// <summary>Whether attention normalizes queries and keys per head (Qwen3's q_norm and k_norm).</summary>
        public bool QkNorm { get; internal set; }

        public string HiddenAct { get; internal set; }

        /// <summary>Attention window in tokens on the layers that use one; null for full attention.</summary>
        public int? SlidingWindow { get; internal set; }

        /// <summary>First layer that uses the sliding window (Qwen2's max_window_layers); 0 for every layer.</summary>
        public int SlidingWindowFromLayer { get; internal set; }

        public int? MaxPositionEmbeddings { get; internal set; }

        /// <summary>Whether the config also describes a vision tower, which MfuTools does not count.</summary>
        public bool HasVisionTower { get; internal set; }

        /// <summary>Where the description came from: a config.json path or "preset".</summary>
        public string Source { get; internal set; }

        /// <summary>Caveats about the values, such as preset fields that no public config confirms.</summary>
        public string Notes { get; internal set; }

        /// <summary>Total parameters as Hugging Face's num_parameters() counts them.</summary>
        public decimal Parameters { get; internal set; }

        /// <summary>Parameters one token uses; equal to <see cref="Parameters"/> for dense models.</summary>
        public decimal ActiveParameters { get; internal set; }

        internal List<string> Derivations { get; } = new List<string>();

        /// <summary>The module list, built once when the description is complete.</summary>
        internal IReadOnlyList<Modules.ModuleSpec> Modules { get; set; }

        /// <summary>Returns the model's modules in forward order.</summary>
        public IReadOnlyList<Modules.ModuleSpec> GetModules() => Modules;

        /// <summary>
        /// Returns the values that were derived or defaulted rather than read, one sentence
        /// each, for verbose output ("head_dim derived as hidden_size / num_attention_heads = 128").
        /// </summary>
        public IReadOnlyList<string> GetDerivations() => Derivations;

        /// <summary>Returns whether layer <paramref name="layer"/> attends through the sliding window.</summary>
        public bool UsesSlidingWindow(int layer) => SlidingWindow.HasValue && layer >= SlidingWindowFromLayer;

        public override string ToString() => Name;
    }
}
