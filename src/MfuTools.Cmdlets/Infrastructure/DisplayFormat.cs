using System;
using System.Globalization;

namespace MfuTools.Cmdlets.Infrastructure
{
    /// <summary>
    /// Human-readable scaling for the format views only (MfuTools.Format.ps1xml). Objects
    /// keep raw base units; these strings never reach the data.
    /// </summary>
    public static class DisplayFormat
    {
        private static readonly string[] Prefixes = { string.Empty, " k", " M", " G", " T", " P", " E", " Z", " Y" };

        /// <summary>Formats a count with an SI prefix and four significant digits: 52,620,689,408 as "52.62 G".</summary>
        public static string Si(decimal value)
        {
            var magnitude = Math.Abs(value);
            var index = 0;
            while (magnitude >= 1000m && index < Prefixes.Length - 1)
            {
                magnitude /= 1000m;
                index++;
            }

            if (index == 0)
            {
                return value.ToString("0.##", CultureInfo.InvariantCulture);
            }

            var scaled = (double)(value / Pow1000(index));
            var digits = Math.Abs(scaled) >= 100 ? "0.0" : Math.Abs(scaled) >= 10 ? "0.00" : "0.000";
            return scaled.ToString(digits, CultureInfo.InvariantCulture) + Prefixes[index];
        }

        /// <summary>Formats a count with an SI prefix glued to its unit: 52,620,689,408 FLOPs as "52.62 GFLOP", 0 as "0 FLOP".</summary>
        public static string Si(decimal value, string unit)
        {
            var text = Si(value);
            return char.IsDigit(text[text.Length - 1]) ? text + " " + unit : text + unit;
        }

        /// <summary>Formats a double count with an SI prefix; empty for null.</summary>
        public static string Si(double? value) => value.HasValue ? Si((decimal)value.Value) : string.Empty;

        /// <summary>Formats a fraction as a percentage with two decimals: 0.4622 as "46.22 %".</summary>
        public static string Percent(double? fraction) =>
            fraction.HasValue ? (fraction.Value * 100).ToString("0.00", CultureInfo.InvariantCulture) + " %" : string.Empty;

        private static decimal Pow1000(int index)
        {
            var result = 1m;
            for (var i = 0; i < index; i++)
            {
                result *= 1000m;
            }

            return result;
        }
    }
}
