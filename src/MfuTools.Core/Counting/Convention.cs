namespace MfuTools.Core.Counting
{
    /// <summary>Which FLOPs a count includes. See docs/conventions.md for each one's rules and sources.</summary>
    public enum Convention
    {
        /// <summary>Every module of the tree: matrix products, biases, norms, activations, softmax, residual adds.</summary>
        Detailed,

        /// <summary>Only matrix products: Linear layers without their bias, and the two attention products.</summary>
        Matmul,

        /// <summary>PaLM's closed form, 6·N + 12·L·nh·d·S per token; whole-model totals only.</summary>
        PaLM,

        /// <summary>Megatron-LM's closed form: GEMMs with the vocabulary padded to a multiple of 128; whole-model totals only.</summary>
        Megatron,

        /// <summary>torchtitan's closed form, 6·N′ + 12·L·h·S per token; whole-model totals only.</summary>
        Torchtitan,
    }
}
