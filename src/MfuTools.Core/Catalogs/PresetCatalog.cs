using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MfuTools.Core.Config;
using MfuTools.Core.Errors;
using MfuTools.Core.Models;
using Newtonsoft.Json.Linq;

namespace MfuTools.Core.Catalogs
{
    /// <summary>
    /// Model presets shipped inside the assembly: the published dimensions of real models,
    /// each row written with Hugging Face config keys and read through the same
    /// <see cref="ConfigReader"/> as a config.json, so a preset and its config give the same numbers.
    /// </summary>
    public static class PresetCatalog
    {
        private const string ResourceName = "MfuTools.Core.Data.presets.csv";

        /// <summary>Columns of the resource that are not config keys.</summary>
        private static readonly HashSet<string> DescriptiveColumns = new HashSet<string>(StringComparer.Ordinal)
        {
            "name", "hf_repo", "model_type", "evidence", "notes",
        };

        private static readonly Lazy<IReadOnlyList<PresetEntry>> Entries = new Lazy<IReadOnlyList<PresetEntry>>(Load);

        /// <summary>Returns every preset whose architecture MfuTools can count.</summary>
        public static IReadOnlyList<ModelConfig> All => Entries.Value.Where(e => e.Model != null).Select(e => e.Model).ToList();

        /// <summary>Returns the preset names, for tab completion.</summary>
        public static IEnumerable<string> Names => All.Select(m => m.Name);

        /// <summary>
        /// Finds a preset by name or Hugging Face repository id (with or without the
        /// organisation), ignoring case. A unique prefix up to a hyphen also matches, so
        /// "Mistral-7B" finds "Mistral-7B-v0.1". Throws <see cref="MfuException"/> naming
        /// the closest presets when nothing matches.
        /// </summary>
        public static ModelConfig Find(string name)
        {
            var entry = TryFind(name, out var note);
            if (entry != null)
            {
                return entry;
            }

            throw new MfuException(ErrorIds.PresetNotFound, MfuErrorKind.ObjectNotFound,
                $"No model preset is named '{Shorten(name, MaxNameLength)}'. {note}Run Get-MfuModel to list the presets, or pass a config.json with -Path.", name);
        }

        /// <summary>Returns the preset a name picks, or null; <paramref name="note"/> suggests near names when none does.</summary>
        public static ModelConfig TryFind(string name, out string note)
        {
            note = string.Empty;
            var key = (name ?? string.Empty).Trim();
            var entries = Entries.Value;

            var exact = entries.FirstOrDefault(e => e.Matches(key));
            if (exact != null)
            {
                return RequireSupported(exact);
            }

            var prefixed = entries.Where(e => e.Name.StartsWith(key + "-", StringComparison.OrdinalIgnoreCase)).ToList();
            if (prefixed.Count == 1 && key.Length > 0)
            {
                return RequireSupported(prefixed[0]);
            }

            var near = Closest(key, entries.Select(e => e.Name), 3);
            if (prefixed.Count > 1)
            {
                note = $"Several presets start with '{key}': {string.Join(", ", prefixed.Select(e => e.Name))}. ";
            }
            else if (near.Count > 0)
            {
                note = $"Closest presets: {string.Join(", ", near)}. ";
            }

            return null;
        }

        /// <summary>Returns the <paramref name="count"/> candidates closest to <paramref name="text"/> by edit distance, ignoring case.</summary>
        public static List<string> Closest(string text, IEnumerable<string> candidates, int count)
        {
            // Names are short; comparing only the start of a very long input keeps a pasted
            // blob from costing seconds of edit distance for a suggestion.
            var lower = Shorten(text, MaxNameLength).ToLowerInvariant();
            return candidates
                .Select(c => new { Name = c, Distance = EditDistance(lower, c.ToLowerInvariant()) })
                .OrderBy(x => x.Distance)
                .ThenBy(x => x.Name, StringComparer.OrdinalIgnoreCase)
                .Take(count)
                .Select(x => x.Name)
                .ToList();
        }

        private static ModelConfig RequireSupported(PresetEntry entry)
        {
            if (entry.Model != null)
            {
                return entry.Model;
            }

            throw entry.LoadError;
        }

        private static IReadOnlyList<PresetEntry> Load()
        {
            var entries = new List<PresetEntry>();
            foreach (var row in CsvTable.ReadResource(ResourceName))
            {
                entries.Add(PresetEntry.FromRow(row, DescriptiveColumns));
            }

            return entries;
        }

        /// <summary>Longest part of a name that suggestions compare and messages quote, in characters.</summary>
        private const int MaxNameLength = 200;

        private static string Shorten(string text, int length) =>
            text == null || text.Length <= length ? text ?? string.Empty : text.Substring(0, length) + "...";

        internal static int EditDistance(string a, string b)
        {
            var previous = new int[b.Length + 1];
            var current = new int[b.Length + 1];
            for (var j = 0; j <= b.Length; j++)
            {
                previous[j] = j;
            }

            for (var i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (var j = 1; j <= b.Length; j++)
                {
                    var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                }

                var swap = previous;
                previous = current;
                current = swap;
            }

            return previous[b.Length];
        }

        /// <summary>One row of the preset resource, loaded into a model when its architecture is supported.</summary>
        private sealed class PresetEntry
        {
            public string Name { get; private set; }

            public string Repo { get; private set; }

            public ModelConfig Model { get; private set; }

            /// <summary>Why the row could not be loaded (an architecture MfuTools cannot count yet).</summary>
            public MfuException LoadError { get; private set; }

            public bool Matches(string key)
            {
                if (string.Equals(Name, key, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }

                if (string.IsNullOrEmpty(Repo))
                {
                    return false;
                }

                var slash = Repo.IndexOf('/');
                return string.Equals(Repo, key, StringComparison.OrdinalIgnoreCase)
                       || (slash >= 0 && string.Equals(Repo.Substring(slash + 1), key, StringComparison.OrdinalIgnoreCase));
            }

            public static PresetEntry FromRow(Dictionary<string, string> row, HashSet<string> descriptive)
            {
                var entry = new PresetEntry { Name = row["name"], Repo = row["hf_repo"] };
                var json = new JObject { ["model_type"] = row["model_type"] };
                foreach (var column in row)
                {
                    if (!descriptive.Contains(column.Key) && column.Value.Length > 0)
                    {
                        json[column.Key] = ToToken(column.Value);
                    }
                }

                try
                {
                    var model = ConfigReader.FromJson(json, "preset " + entry.Name, entry.Name);
                    model.Source = string.IsNullOrEmpty(entry.Repo) ? "preset (published dimensions)" : "preset of " + entry.Repo;
                    model.Notes = row["notes"];
                    entry.Model = model;
                }
                catch (MfuException ex)
                {
                    entry.LoadError = ex;
                }

                return entry;
            }

            private static JToken ToToken(string text)
            {
                if (text == "true" || text == "false")
                {
                    return text == "true";
                }

                if (text == "null")
                {
                    return JValue.CreateNull();
                }

                if (text.StartsWith("[", StringComparison.Ordinal))
                {
                    return JArray.Parse(text);
                }

                if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole))
                {
                    return whole;
                }

                return text;
            }
        }
    }
}
