using System;
using System.Text.RegularExpressions;
using MfuTools.Core.Results;

namespace MfuTools.Core.Logs
{
    /// <summary>
    /// Reads nanoGPT's iteration lines: "iter 2930: loss 3.9408, time 1097.30ms, mfu 15.34%".
    /// Fields read: iter, loss, time (ms) and mfu. nanoGPT prints "mfu -100.00%" until it has
    /// measured five iterations; that placeholder is read as no MFU.
    /// </summary>
    internal sealed class NanoGptLineParser : StepLineParser
    {
        /// <summary>The A100's dense bf16 peak, which nanoGPT's estimate_mfu divides by on every GPU.</summary>
        public const double A100PeakFlopsPerSecond = 312e12;

        // nanoGPT's running_mfu starts at -1.0 and is printed as a percentage until measured.
        private const double NotMeasuredPercent = -100;

        private static readonly Regex Start = new Regex(@"^iter\s+(\d+)\s*:", RegexOptions.Compiled | RegexOptions.CultureInvariant);

        private static readonly Regex Pair = new Regex(@"^([A-Za-z_]+)\s+(\S+)$", RegexOptions.Compiled | RegexOptions.CultureInvariant);

        public override TrainingFramework Framework => TrainingFramework.NanoGpt;

        public override bool StartsRecord(string text) => Start.IsMatch(text);

        public override bool IsComplete(string text) => text.TrimEnd().EndsWith("%", StringComparison.Ordinal);

        public override bool Resembles(string text) =>
            text.IndexOf("mfu", StringComparison.OrdinalIgnoreCase) >= 0 && text.IndexOf("ms", StringComparison.OrdinalIgnoreCase) >= 0 &&
            text.IndexOf("loss", StringComparison.OrdinalIgnoreCase) >= 0;

        public override TrainingLogRecord Parse(string text, LogContext context, string file, long line)
        {
            var start = Start.Match(text);
            if (!LogFields.TryInteger(start.Groups[1].Value, out var step))
            {
                throw new LogLineException($"the iteration '{start.Groups[1].Value}' is not a whole number");
            }

            var record = new TrainingLogRecord(TrainingFramework.NanoGpt, file, line)
            {
                Step = step,
                ReportedUnit = "mfu %",
            };

            var mfuRead = false;
            foreach (var part in text.Substring(start.Length).Split(','))
            {
                var pair = Pair.Match(part.Trim());
                if (!pair.Success)
                {
                    throw new LogLineException($"'{part.Trim()}' is not a 'name value' field");
                }

                var name = pair.Groups[1].Value;
                var value = pair.Groups[2].Value;
                if (name == "loss")
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
                else if (name == "time")
                {
                    if (!value.EndsWith("ms", StringComparison.Ordinal))
                    {
                        throw new LogLineException($"the time '{value}' is not in ms");
                    }

                    record.StepSeconds = Number(name, value.Substring(0, value.Length - 2)) / 1000;
                }
                else if (name == "mfu")
                {
                    var percent = Number(name, value.TrimEnd('%'));
                    mfuRead = true;
                    if (percent != NotMeasuredPercent)
                    {
                        record.ReportedMfu = percent / 100;
                        record.ReportedPeakFlopsPerSecond = A100PeakFlopsPerSecond;
                        record.Quirk = LogQuirks.Join(LogQuirks.A100PeakOnAnyGpu, LogQuirks.RunningAverage);
                    }
                }
            }

            if (record.StepSeconds == null)
            {
                throw new LogLineException("it has no 'time ...ms' field");
            }

            if (!mfuRead)
            {
                throw new LogLineException("it has no 'mfu' field");
            }

            return record;
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
