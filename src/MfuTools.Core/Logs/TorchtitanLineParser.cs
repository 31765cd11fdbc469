using System;
using System.Text.RegularExpressions;
using MfuTools.Core.Results;

namespace MfuTools.Core.Logs
{
    /// <summary>
    /// Reads torchtitan's step lines: "step: 10  loss:  9.8821  memory: 49.59GiB(35.46%)  tps: 7,026  tflops: 423.1  mfu: 41.15%".
    /// Fields read: step, loss, tps (or wps in early versions: tokens per second per device),
    /// tflops (per device) and mfu. From the lines before the first step it reads
    /// "Peak FLOPS used for computing MFU", the global batch size and sequence length of
    /// "Training starts at step ...", and the device mesh sizes of "Building ... device mesh".
    /// </summary>
    internal sealed class TorchtitanLineParser : StepLineParser
    {
        private static readonly Regex Start = new Regex(@"^step:\s*\d+\s", RegexOptions.Compiled | RegexOptions.CultureInvariant);

        // "name: value" pairs; a value runs to the next whitespace.
        private static readonly Regex Pair = new Regex(@"([A-Za-z_][A-Za-z_ ]*?):\s*(\S+)", RegexOptions.Compiled | RegexOptions.CultureInvariant);

        private static readonly Regex Peak = new Regex(@"Peak FLOPS used for computing MFU:\s*(\S+)", RegexOptions.Compiled | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        private static readonly Regex TrainingStarts = new Regex(@"Training starts at step \d+.*?global batch size (\d+), sequence length (\d+)", RegexOptions.Compiled | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        private static readonly Regex Mesh = new Regex(@"Building \d+-D device mesh with \[[^\]]*\], \[([\d,\s]+)\]", RegexOptions.Compiled | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        public override TrainingFramework Framework => TrainingFramework.Torchtitan;

        public override bool StartsRecord(string text) => Start.IsMatch(text);

        public override bool IsComplete(string text) => text.TrimEnd().EndsWith("%", StringComparison.Ordinal) && text.IndexOf("mfu", StringComparison.OrdinalIgnoreCase) >= 0;

        public override bool Resembles(string text) =>
            text.IndexOf("step", StringComparison.OrdinalIgnoreCase) >= 0 &&
            (text.IndexOf("tps:", StringComparison.OrdinalIgnoreCase) >= 0 || text.IndexOf("mfu:", StringComparison.OrdinalIgnoreCase) >= 0);

        // NOTE: run facts are read from one line each. A hard-wrapped "Peak FLOPS" or
        // "Training starts" line is not joined, and the records after it then lack those values.
        public override void Observe(string text, LogContext context)
        {
            var peak = Peak.Match(text);
            if (peak.Success && LogFields.TryNumber(peak.Groups[1].Value, out var flops) && flops > 0)
            {
                context.PeakFlopsPerSecond = flops;
            }

            var starts = TrainingStarts.Match(text);
            if (starts.Success && LogFields.TryInteger(starts.Groups[1].Value, out var batch) && LogFields.TryInteger(starts.Groups[2].Value, out var sequence))
            {
                context.GlobalBatchSize = batch;
                context.SequenceLength = sequence;
            }

            var mesh = Mesh.Match(text);
            if (mesh.Success)
            {
                context.DeviceCount = MeshSize(mesh.Groups[1].Value);
            }
        }

        // The product of the mesh's dimension sizes; null when a size is unreadable or the product is implausible.
        private static int? MeshSize(string sizes)
        {
            long devices = 1;
            foreach (var size in sizes.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries))
            {
                if (!LogFields.TryInteger(size, out var dimension) || dimension < 1 || dimension > int.MaxValue / devices)
                {
                    return null;
                }

                devices *= dimension;
            }

            return (int)devices;
        }

        public override TrainingLogRecord Parse(string text, LogContext context, string file, long line)
        {
            var record = new TrainingLogRecord(TrainingFramework.Torchtitan, file, line)
            {
                GlobalBatchSize = context.GlobalBatchSize,
                SequenceLength = context.SequenceLength,
                DeviceCount = context.DeviceCount,
                ReportedPeakFlopsPerSecond = context.PeakFlopsPerSecond,
            };

            var covered = 0;
            foreach (Match pair in Pair.Matches(text))
            {
                if (text.Substring(covered, pair.Index - covered).Trim().Length > 0)
                {
                    throw new LogLineException($"'{text.Substring(covered, pair.Index - covered).Trim()}' is not a 'name: value' field");
                }

                covered = pair.Index + pair.Length;
                Read(pair.Groups[1].Value.Trim(), pair.Groups[2].Value, record);
            }

            if (text.Substring(covered).Trim().Length > 0)
            {
                throw new LogLineException($"'{text.Substring(covered).Trim()}' is not a 'name: value' field");
            }

            if (record.Step == null)
            {
                throw new LogLineException("it has no step number");
            }

            if (record.TokensPerSecondPerDevice == null && record.ReportedMfu == null)
            {
                throw new LogLineException("it has neither 'tps' nor 'mfu'");
            }

            record.ReportedUnit = record.ReportedFlopsPerSecondPerDevice != null ? "tflops, mfu %" : "mfu %";
            return record;
        }

        private static void Read(string name, string value, TrainingLogRecord record)
        {
            if (name.Equals("step", StringComparison.OrdinalIgnoreCase))
            {
                if (!LogFields.TryInteger(value, out var step))
                {
                    throw new LogLineException($"the step '{value}' is not a whole number");
                }

                record.Step = step;
            }
            else if (name.Equals("loss", StringComparison.OrdinalIgnoreCase))
            {
                if (LogFields.IsNonFinite(value))
                {
                    record.LossWasNonFinite = true;
                }
                else
                {
                    record.Loss = Number(name, value);
                }
            }
            else if (name.Equals("tps", StringComparison.OrdinalIgnoreCase) || name.Equals("wps", StringComparison.OrdinalIgnoreCase))
            {
                record.TokensPerSecondPerDevice = Number(name, value);
            }
            else if (LogFields.NameIs(name, "tflops"))
            {
                record.ReportedFlopsPerSecondPerDevice = Number(name, value) * 1e12;
            }
            else if (name.Equals("mfu", StringComparison.OrdinalIgnoreCase))
            {
                record.ReportedMfu = Number(name, value.TrimEnd('%')) / 100;
            }
        }

        private static double Number(string name, string value)
        {
            if (!LogFields.TryNumber(value, out var number))
            {
                throw new LogLineException($"the value '{value}' of '{name}' is not a number");
            }

            return number;
        }
    }
}
