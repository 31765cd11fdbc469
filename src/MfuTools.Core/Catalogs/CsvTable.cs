using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace MfuTools.Core.Catalogs
{
    /// <summary>
    /// A small RFC 4180 reader for the catalogs shipped inside the assembly: a header row,
    /// comma-separated fields, double quotes around fields that hold commas or quotes.
    /// </summary>
    internal static class CsvTable
    {
        /// <summary>Reads an embedded CSV resource into rows keyed by the header's column names.</summary>
        public static List<Dictionary<string, string>> ReadResource(string resourceName)
        {
            var assembly = typeof(CsvTable).Assembly;
            using (var stream = assembly.GetManifestResourceStream(resourceName))
            {
                if (stream == null)
                {
                    throw new InvalidOperationException($"The catalog resource '{resourceName}' is missing from {assembly.GetName().Name}; the build is broken.");
                }

                using (var reader = new StreamReader(stream, Encoding.UTF8))
                {
                    return Parse(reader.ReadToEnd());
                }
            }
        }

        public static List<Dictionary<string, string>> Parse(string text)
        {
            var records = SplitRecords(text);
            var rows = new List<Dictionary<string, string>>();
            if (records.Count == 0)
            {
                return rows;
            }

            var header = records[0];
            for (var r = 1; r < records.Count; r++)
            {
                var row = new Dictionary<string, string>(StringComparer.Ordinal);
                for (var c = 0; c < header.Count; c++)
                {
                    row[header[c]] = c < records[r].Count ? records[r][c] : string.Empty;
                }

                rows.Add(row);
            }

            return rows;
        }

        private static List<List<string>> SplitRecords(string text)
        {
            var records = new List<List<string>>();
            var record = new List<string>();
            var field = new StringBuilder();
            var quoted = false;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (quoted)
                {
                    if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else if (c == '"')
                    {
                        quoted = false;
                    }
                    else
                    {
                        field.Append(c);
                    }
                }
                else if (c == '"')
                {
                    quoted = true;
                }
                else if (c == ',')
                {
                    record.Add(field.ToString());
                    field.Clear();
                }
                else if (c == '\n' || c == '\r')
                {
                    if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    record.Add(field.ToString());
                    field.Clear();
                    if (record.Count > 1 || record[0].Length > 0)
                    {
                        records.Add(record);
                    }

                    record = new List<string>();
                }
                else
                {
                    field.Append(c);
                }
            }

            if (field.Length > 0 || record.Count > 0)
            {
                record.Add(field.ToString());
                records.Add(record);
            }

            return records;
        }
    }
}
