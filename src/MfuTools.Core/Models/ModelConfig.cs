using System.Collections.Generic;
using System.Linq;

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

        /// <summary>Routed experts per mixture-of-experts layer (E); 0 for a dense model.</summary>
        public int NumExperts { get; internal set; }

        /// <summary>Experts each token is routed to (k); 0 for a dense model.</summary>
        public int NumExpertsPerTok { get; internal set; }

        /// <summary>Intermediate size of one routed expert; the dense layers keep <see cref="IntermediateSize"/>.</summary>
        public int? MoeIntermediateSize { get; internal set; }

        /// <summary>Shared experts every token uses besides its routed ones (Qwen2-MoE: 1, DeepSeek: n_shared_experts).</summary>
        public int NumSharedExperts { get; internal set; }

        /// <summary>Intermediate size of the shared experts together, as one MLP.</summary>
        public int? SharedExpertIntermediateSize { get; internal set; }

        /// <summary>How the router turns scores into weights: "softmax", or "sigmoid" (DeepSeek-V3).</summary>
        public string RouterScoringFunction { get; internal set; }

        /// <summary>Number of layers whose MLP is a mixture of experts; the other layers use the dense MLP.</summary>
        public int ExpertLayerCount => ExpertLayers == null ? 0 : ExpertLayers.Count(x => x);

        /// <summary>Rank of the low-rank query projection of latent attention; null without one (q_proj instead).</summary>
        public int? QLoraRank { get; internal set; }

        /// <summary>Rank of the compressed key/value projection of latent attention; null for ordinary attention.</summary>
        public int? KvLoraRank { get; internal set; }

        /// <summary>Per-head query/key width without rotary position (latent attention).</summary>
        public int? QkNopeHeadDim { get; internal set; }

        /// <summary>Per-head query/key width that carries rotary position (latent attention).</summary>
        public int? QkRopeHeadDim { get; internal set; }

        /// <summary>Per-head value width (latent attention).</summary>
        public int? VHeadDim { get; internal set; }

        /// <summary>Learned position embedding rows (GPT-2's n_positions); null for rotary models.</summary>
        public int? PositionEmbeddingRows { get; internal set; }

        /// <summary>Per layer, whether its MLP is a mixture of experts; null for a dense model.</summary>
        internal bool[] ExpertLayers { get; set; }

        /// <summary>Per layer, whether it attends through the window (from layer_types); null to use <see cref="SlidingWindowFromLayer"/>.</summary>
        internal bool[] SlidingLayers { get; set; }

        /// <summary>Whether each router also has e_score_correction_bias (DeepSeek's noaux_tc routing).</summary>
        internal bool RouterScoreCorrectionBias { get; set; }

        /// <summary>Returns whether layer <paramref name="layer"/> routes its tokens to experts.</summary>
        public bool UsesExperts(int layer) => ExpertLayers != null && layer >= 0 && layer < ExpertLayers.Length && ExpertLayers[layer];

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
        public bool UsesSlidingWindow(int layer)
        {
            if (!SlidingWindow.HasValue)
            {
                return false;
            }

            return SlidingLayers != null ? layer >= 0 && layer < SlidingLayers.Length && SlidingLayers[layer] : layer >= SlidingWindowFromLayer;
        }

        public override string ToString() => Name;
    }
}
