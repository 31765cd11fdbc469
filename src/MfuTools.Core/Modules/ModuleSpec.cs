namespace MfuTools.Core.Modules
{
    /// <summary>
    /// One module of a model's Hugging Face module tree, with the dimensions every count is
    /// derived from. A model is one ordered list of these (see <see cref="ModuleTree"/>);
    /// FLOPs, parameters, bytes and shapes are all computed from that list, so the views
    /// of a model can never disagree with each other.
    /// </summary>
    public sealed class ModuleSpec
    {
        private ModuleSpec(string name, string group, int? layer, ModuleKind kind)
        {
            Name = name;
            Group = group;
            Layer = layer;
            Kind = kind;
            RoutedPerToken = 1;
            Experts = 1;
        }

        /// <summary>Full module path, as in Hugging Face's named_modules(): <c>model.layers.3.mlp.up_proj</c>.</summary>
        public string Name { get; }

        /// <summary>The path without the <c>model.layers.{i}.</c> prefix, used to sum a module over layers.</summary>
        public string Group { get; }

        /// <summary>Decoder layer index; null for model-level modules such as <c>model.norm</c>.</summary>
        public int? Layer { get; }

        public ModuleKind Kind { get; }

        /// <summary>Input features of a Linear layer or embedding rows (vocabulary) of an embedding.</summary>
        public long InFeatures { get; private set; }

        /// <summary>Output features of a Linear layer, or the embedding width.</summary>
        public long OutFeatures { get; private set; }

        public bool HasBias { get; private set; }

        /// <summary>Elements per token an element-wise module or norm processes.</summary>
        public long Features { get; private set; }

        /// <summary>FLOPs per element of an element-wise module or norm.</summary>
        public int FlopsPerElement { get; private set; }

        /// <summary>Size of the normalized dimension of a norm (its weight length).</summary>
        public long NormalizedSize { get; private set; }

        /// <summary>Query heads of an attention or rotary module.</summary>
        public int Heads { get; private set; }

        /// <summary>Key/value heads of an attention or rotary module.</summary>
        public int KeyValueHeads { get; private set; }

        /// <summary>Per-head width of queries and keys.</summary>
        public int QueryKeyHeadDim { get; private set; }

        /// <summary>Per-head width of values.</summary>
        public int ValueHeadDim { get; private set; }

        /// <summary>Sliding-window width in tokens on this layer's attention; null for full attention.</summary>
        public int? Window { get; private set; }

        /// <summary>
        /// Token-module assignments per token: 1 for every dense module; k for the summed
        /// rows of routed experts, where each token visits k experts.
        /// </summary>
        public int RoutedPerToken { get; private set; }

        /// <summary>
        /// Experts this row stands for: E for the summed rows of routed experts, 1 for every
        /// other module. A decode step reads the weights of only the experts its tokens use
        /// (see <see cref="Counting.ExpertRouting.ExpectedDistinctExperts"/>).
        /// </summary>
        public int Experts { get; private set; }

        /// <summary>
        /// Whether a router also has a per-expert score correction bias (DeepSeek-V3's
        /// e_score_correction_bias, used only to pick experts): E parameters, no FLOPs.
        /// </summary>
        public bool HasScoreCorrectionBias { get; private set; }

        /// <summary>
        /// Values cached per token by latent attention (DeepSeek's kv_lora_rank + qk_rope_head_dim).
        /// They replace the per-head keys and values in the KV cache. Null for ordinary attention.
        /// </summary>
        public int? LatentCacheWidth { get; private set; }

        /// <summary>Whether the weight is shared with another module (a tied lm_head) and so not counted again.</summary>
        public bool SharesWeight { get; private set; }

        /// <summary>Parameters this module owns, as Hugging Face's num_parameters() counts them.</summary>
        public decimal Parameters { get; private set; }

        /// <summary>Parameters one token uses; less than <see cref="Parameters"/> only for routed experts.</summary>
        public decimal ActiveParameters { get; private set; }

        public static ModuleSpec Embedding(string name, long vocab, long hidden)
        {
            var parameters = (decimal)vocab * hidden;
            return new ModuleSpec(name, name, null, ModuleKind.Embedding)
            {
                InFeatures = vocab,
                OutFeatures = hidden,
                Features = hidden,
                Parameters = parameters,
                ActiveParameters = parameters,
            };
        }

        public static ModuleSpec Rotary(string name, string group, int? layer, int heads, int keyValueHeads, int headDim)
        {
            return new ModuleSpec(name, group, layer, ModuleKind.RotaryEmbedding)
            {
                Heads = heads,
                KeyValueHeads = keyValueHeads,
                QueryKeyHeadDim = headDim,
                ValueHeadDim = headDim,
            };
        }

        /// <summary>A Linear layer; <paramref name="sharesWeight"/> marks a tied lm_head, whose weight is the embedding's.</summary>
        public static ModuleSpec Linear(string name, string group, int? layer, long inFeatures, long outFeatures, bool bias, bool sharesWeight = false)
        {
            var parameters = sharesWeight ? 0m : (decimal)inFeatures * outFeatures + (bias ? outFeatures : 0);
            return new ModuleSpec(name, group, layer, ModuleKind.Linear)
            {
                InFeatures = inFeatures,
                OutFeatures = outFeatures,
                HasBias = bias,
                SharesWeight = sharesWeight,
                Features = outFeatures,
                Parameters = parameters,
                ActiveParameters = parameters,
            };
        }

        /// <summary>
        /// An RMSNorm over <paramref name="normalizedSize"/> features, applied
        /// <paramref name="applications"/> times per token (once, or once per head for q_norm and k_norm).
        /// </summary>
        public static ModuleSpec RmsNorm(string name, string group, int? layer, long normalizedSize, long applications = 1)
        {
            return new ModuleSpec(name, group, layer, ModuleKind.RmsNorm)
            {
                NormalizedSize = normalizedSize,
                Features = normalizedSize * applications,
                FlopsPerElement = 4,
                Parameters = normalizedSize,
                ActiveParameters = normalizedSize,
            };
        }

        /// <summary>A LayerNorm over <paramref name="normalizedSize"/> features, with a weight and a bias.</summary>
        public static ModuleSpec LayerNorm(string name, string group, int? layer, long normalizedSize)
        {
            var parameters = 2m * normalizedSize;
            return new ModuleSpec(name, group, layer, ModuleKind.LayerNorm)
            {
                NormalizedSize = normalizedSize,
                Features = normalizedSize,
                FlopsPerElement = 5,
                HasBias = true,
                Parameters = parameters,
                ActiveParameters = parameters,
            };
        }

        /// <summary>
        /// A gating Linear h→<paramref name="outFeatures"/> followed by a softmax or sigmoid: the
        /// router of an MoE layer (<see cref="ModuleKind.Router"/>) or Qwen2-MoE's shared-expert
        /// gate (<see cref="ModuleKind.SharedExpertGate"/>).
        /// </summary>
        public static ModuleSpec Gate(ModuleKind kind, string name, string group, int layer, long inFeatures, long outFeatures, bool scoreCorrectionBias = false)
        {
            var parameters = (decimal)inFeatures * outFeatures + (scoreCorrectionBias ? outFeatures : 0);
            return new ModuleSpec(name, group, layer, kind)
            {
                InFeatures = inFeatures,
                OutFeatures = outFeatures,
                Features = outFeatures,
                FlopsPerElement = 1,
                HasScoreCorrectionBias = scoreCorrectionBias,
                Parameters = parameters,
                ActiveParameters = parameters,
            };
        }

        /// <summary>Scaling <paramref name="routedPerToken"/> expert outputs of width <paramref name="hidden"/> by their weights and summing them.</summary>
        public static ModuleSpec ExpertCombine(string name, string group, int layer, long hidden, int routedPerToken)
        {
            return new ModuleSpec(name, group, layer, ModuleKind.ExpertCombine)
            {
                Features = hidden,
                FlopsPerElement = 2,
                RoutedPerToken = routedPerToken,
            };
        }

        public static ModuleSpec Elementwise(ModuleKind kind, string name, string group, int? layer, long features, int flopsPerElement)
        {
            return new ModuleSpec(name, group, layer, kind)
            {
                Features = features,
                FlopsPerElement = flopsPerElement,
            };
        }

        public static ModuleSpec Attention(ModuleKind kind, string name, string group, int layer, int heads, int keyValueHeads, int queryKeyHeadDim, int valueHeadDim, int? window)
        {
            return new ModuleSpec(name, group, layer, kind)
            {
                Heads = heads,
                KeyValueHeads = keyValueHeads,
                QueryKeyHeadDim = queryKeyHeadDim,
                ValueHeadDim = valueHeadDim,
                Window = window,
            };
        }

        /// <summary>
        /// An attention row of latent attention: per-head widths as for <see cref="Attention"/>,
        /// and <paramref name="latentCacheWidth"/> values cached per token instead of per-head keys and values.
        /// </summary>
        public static ModuleSpec LatentAttention(ModuleKind kind, string name, string group, int layer, int heads, int queryKeyHeadDim, int valueHeadDim, int latentCacheWidth, int? window)
        {
            var spec = Attention(kind, name, group, layer, heads, heads, queryKeyHeadDim, valueHeadDim, window);
            spec.LatentCacheWidth = latentCacheWidth;
            return spec;
        }

        /// <summary>
        /// Returns a copy that stands for <paramref name="instances"/> copies of this module,
        /// each token using <paramref name="routedPerToken"/> of them (the routed experts of an
        /// MoE layer, summed into one row per projection kind).
        /// </summary>
        public ModuleSpec AsExperts(int instances, int routedPerToken)
        {
            var copy = (ModuleSpec)MemberwiseClone();
            copy.RoutedPerToken = routedPerToken;
            copy.Experts = instances;
            copy.Parameters = Parameters * instances;
            copy.ActiveParameters = Parameters * routedPerToken;
            return copy;
        }

        public override string ToString() => Name;
    }
}
