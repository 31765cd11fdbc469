namespace MfuTools.Core.Counting
{
    /// <summary>The kind of forward pass a compute-intensity view describes.</summary>
    public enum Phase
    {
        /// <summary>Processing a prompt: B sequences of S tokens, each attending to its own sequence.</summary>
        Prefill,

        /// <summary>The forward pass of a training step: the same shape as prefill, with the step at 3 × forward.</summary>
        Training,

        /// <summary>Generating one token per sequence against a KV cache of the context length.</summary>
        Decode,
    }
}
