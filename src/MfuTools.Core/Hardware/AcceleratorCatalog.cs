using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MfuTools.Core.Catalogs;
using MfuTools.Core.Errors;

namespace MfuTools.Core.Hardware
{
    /// <summary>
    /// Accelerators shipped inside the assembly, with their dense peaks per precision, and
    /// the rule that turns what a user types (or what nvidia-smi prints) into one entry.
    /// </summary>
    public static class AcceleratorCatalog
    {
        private const string ResourceName = "MfuTools.Core.Data.accelerators.csv";

        /// <summary>Datasheet units: TFLOP/s and GB/s are 10^12 and 10^9, GB is 10^9 bytes.</summary>
        private const decimal Tera = 1e12m;
        private const decimal Giga = 1e9m;

        private static readonly Lazy<IReadOnlyList<CatalogEntry>> Entries = new Lazy<IReadOnlyList<CatalogEntry>>(Load);

        /// <summary>Every accelerator in the catalog, in catalog order (by vendor and generation).</summary>
        public static IReadOnlyList<Accelerator> All => Entries.Value.Select(e => e.Accelerator).ToList();

        /// <summary>Catalog names, for tab completion.</summary>
        public static IEnumerable<string> Names => Entries.Value.Select(e => e.Accelerator.Name);

        /// <summary>
        /// Finds the accelerator a name means. Throws <see cref="MfuException"/> with the closest
        /// entries when nothing matches; there is never a fallback to a default device.
        /// </summary>
        public static Accelerator Resolve(string name) => Resolve(name, out _);

        /// <summary>
        /// Finds the accelerator a name means, and writes to <paramref name="explanation"/> how
        /// the name was read (for verbose output). An exact catalog name wins. Otherwise the
        /// longest family name found in the text picks the family ("L40S" before "L40" before
        /// "L4", "H200" before "H20", "GB200" before "B200"). A variant word (SXM, PCIe, NVL,
        /// HBM3e, GCD) or a memory size such as "40GB" then narrows it. What is left resolves
        /// to the family's flagship part: SXM or OAM, and for the MI250X one of its two dies,
        /// because each die is its own device.
        /// </summary>
        public static Accelerator Resolve(string name, out string explanation)
        {
            var text = (name ?? string.Empty).Trim();

            // The longest device name printed by nvidia-smi or ROCm is well under this; a longer
            // text is a mistake, and matching or quoting it whole would only cost time.
            if (text.Length > MaxNameLength)
            {
                throw NotFound(text.Substring(0, MaxNameLength) + "...", $"Accelerator names are at most {MaxNameLength} characters. ");
            }

            var tokens = Tokenize(text);
            if (tokens.Count == 0)
            {
                throw NotFound(text, "The accelerator name is empty. ");
            }

            var exact = Entries.Value.FirstOrDefault(e => e.NameTokens.SequenceEqual(tokens));
            if (exact != null)
            {
                explanation = $"'{text}' is the catalog entry {exact.Accelerator.Name}.";
                return exact.Accelerator;
            }

            var family = FindFamily(text, tokens);
            var candidates = Entries.Value.Where(e => e.Family == family).ToList();
            var reasons = new List<string> { $"family {family}" };

            var variantWords = candidates.SelectMany(e => e.VariantWords).Distinct().Where(w => ContainsSequence(tokens, w)).ToList();
            if (variantWords.Count > 0)
            {
                candidates = candidates.Where(e => e.VariantWords.Any(v => variantWords.Contains(v))).ToList();
                reasons.Add("variant " + string.Join(" ", variantWords.Select(w => string.Join(" ", w))));
            }

            var memoryGigabytes = FindMemoryGigabytes(tokens);
            if (memoryGigabytes.HasValue)
            {
                var sized = candidates.Where(e => e.Accelerator.MemoryBytes == memoryGigabytes.Value * Giga).ToList();
                if (sized.Count > 0)
                {
                    candidates = sized;
                    reasons.Add($"{memoryGigabytes.Value} GB");
                }
                else
                {
                    reasons.Add($"{memoryGigabytes.Value} GB matches no {family} entry and was ignored");
                }
            }

            var chosen = candidates.FirstOrDefault(e => e.IsFamilyDefault)
                         ?? candidates.OrderByDescending(e => e.Accelerator.MemoryBytes ?? 0m).First();
            if (chosen.IsFamilyDefault && candidates.Count > 1)
            {
                reasons.Add("the family's flagship part");
            }

            explanation = $"'{text}' resolved to {chosen.Accelerator.Name} ({string.Join("; ", reasons)}).";
            return chosen.Accelerator;
        }

        private static string FindFamily(string text, List<string> tokens)
        {
            var best = 0;
            var families = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in Entries.Value)
            {
                foreach (var alias in entry.Aliases)
                {
                    if (!ContainsSequence(tokens, alias))
                    {
                        continue;
                    }

                    var length = alias.Sum(t => t.Length);
                    if (length > best)
                    {
                        best = length;
                        families.Clear();
                    }

                    if (length == best)
                    {
                        families.Add(entry.Family);
                    }
                }
            }

            if (families.Count == 1)
            {
                return families.First();
            }

            if (families.Count > 1)
            {
                throw new MfuException(ErrorIds.AcceleratorAmbiguous, MfuErrorKind.InvalidArgument,
                    $"The accelerator name '{text}' names several families: {string.Join(", ", families.OrderBy(f => f, StringComparer.Ordinal))}. Give one, for example a full name from Get-MfuAccelerator.",
                    text);
            }

            throw NotFound(text, $"Closest entries: {string.Join(", ", Closest(tokens, 3))}. ");
        }

        /// <summary>
        /// Returns the entries whose name or family name is nearest to the typed words by
        /// edit distance, ignoring spaces and punctuation, flagship parts first on a tie.
        /// </summary>
        private static IEnumerable<string> Closest(List<string> tokens, int count)
        {
            var typed = string.Concat(tokens);
            return Entries.Value
                .Select((entry, index) => new
                {
                    entry.Accelerator.Name,
                    Index = index,
                    entry.IsFamilyDefault,
                    Distance = entry.Aliases.Select(alias => string.Concat(alias))
                        .Concat(new[] { string.Concat(entry.NameTokens), string.Concat(entry.NameTokens.Skip(1)) })
                        .Min(candidate => PresetCatalog.EditDistance(typed, candidate)),
                })
                .OrderBy(x => x.Distance)
                .ThenByDescending(x => x.IsFamilyDefault)
                .ThenBy(x => x.Index)
                .Take(count)
                .Select(x => x.Name);
        }

        /// <summary>Longest accelerator name accepted, in characters.</summary>
        private const int MaxNameLength = 200;

        private static MfuException NotFound(string text, string note)
        {
            return new MfuException(ErrorIds.AcceleratorNotFound, MfuErrorKind.ObjectNotFound,
                $"No accelerator in the catalog is named '{text}'. {note}Run Get-MfuAccelerator to list them, or give the peak of one device with -PeakFlopsPerSecond.",
                text);
        }

        /// <summary>Reads "80GB", "80G" or "80 GB" as a memory size in gigabytes.</summary>
        private static decimal? FindMemoryGigabytes(List<string> tokens)
        {
            for (var i = 0; i < tokens.Count; i++)
            {
                var token = tokens[i];
                string digits = null;
                if (token.EndsWith("GB", StringComparison.Ordinal))
                {
                    digits = token.Substring(0, token.Length - 2);
                }
                else if (token.EndsWith("G", StringComparison.Ordinal))
                {
                    digits = token.Substring(0, token.Length - 1);
                }
                else if (i + 1 < tokens.Count && tokens[i + 1] == "GB")
                {
                    digits = token;
                }

                if (!string.IsNullOrEmpty(digits) && digits.All(char.IsDigit)
                    && decimal.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var gigabytes))
                {
                    return gigabytes;
                }
            }

            return null;
        }

        private static bool ContainsSequence(List<string> tokens, IReadOnlyList<string> sequence)
        {
            for (var start = 0; start + sequence.Count <= tokens.Count; start++)
            {
                var all = true;
                for (var k = 0; k < sequence.Count && all; k++)
                {
                    all = tokens[start + k] == sequence[k];
                }

                if (all)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Splits a name into upper-case words at spaces and the punctuation device names use (A100-SXM4-80GB, h100_sxm).</summary>
        internal static List<string> Tokenize(string text)
        {
            var separators = new[] { ' ', '\t', '-', '_', '/', '(', ')', ',', ':' };
            return text.ToUpperInvariant().Split(separators, StringSplitOptions.RemoveEmptyEntries).ToList();
        }

        private static IReadOnlyList<CatalogEntry> Load()
        {
            return CsvTable.ReadResource(ResourceName).Select(CatalogEntry.FromRow).ToList();
        }

        /// <summary>One catalog row: the accelerator and the words that find it.</summary>
        private sealed class CatalogEntry
        {
            public Accelerator Accelerator { get; private set; }

            public List<string> NameTokens { get; private set; }

            /// <summary>Family key, the first alias as written in the resource.</summary>
            public string Family { get; private set; }

            public List<List<string>> Aliases { get; private set; }

            public List<List<string>> VariantWords { get; private set; }

            public bool IsFamilyDefault { get; private set; }

            public static CatalogEntry FromRow(Dictionary<string, string> row)
            {
                var peaks = new Dictionary<Precision, double>();
                AddPeak(peaks, Precision.FP32, row["fp32_tflops"]);
                AddPeak(peaks, Precision.TF32, row["tf32_tflops"]);
                AddPeak(peaks, Precision.BF16, row["bf16_tflops"]);
                AddPeak(peaks, Precision.FP16, row["fp16_tflops"]);
                AddPeak(peaks, Precision.FP8, row["fp8_tflops"]);
                AddPeak(peaks, Precision.INT8, row["int8_tops"]);

                var accelerator = new Accelerator(
                    row["name"],
                    row["vendor"],
                    row["form_factor"],
                    Scaled(row["memory_gb"], Giga),
                    (double?)Scaled(row["memory_bandwidth_gbps"], Giga),
                    peaks,
                    (double?)Scaled(row["tdp_w"], 1m),
                    row["source"],
                    row["is_estimate"] == "true");

                var aliases = row["family"].Split('|').Select(a => Tokenize(a)).ToList();
                return new CatalogEntry
                {
                    Accelerator = accelerator,
                    NameTokens = Tokenize(row["name"]),
                    Family = row["family"].Split('|')[0],
                    Aliases = aliases,
                    VariantWords = row["variant"].Split(new[] { '|' }, StringSplitOptions.RemoveEmptyEntries).Select(v => Tokenize(v)).ToList(),
                    IsFamilyDefault = row["family_default"] == "true",
                };
            }

            private static void AddPeak(Dictionary<Precision, double> peaks, Precision precision, string tera)
            {
                var value = Scaled(tera, Tera);
                if (value.HasValue)
                {
                    peaks[precision] = (double)value.Value;
                }
            }

            /// <summary>Parses a datasheet figure exactly (as decimal) before scaling, so 989.4 TFLOP/s becomes exactly 9.894e14.</summary>
            private static decimal? Scaled(string text, decimal unit)
            {
                if (string.IsNullOrWhiteSpace(text))
                {
                    return null;
                }

                return decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) * unit;
            }
        }
    }
}
