namespace MfuTools.Core.Counting
{
    /// <summary>
    /// One forward pass: <see cref="Batch"/> sequences, each adding <see cref="QueryLength"/>
    /// tokens that attend to <see cref="KeyLength"/> keys. Training and prefill have
    /// QueryLength = KeyLength = S; decode has QueryLength 1 and KeyLength the cached context.
    /// </summary>
    public sealed class PassShape
    {
        public PassShape(long batch, long queryLength, long keyLength, bool causal)
        {
            Batch = batch;
            QueryLength = queryLength;
            KeyLength = keyLength;

            // Causal halving is defined for a sequence attending to itself; a decode step's
            // single query attends to every cached key.
            Causal = causal && queryLength == keyLength;
        }

        public long Batch { get; }

        public long QueryLength { get; }

        public long KeyLength { get; }

        public bool Causal { get; }

        /// <summary>T: tokens processed in this pass.</summary>
        public decimal Tokens => (decimal)Batch * QueryLength;

        /// <summary>
        /// Returns the (query, key) score pairs one sequence and head computes. Full attention:
        /// Q·min(K, W). Causal: S²/2, or S·W − W²/2 under a window W smaller than S. The result
        /// may end in .5; element-wise score FLOPs round it up per sequence and head.
        /// </summary>
        public decimal ScorePairs(int? window)
        {
            var keys = window.HasValue && window.Value < KeyLength ? window.Value : KeyLength;
            if (!Causal)
            {
                return (decimal)QueryLength * keys;
            }

            var s = (decimal)QueryLength;
            if (!window.HasValue || window.Value >= QueryLength)
            {
                return s * s / 2;
            }

            decimal w = window.Value;
            return s * w - w * w / 2;
        }
    }
}
