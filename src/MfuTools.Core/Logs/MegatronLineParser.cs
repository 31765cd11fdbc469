using System;
using System.Text.RegularExpressions;
using MfuTools.Core.Results;

namespace MfuTools.Core.Logs
{
    /// <summary>
    /// Reads the iteration lines of Megatron-LM and of the Megatron-DeepSpeed forks:
    /// " iteration 10/ 500000 | consumed samples: 1280 | elapsed time per iteration (ms): 9496.4 | ... |".
    /// Fields read: iteration, elapsed time per iteration (ms or s), global batch size, lm loss,
    /// throughput per GPU (TFLOP/s/GPU), TFLOPs, samples per second, tokens per gpu per second (tgs),
    /// consumed samples and consumed tokens. The ratio of the last two, when whole, is the sequence length.
    /// </summary>
    internal sealed class MegatronLineParser : StepLineParser
    {
        private const double Tera = 1e12;

        private static readonly Regex Start = new Regex(@"^iteration\s+(\d+)\s*/\s*(\d+)\s*(?:\||$)", RegexOptions.Compiled | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        private static readonly Regex FieldStart = new Regex(@"^\s*[A-Za-z_][A-Za-z0-9_ /()\-]*:\s*\S", RegexOptions.Compiled | RegexOptions.CultureInvariant);

        // Words of the fields this parser reads: a segment without a colon that contains one
        // of them is a garbled field, not a harmless extra.
        private static readonly string[] ReadWords = { "elapsed", "loss", "tflop", "throughput", "batch", "consumed", "per second" };

        // The framework is decided per line: Megatron-LM prints neither of these.
        private static readonly string[] DeepSpeedOnlyFields = { "TFLOPs", "samples per second", "consumed tokens", "tokens per gpu per second" };

        public override TrainingFramework Framework => TrainingFramework.MegatronLM;

        public override bool StartsRecord(string text) => Start.IsMatch(text);

        public override bool IsComplete(string text) => text.TrimEnd().EndsWith("|", StringComparison.Ordinal);

        // Every field ends with "|", so a record that ends with one may still go on: a wrapped
        // piece that starts with "name: value" does, while timer lines ("(min, max) time across
        // ranks (ms):", "    forward-backward .....: (1.0, 2.0)") and notices do not.
        public override bool Continues(string pending, string continuation) =>
            !IsComplete(pending) || FieldStart.IsMatch(continuation);

        public override bool Resembles(string text) =>
            text.IndexOf("elapsed time per iter", StringComparison.OrdinalIgnoreCase) >= 0 ||
            (text.IndexOf("iteration", StringComparison.OrdinalIgnoreCase) >= 0 && text.IndexOf("consumed samples", StringComparison.OrdinalIgnoreCase) >= 0);

        public override TrainingLogRecord Parse(string text, LogContext context, string file, long line)
        {
            var segments = text.Split('|');
            var start = Start.Match(segments[0].Trim() + " |");
            if (!start.Success || !LogFields.TryInteger(start.Groups[1].Value, out var iteration))
            {
                throw new LogLineException($"the iteration counter '{segments[0].Trim()}' is not 'iteration N/ M'");
            }

            var fields = new Fields();
            for (var i = 1; i < segments.Length; i++)
            {
                ReadSegment(segments[i].Trim(), fields);
            }

            if (fields.StepSeconds == null)
            {
                throw new LogLineException("it has no 'elapsed time per iteration (ms)' or '(s)' field");
            }

            var framework = fields.DeepSpeedOnly || fields.TimeInSeconds ? TrainingFramework.MegatronDeepSpeed : TrainingFramework.MegatronLM;
            var record = new TrainingLogRecord(framework, file, line)
            {
                Step = iteration,
                StepSeconds = fields.StepSeconds,
                GlobalBatchSize = fields.GlobalBatchSize,
                Loss = fields.Loss,
                SamplesPerSecond = fields.SamplesPerSecond,
                TokensPerSecondPerDevice = fields.TokensPerSecondPerDevice,
                SequenceLength = SequenceLength(fields),
            };

            if (fields.ThroughputPerGpu != null)
            {
                record.ReportedFlopsPerSecondPerDevice = fields.ThroughputPerGpu * Tera;
                record.ReportedUnit = "TFLOP/s/GPU";
            }
            else if (fields.Tflops != null)
            {
                record.ReportedFlopsPerSecondPerDevice = fields.Tflops * Tera;
                record.ReportedUnit = "TFLOPs";
                record.Quirk = LogQuirks.HardwareFlopsWithRecompute;
            }

            record.LossWasNonFinite = fields.LossWasNonFinite;
            return record;
        }

        // Consumed tokens over consumed samples is the sequence length when it divides
        // exactly; with a sequence-length warm-up it is an average and is not used.
        private static long? SequenceLength(Fields fields)
        {
            if (fields.ConsumedSamples > 0 && fields.ConsumedTokens > 0 && fields.ConsumedTokens % fields.ConsumedSamples == 0)
            {
                return fields.ConsumedTokens / fields.ConsumedSamples;
            }

            return null;
        }

        private static void ReadSegment(string segment, Fields fields)
        {
            if (segment.Length == 0)
            {
                return;
            }

            var colon = segment.LastIndexOf(':');
            if (colon < 0)
            {
                foreach (var word in ReadWords)
                {
                    if (segment.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
                    {
                        throw new LogLineException($"the field '{segment}' has no value");
                    }
                }

                return;
            }

            var name = LogFields.SplitUnit(segment.Substring(0, colon), out var unit);
            var value = segment.Substring(colon + 1).Trim();
            foreach (var only in DeepSpeedOnlyFields)
            {
                if (LogFields.NameIs(name, only))
                {
                    fields.DeepSpeedOnly = true;
                }
            }

            if (LogFields.NameIs(name, "elapsed time per iteration"))
            {
                var seconds = Number(segment, value);
                if (unit == "ms")
                {
                    fields.StepSeconds = seconds / 1000;
                }
                else if (unit == "s")
                {
                    fields.StepSeconds = seconds;
                    fields.TimeInSeconds = true;
                }
                else
                {
                    throw new LogLineException($"the step time unit '({unit})' is neither (ms) nor (s)");
                }
            }
            else if (LogFields.NameIs(name, "throughput per GPU") && unit.Equals("TFLOP/s/GPU", StringComparison.OrdinalIgnoreCase))
            {
                fields.ThroughputPerGpu = Number(segment, value);
            }
            else if (LogFields.NameIs(name, "TFLOPs") && unit.Length == 0)
            {
                fields.Tflops = Number(segment, value);
            }
            else if (LogFields.NameIs(name, "global batch size"))
            {
                fields.GlobalBatchSize = Integer(segment, value);
            }
            else if (LogFields.NameIs(name, "lm loss"))
            {
                if (LogFields.IsNonFinite(value))
                {
                    fields.LossWasNonFinite = true;
                }
                else
                {
                    fields.Loss = Number(segment, value);
                }
            }
            else if (LogFields.NameIs(name, "samples per second"))
            {
                fields.SamplesPerSecond = Number(segment, value);
            }
            else if (LogFields.NameIs(name, "tokens per gpu per second") && unit.Equals("tgs", StringComparison.OrdinalIgnoreCase))
            {
                fields.TokensPerSecondPerDevice = Number(segment, value);
            }
            else if (LogFields.NameIs(name, "consumed samples"))
            {
                fields.ConsumedSamples = Integer(segment, value);
            }
            else if (LogFields.NameIs(name, "consumed tokens"))
            {
                fields.ConsumedTokens = Integer(segment, value);
            }
        }

        private static double Number(string segment, string value)
        {
            if (!LogFields.TryNumber(value, out var number))
            {
                throw new LogLineException($"the value of '{segment}' is not a number");
            }

            return number;
        }

        private static long Integer(string segment, string value)
        {
            if (!LogFields.TryInteger(value, out var number))
            {
                throw new LogLineException($"the value of '{segment}' is not a whole number");
            }

            return number;
        }

        private sealed class Fields
        {
            public double? StepSeconds;
            public bool TimeInSeconds;
            public double? ThroughputPerGpu;
            public double? Tflops;
            public long? GlobalBatchSize;
            public double? Loss;
            public bool LossWasNonFinite;
            public double? SamplesPerSecond;
            public double? TokensPerSecondPerDevice;
            public long ConsumedSamples;
            public long ConsumedTokens;
            public bool DeepSpeedOnly;
        }
    }
}
