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

        /// <summary>Softmax over the scores, counted as one FLOP per score as the design note does.</summary>
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
    }
}
