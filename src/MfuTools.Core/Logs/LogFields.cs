using System;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace MfuTools.Core.Logs
{
    /// <summary>
    /// Matches printed field names and parses printed numbers. Names are compared without
    /// case or whitespace, and names of five letters or more forgive one typo (a doubled,
    /// dropped, swapped or wrong letter, as in "mmemory"). Units are compared exactly.
    /// </summary>
    internal static class LogFields
    {
        private const int MinLengthForTypos = 5;

        private static readonly Regex Grouped = new Regex(@"^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$", RegexOptions.Compiled | RegexOptions.CultureInvariant);

        /// <summary>True when a printed name is the expected one, allowing one typo in long names.</summary>
        public static bool NameIs(string printed, string expected)
        {
            var a = Normalize(printed);
            var b = Normalize(expected);
            if (a == b)
            {
                return true;
            }

            return b.Length >= MinLengthForTypos && EditDistanceIsOne(a, b);
        }

        /// <summary>
        /// Splits "elapsed time per iteration (ms)" into its name and its unit; the unit is
        /// empty when the name carries none.
        /// </summary>
        public static string SplitUnit(string key, out string unit)
        {
            key = key.Trim();
            unit = string.Empty;
            if (key.EndsWith(")", StringComparison.Ordinal))
            {
                var open = key.LastIndexOf('(');
                if (open > 0)
                {
                    unit = key.Substring(open + 1, key.Length - open - 2).Trim();
                    return key.Substring(0, open).Trim();
                }
            }

            return key;
        }

        /// <summary>
        /// Parses a printed number with the invariant culture. Accepts exponents and groups of
        /// thousands ("7,026", as torchtitan prints tokens per second); nan and inf are not numbers here.
        /// </summary>
        public static bool TryNumber(string text, out double value)
        {
            value = 0;
            if (string.IsNullOrWhiteSpace(text))
            {
                return false;
            }

            text = text.Trim();
            if (Grouped.IsMatch(text))
            {
                text = text.Replace(",", string.Empty);
            }

            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
            {
                return false;
            }

            return !double.IsNaN(value) && !double.IsInfinity(value);
        }

        /// <summary>Parses a printed whole number, with or without groups of thousands.</summary>
        public static bool TryInteger(string text, out long value)
        {
            value = 0;
            if (string.IsNullOrWhiteSpace(text))
            {
                return false;
            }

            text = text.Trim();
            if (Grouped.IsMatch(text))
            {
                text = text.Replace(",", string.Empty);
            }

            return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
        }

        /// <summary>True for the words Python prints for a non-finite float: nan, inf, -inf.</summary>
        public static bool IsNonFinite(string text)
        {
            var t = text.Trim().TrimStart('+', '-').ToLowerInvariant();
            return t == "nan" || t == "inf" || t == "infinity";
        }

        private static string Normalize(string name)
        {
            var builder = new StringBuilder(name.Length);
            foreach (var c in name)
            {
                if (!char.IsWhiteSpace(c))
                {
                    builder.Append(char.ToLowerInvariant(c));
                }
            }

            return builder.ToString();
        }

        // Optimal string alignment distance of exactly one: one insertion, deletion,
        // substitution or swap of neighbours.
        private static bool EditDistanceIsOne(string a, string b)
        {
            if (Math.Abs(a.Length - b.Length) > 1)
            {
                return false;
            }

            if (a.Length == b.Length)
            {
                var first = -1;
                var differences = 0;
                for (var i = 0; i < a.Length; i++)
                {
                    if (a[i] != b[i])
                    {
                        if (differences == 0)
                        {
                            first = i;
                        }

                        differences++;
                    }
                }

                if (differences == 1)
                {
                    return true;
                }

                return differences == 2 && first + 1 < a.Length && a[first] == b[first + 1] && a[first + 1] == b[first];
            }

            var shorter = a.Length < b.Length ? a : b;
            var longer = a.Length < b.Length ? b : a;
            var skip = 0;
            while (skip < shorter.Length && shorter[skip] == longer[skip])
            {
                skip++;
            }

            return string.CompareOrdinal(shorter, skip, longer, skip + 1, shorter.Length - skip) == 0;
        }
    }
}
