namespace MfuTools.Core.Mfu
{
    /// <summary>Activation recomputation: which forward work a training step runs twice.</summary>
    public enum Recompute
    {
        /// <summary>Nothing is recomputed: hardware FLOPs equal model FLOPs.</summary>
        None,

        /// <summary>The attention score and value products (and their scaling and softmax) run a second forward.</summary>
        Selective,

        /// <summary>Every decoder layer runs a second forward during the backward pass.</summary>
        Full,
    }
}
