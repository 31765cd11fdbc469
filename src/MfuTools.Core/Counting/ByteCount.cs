namespace MfuTools.Core.Counting
{
    /// <summary>
    /// Bytes one module moves between device memory and the chip in one forward pass,
    /// split the way the roofline needs them. Counts are exact and may end in .5 when
    /// weights are 4-bit.
    /// </summary>
    public struct ByteCount
    {
        /// <summary>1 at the largest decimal scale: dividing by it drops trailing zeros (2048.0 becomes 2048).</summary>
        private const decimal ScaleNormalizer = 1.0000000000000000000000000000m;

        public ByteCount(decimal weightBytes, decimal activationBytes, decimal kvCacheBytes)
        {
            // Half-byte element sizes leave a scale of one decimal place even on whole counts;
            // normalizing keeps exports and tables free of a stray ".0".
            WeightBytes = weightBytes / ScaleNormalizer;
            ActivationBytes = activationBytes / ScaleNormalizer;
            KvCacheBytes = kvCacheBytes / ScaleNormalizer;
        }

        /// <summary>Weight and bias reads (embedding rows and norm weights included).</summary>
        public decimal WeightBytes { get; }

        /// <summary>Every other read and write: inputs, outputs, attention scores.</summary>
        public decimal ActivationBytes { get; }

        /// <summary>Keys and values: the attention's cache reads and the k/v projections' outputs (the new cache entries).</summary>
        public decimal KvCacheBytes { get; }

        public decimal TotalBytes => (WeightBytes + ActivationBytes + KvCacheBytes) / ScaleNormalizer;
    }
}
