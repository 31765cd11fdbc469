namespace MfuTools.Core.Counting
{
    /// <summary>
    /// Bytes one module moves between device memory and the chip in one forward pass,
    /// split the way the roofline needs them. Counts are exact and may end in .5 when
    /// weights are 4-bit.
    /// </summary>
    public struct ByteCount
    {
        public ByteCount(decimal weightBytes, decimal activationBytes, decimal kvCacheBytes)
        {
            WeightBytes = weightBytes;
            ActivationBytes = activationBytes;
            KvCacheBytes = kvCacheBytes;
        }

        /// <summary>Weight and bias reads (embedding rows and norm weights included).</summary>
        public decimal WeightBytes { get; }

        /// <summary>Every other read and write: inputs, outputs, attention scores.</summary>
        public decimal ActivationBytes { get; }

        /// <summary>Keys and values: the attention's cache reads and the k/v projections' outputs (the new cache entries).</summary>
        public decimal KvCacheBytes { get; }

        public decimal TotalBytes => WeightBytes + ActivationBytes + KvCacheBytes;
    }
}
