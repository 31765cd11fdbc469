using System;

namespace MfuTools.Core.Hardware
{
    /// <summary>Storage sizes of the precisions.</summary>
    public static class PrecisionInfo
    {
        /// <summary>
        /// Returns the bytes one element takes in memory. TF32 is stored as FP32 (4 bytes),
        /// and INT4 packs two elements into a byte (0.5).
        /// </summary>
        public static decimal BytesPerElement(Precision precision)
        {
            switch (precision)
            {
                case Precision.FP32:
                case Precision.TF32:
                    return 4m;
                case Precision.BF16:
                case Precision.FP16:
                    return 2m;
                case Precision.FP8:
                case Precision.INT8:
                    return 1m;
                case Precision.INT4:
                    return 0.5m;
                default:
                    throw new ArgumentOutOfRangeException(nameof(precision), precision, "Unknown precision.");
            }
        }
    }
}
