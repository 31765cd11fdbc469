namespace MfuTools.Core.Counting
{
    /// <summary>
    /// One forward pass as input to the byte count. It contains the pass shape, whether
    /// attention reads keys and values from a KV cache (decode) or from the sequence itself
    /// (training, prefill), and the bytes per element of Linear weights and of the rest.
    /// </summary>
    public sealed class BytePass
    {
        public BytePass(PassShape shape, bool readsCache, decimal weightElementBytes, decimal activationElementBytes)
        {
            Shape = shape;
            ReadsCache = readsCache;
            WeightElementBytes = weightElementBytes;
            ActivationElementBytes = activationElementBytes;
        }

        public PassShape Shape { get; }

        /// <summary>Whether keys and values come from a KV cache, which on sliding-window layers holds only the last W tokens.</summary>
        public bool ReadsCache { get; }

        /// <summary>Bytes per weight element of a Linear layer (0.5 for 4-bit weights).</summary>
        public decimal WeightElementBytes { get; }

        /// <summary>Bytes per element of activations, the KV cache, biases, embeddings and norm weights.</summary>
        public decimal ActivationElementBytes { get; }

        /// <summary>
        /// Returns S_kv, the keys per sequence a layer's attention reads: the key length, or
        /// min(key length, W) on a sliding-window layer reading a cache. Prefill and
        /// training read every key of the sequence, as K and V are whole tensors there.
        /// </summary>
        public long KeysPerSequence(int? window) =>
            ReadsCache && window.HasValue && window.Value < Shape.KeyLength ? window.Value : Shape.KeyLength;

        /// <summary>Returns the scores one sequence and head stores under eager attention: S·S_kv, whatever the causal mask hides.</summary>
        public decimal ScoresPerHead(int? window) => (decimal)Shape.QueryLength * KeysPerSequence(window);
    }
}
