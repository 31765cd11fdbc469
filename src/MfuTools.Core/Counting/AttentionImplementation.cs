namespace MfuTools.Core.Counting
{
    /// <summary>How attention runs, which decides whether its score matrix passes through memory.</summary>
    public enum AttentionImplementation
    {
        /// <summary>One kernel (FlashAttention, PyTorch SDPA): reads Q, K and V, writes the output; the scores stay on chip.</summary>
        Fused,

        /// <summary>Hugging Face's eager attention: the scores are written, then read and written by scaling and softmax, then read by the value product.</summary>
        Eager,
    }
}
