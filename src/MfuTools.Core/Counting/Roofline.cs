using System;
using MfuTools.Core.Errors;

namespace MfuTools.Core.Counting
{
    /// <summary>
    /// The two roofs of one device: its peak FLOP/s at the compute precision and its memory
    /// bandwidth. In the memory model's terms (time = f·t_f + m·t_m), t_f = 1 / peak and t_m = 1 / bandwidth per byte.
    /// </summary>
    public sealed class Roofline
    {
        public Roofline(string name, double peakFlopsPerSecond, double memoryBandwidth)
        {
            if (!(peakFlopsPerSecond > 0) || double.IsInfinity(peakFlopsPerSecond))
            {
                throw new MfuException(ErrorIds.PeakInvalid, MfuErrorKind.InvalidArgument,
                    $"The peak must be a positive number of FLOP/s, but is {peakFlopsPerSecond}.", peakFlopsPerSecond);
            }

            if (!(memoryBandwidth > 0) || double.IsInfinity(memoryBandwidth))
            {
                throw new MfuException(ErrorIds.PeakInvalid, MfuErrorKind.InvalidArgument,
                    $"The memory bandwidth must be a positive number of bytes per second, but is {memoryBandwidth}.", memoryBandwidth);
            }

            Name = name ?? string.Empty;
            PeakFlopsPerSecond = peakFlopsPerSecond;
            MemoryBandwidth = memoryBandwidth;
        }

        /// <summary>The accelerator's catalog name, or empty when the numbers were given directly.</summary>
        public string Name { get; }

        public double PeakFlopsPerSecond { get; }

        /// <summary>Device memory bandwidth in bytes per second.</summary>
        public double MemoryBandwidth { get; }

        /// <summary>FLOPs per byte at which both roofs meet: peak / bandwidth.</summary>
        public double RidgePoint => PeakFlopsPerSecond / MemoryBandwidth;

        /// <summary>Returns f / peak: the time the FLOPs take at the peak.</summary>
        public double ComputeSeconds(decimal flops) => (double)flops / PeakFlopsPerSecond;

        /// <summary>Returns m / bandwidth: the time the bytes take at full bandwidth.</summary>
        public double MemorySeconds(decimal bytes) => (double)bytes / MemoryBandwidth;

        /// <summary>Returns the FLOP/s the roofline allows at an intensity: min(peak, intensity × bandwidth).</summary>
        public double AttainableFlopsPerSecond(double intensity) => Math.Min(PeakFlopsPerSecond, intensity * MemoryBandwidth);
    }
}
