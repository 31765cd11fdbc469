namespace MfuTools.Core.Modules
{
    /// <summary>What a module computes, which decides how its FLOPs, parameters and bytes are counted.</summary>
    public enum ModuleKind
    {
        /// <summary>A table lookup: no FLOPs.</summary>
        Embedding,

        /// <summary>Rotary position embedding: cos/sin and their application, 3 FLOPs per token.</summary>
        RotaryEmbedding,

        /// <summary>RMSNorm: square, mean, rsqrt and scale, 4 FLOPs per element.</summary>
        RmsNorm,

        /// <summary>A Linear layer: 2 FLOPs per multiply-add, plus one add per output element with a bias.</summary>
        Linear,

        /// <summary>The attention scores Q·Kᵀ.</summary>
        AttentionScores,

        /// <summary>Scaling the scores by 1/√d: one FLOP per score.</summary>
        AttentionScaling,

        /// <summary>Softmax over the scores, counted as one FLOP per score (its exponent, sum and division are not counted separately).</summary>
        AttentionSoftmax,

        /// <summary>The weighted sum of values, softmax(scores)·V.</summary>
        AttentionValues,

        /// <summary>
        /// The four attention rows run as one fused kernel (FlashAttention, PyTorch SDPA):
        /// same FLOPs, but the scores never reach memory. Only the compute-intensity view
        /// uses it, in place of the four rows.
        /// </summary>
        Attention,

        /// <summary>The activation function of the MLP (SiLU: 3 FLOPs per element).</summary>
        Activation,

        /// <summary>Element-wise product of the activated gate with the up projection.</summary>
        ElementwiseProduct,

        /// <summary>A residual connection: one add per element.</summary>
        ResidualAdd,

        /// <summary>LayerNorm with weight and bias: mean, variance, normalize, scale and shift, 5 FLOPs per element.</summary>
        LayerNorm,

        /// <summary>
        /// The router of a mixture-of-experts layer: a Linear h→E that scores the experts,
        /// plus one FLOP per score for its softmax (or sigmoid). Top-k selection is not counted.
        /// </summary>
        Router,

        /// <summary>Adding the learned position embedding to the token embedding: one add per element.</summary>
        PositionEmbeddingAdd,

        /// <summary>Scaling each routed expert's output by its routing weight and summing them: 2 FLOPs per element per expert.</summary>
        ExpertCombine,

        /// <summary>Qwen2-MoE's shared-expert gate: a Linear h→1 and its sigmoid.</summary>
        SharedExpertGate,
    }
}
