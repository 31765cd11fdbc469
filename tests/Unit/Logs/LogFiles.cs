using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using MfuTools.Core.Logs;
using MfuTools.Core.Results;

namespace MfuTools.Tests.Logs
{
    /// <summary>Reads logs through <see cref="TrainingLogReader"/> and writes small logs for the messy cases.</summary>
    internal static class LogFiles
    {
        // One folder per test run, removed when the test process exits.
        private static readonly Lazy<string> Folder = new Lazy<string>(() =>
        {
            var folder = Path.Combine(Path.GetTempPath(), "mfutools-logs-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            AppDomain.CurrentDomain.ProcessExit += (sender, args) => Directory.Delete(folder, recursive: true);
            return folder;
        });

        public static (List<TrainingLogRecord> Records, List<string> Warnings) Read(string file)
        {
            var records = new List<TrainingLogRecord>();
            var warnings = new List<string>();
            using (var reader = TrainingLogReader.Open(file))
            {
                foreach (var result in reader.Read())
                {
                    if (result.Record != null)
                    {
                        records.Add(result.Record);
                    }
                    else
                    {
                        warnings.Add(result.Warning);
                    }
                }
            }

            return (records, warnings);
        }

        /// <summary>Writes lines to a new temporary file (UTF-8, "\n" endings unless given) and returns its path.</summary>
        public static string Write(string extension, IEnumerable<string> lines, string newline = "\n")
        {
            var file = Path.Combine(Folder.Value, Guid.NewGuid().ToString("N") + extension);
            File.WriteAllText(file, string.Join(newline, lines) + newline, new UTF8Encoding(false));
            return file;
        }

        /// <summary>Returns the lines of a real log excerpt.</summary>
        public static string[] Lines(string fileName) => File.ReadAllLines(TestData.Log(fileName));

        public static TrainingLogRecord Step(this IEnumerable<TrainingLogRecord> records, long step) => records.Single(r => r.Step == step);
    }
}
