using System;
using System.Globalization;

namespace MfuTools.Cmdlets.Infrastructure
{
    /// <summary>
    /// Readable bytes, intensities and durations for the compute-intensity table views only
    /// (MfuTools.Intensity.Format.ps1xml); the objects keep bytes, FLOPs per byte and seconds.
    /// </summary>
    public static class IntensityDisplay
    {
        /// <summary>Formats a byte count with an SI prefix: 15,231,275,008 as "15.23 GB".</summary>
        public static string Bytes(decimal value)
        {
            var scaled = DisplayFormat.Si(value);
            return char.IsLetter(scaled[scaled.Length - 1]) ? scaled + "B" : scaled + " B";
        }

        /// <summary>Formats FLOPs per byte with three significant digits or more: 0.998, 52.3, 1843; empty for null.</summary>
        public static string Intensity(double? value)
        {
            if (!value.HasValue)
            {
                return string.Empty;
            }

            var digits = Math.Abs(value.Value) >= 1 ? DigitsFor(value.Value) : "0.000";
            return value.Value.ToString(digits, CultureInfo.InvariantCulture);
        }

        /// <summary>Formats seconds in the unit that keeps three or four digits: "12.4 ms", "860 us"; empty for null.</summary>
        public static string Seconds(double? value)
        {
            if (!value.HasValue)
            {
                return string.Empty;
            }

            var seconds = value.Value;
            var magnitude = Math.Abs(seconds);
            if (magnitude == 0)
            {
                return "0 s";
            }

            if (magnitude >= 1)
            {
                return Scaled(seconds, " s");
            }

            if (magnitude >= 1e-3)
            {
                return Scaled(seconds * 1e3, " ms");
            }

            if (magnitude >= 1e-6)
            {
                return Scaled(seconds * 1e6, " us");
            }

            return Scaled(seconds * 1e9, " ns");
        }

        /// <summary>Formats a rate with an SI prefix and a unit: 1,234.5 tokens per second as "1.235 k"; empty for null.</summary>
        public static string Rate(double? value) => value.HasValue ? DisplayFormat.Si(value) : string.Empty;

        private static string Scaled(double value, string unit) => value.ToString(DigitsFor(value), CultureInfo.InvariantCulture) + unit;

        /// <summary>Returns a format that shows three significant digits of a value of 1 or more.</summary>
        private static string DigitsFor(double value)
        {
            var magnitude = Math.Abs(value);
            if (magnitude >= 100)
            {
                return "0";
            }

            return magnitude >= 10 ? "0.0" : "0.00";
        }
    }
}
