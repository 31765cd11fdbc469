using System;
using System.Collections.Generic;
using System.Linq;
using MfuTools.Core.Errors;

namespace MfuTools.Core.Hardware
{
    /// <summary>
    /// One accelerator: its dense (not 2:4-sparse) peak FLOP/s per precision, memory size
    /// and bandwidth, and where the figures come from. Catalog entries come from
    /// <see cref="AcceleratorCatalog"/>; <see cref="FromPeak"/> makes one from a user's own figure.
    /// </summary>
    public sealed class Accelerator
    {
        private readonly double? userPeakFlopsPerSecond;

        internal Accelerator(
            string name,
            string vendor,
            string formFactor,
            decimal? memoryBytes,
            double? memoryBandwidth,
            IDictionary<Precision, double> peaks,
            double? tdpWatts,
            string source,
            bool isEstimate,
            double? userPeakFlopsPerSecond = null)
        {
            Name = name;
            Vendor = vendor;
            FormFactor = formFactor;
            MemoryBytes = memoryBytes;
            MemoryBandwidth = memoryBandwidth;
            PeakFP32FlopsPerSecond = Peak(peaks, Precision.FP32);
            PeakTF32FlopsPerSecond = Peak(peaks, Precision.TF32);
            PeakBF16FlopsPerSecond = Peak(peaks, Precision.BF16);
            PeakFP16FlopsPerSecond = Peak(peaks, Precision.FP16);
            PeakFP8FlopsPerSecond = Peak(peaks, Precision.FP8);
            PeakINT8FlopsPerSecond = Peak(peaks, Precision.INT8);
            TdpWatts = tdpWatts;
            Source = source;
            IsEstimate = isEstimate;
            this.userPeakFlopsPerSecond = userPeakFlopsPerSecond;
        }

        /// <summary>Catalog name, for example "NVIDIA H100 SXM5 80GB".</summary>
        public string Name { get; }

        public string Vendor { get; }

        /// <summary>Package or board, for example "SXM5" or "PCIe".</summary>
        public string FormFactor { get; }

        /// <summary>Device memory in bytes (decimal gigabytes × 10^9, as datasheets give them); null when unknown.</summary>
        public decimal? MemoryBytes { get; }

        /// <summary>Device memory bandwidth in bytes per second; null when unknown.</summary>
        public double? MemoryBandwidth { get; }

        /// <summary>Dense FP32 peak in FLOP/s (the vector rate); null where none is published.</summary>
        public double? PeakFP32FlopsPerSecond { get; }

        /// <summary>Dense TF32 tensor peak in FLOP/s; null where the device has none.</summary>
        public double? PeakTF32FlopsPerSecond { get; }

        /// <summary>Dense BF16 tensor peak in FLOP/s; null where the device has none.</summary>
        public double? PeakBF16FlopsPerSecond { get; }

        /// <summary>Dense FP16 tensor peak in FLOP/s (FP32 accumulate); null where none is published.</summary>
        public double? PeakFP16FlopsPerSecond { get; }

        /// <summary>Dense FP8 tensor peak in FLOP/s; null where the device has none.</summary>
        public double? PeakFP8FlopsPerSecond { get; }

        /// <summary>Dense INT8 tensor peak in operations per second; null where none is published.</summary>
        public double? PeakINT8FlopsPerSecond { get; }

        /// <summary>Board power in watts; null when not published.</summary>
        public double? TdpWatts { get; }

        /// <summary>Where the figures come from: datasheet, documentation, or "given by the user".</summary>
        public string Source { get; }

        /// <summary>True when a figure is derived or lacks a public datasheet.</summary>
        public bool IsEstimate { get; }

        /// <summary>True when the peak was given by the user rather than read from the catalog.</summary>
        public bool IsUserGiven => userPeakFlopsPerSecond.HasValue;

        /// <summary>
        /// Makes an accelerator from a user's own peak FLOP/s per device and, optionally, its
        /// memory bandwidth in bytes per second. The peak is taken to be the one for whatever
        /// precision the caller computes with.
        /// </summary>
        public static Accelerator FromPeak(double peakFlopsPerSecond, double? memoryBandwidth = null, string name = null)
        {
            if (!(peakFlopsPerSecond > 0) || double.IsInfinity(peakFlopsPerSecond))
            {
                throw new MfuException(ErrorIds.PeakInvalid, MfuErrorKind.InvalidArgument,
                    $"The peak must be a positive, finite number of FLOP/s per device, but is {peakFlopsPerSecond}.", peakFlopsPerSecond);
            }

            if (memoryBandwidth.HasValue && (!(memoryBandwidth.Value > 0) || double.IsInfinity(memoryBandwidth.Value)))
            {
                throw new MfuException(ErrorIds.PeakInvalid, MfuErrorKind.InvalidArgument,
                    $"The memory bandwidth must be a positive, finite number of bytes per second, but is {memoryBandwidth.Value}.", memoryBandwidth.Value);
            }

            return new Accelerator(
                string.IsNullOrWhiteSpace(name) ? "user-given peak" : name,
                vendor: null,
                formFactor: null,
                memoryBytes: null,
                memoryBandwidth: memoryBandwidth,
                peaks: new Dictionary<Precision, double>(),
                tdpWatts: null,
                source: "given by the user",
                isEstimate: false,
                userPeakFlopsPerSecond: peakFlopsPerSecond);
        }

        /// <summary>Returns the dense peak for a precision in FLOP/s, or null when the device has none.</summary>
        public double? PeakFlopsPerSecond(Precision precision)
        {
            if (userPeakFlopsPerSecond.HasValue)
            {
                return userPeakFlopsPerSecond;
            }

            switch (precision)
            {
                case Precision.FP32:
                    return PeakFP32FlopsPerSecond;
                case Precision.TF32:
                    return PeakTF32FlopsPerSecond;
                case Precision.BF16:
                    return PeakBF16FlopsPerSecond;
                case Precision.FP16:
                    return PeakFP16FlopsPerSecond;
                case Precision.FP8:
                    return PeakFP8FlopsPerSecond;
                case Precision.INT8:
                    return PeakINT8FlopsPerSecond;
                default:
                    return null;
            }
        }

        /// <summary>
        /// Returns the peak for a precision, or throws an error listing the precisions this
        /// device has a peak for. There is no fallback to another precision.
        /// </summary>
        public double RequirePeakFlopsPerSecond(Precision precision)
        {
            var peak = PeakFlopsPerSecond(precision);
            if (peak.HasValue)
            {
                return peak.Value;
            }

            var available = SupportedPrecisions().ToList();
            var list = available.Count == 0 ? "none" : string.Join(", ", available);
            throw new MfuException(ErrorIds.PrecisionNotSupported, MfuErrorKind.InvalidArgument,
                $"The {Name} has no published {precision} peak. Precisions with a peak: {list}. Pass one of them with -Precision, or give the peak with -PeakFlopsPerSecond.",
                precision);
        }

        /// <summary>Returns the precisions this device has a peak for.</summary>
        public IEnumerable<Precision> SupportedPrecisions()
        {
            foreach (Precision precision in Enum.GetValues(typeof(Precision)))
            {
                if (PeakFlopsPerSecond(precision).HasValue)
                {
                    yield return precision;
                }
            }
        }

        public override string ToString() => Name;

        private static double? Peak(IDictionary<Precision, double> peaks, Precision precision)
        {
            return peaks.TryGetValue(precision, out var value) ? value : (double?)null;
        }
    }
}
