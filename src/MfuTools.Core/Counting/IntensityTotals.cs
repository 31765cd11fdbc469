using MfuTools.Core.Results;

namespace MfuTools.Core.Counting
{
    /// <summary>Running sums of intensity rows, for the whole-model summary.</summary>
    internal sealed class IntensityTotals
    {
        public decimal Flops { get; private set; }

        public decimal WeightBytes { get; private set; }

        public decimal ActivationBytes { get; private set; }

        public decimal KvCacheTrafficBytes { get; private set; }

        public double SerialSeconds { get; private set; }

        public double RooflineSeconds { get; private set; }

        /// <summary>Roofline seconds of the memory-bound rows.</summary>
        public double MemoryBoundSeconds { get; private set; }

        public void Add(IntensityRow row)
        {
            Flops += row.Flops;
            WeightBytes += row.WeightBytes;
            ActivationBytes += row.ActivationBytes;
            KvCacheTrafficBytes += row.KvCacheBytes;
            SerialSeconds += row.SerialSeconds;
            RooflineSeconds += row.RooflineSeconds;
            if (row.Bound == Bound.Memory)
            {
                MemoryBoundSeconds += row.RooflineSeconds;
            }
        }
    }
}
