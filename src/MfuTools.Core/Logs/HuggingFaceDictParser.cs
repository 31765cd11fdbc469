using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using MfuTools.Core.Results;

namespace MfuTools.Core.Logs
{
    /// <summary>
    /// Reads the metric dictionaries the Hugging Face Trainer prints, one per logging step:
    /// "{'loss': 1.2848, 'grad_norm': 33.37, 'learning_rate': 6.667e-06, 'epoch': 0.12}" and at
    /// the end "{'train_runtime': 80.2776, 'train_samples_per_second': 23.917, 'train_steps_per_second': 1.495, ...}".
    /// Fields read: loss; train_runtime, train_samples_per_second and train_steps_per_second.
    /// Evaluation dictionaries (eval_loss) are not training steps and are passed over. The
    /// printed dictionaries carry no step number, and the Trainer drops total_flos before printing.
    /// </summary>
    internal sealed class HuggingFaceDictParser : StepLineParser
    {
        // A progress bar often shares the line with the dictionary, so the dictionary is
        // looked for anywhere in the line, and its keys may come in any order.
        private static readonly Regex Dictionary = new Regex(@"\{'[A-Za-z0-9_]+':.*$", RegexOptions.Compiled | RegexOptions.CultureInvariant);

        private static readonly Regex Entry = new Regex(@"'([^']+)':\s*([^,}]+)", RegexOptions.Compiled | RegexOptions.CultureInvariant);

        // numpy 2 prints scalars as np.float64(1.5); tensors print as tensor(1.5).
        private static readonly Regex Wrapped = new Regex(@"^(?:np\.float\d+|np\.int\d+|tensor)\((.*)\)$", RegexOptions.Compiled | RegexOptions.CultureInvariant);

        public override TrainingFramework Framework => TrainingFramework.HuggingFaceTrainer;

        public override bool StartsRecord(string text)
        {
            var body = Dictionary.Match(text);
            return body.Success &&
                (body.Value.IndexOf("'loss':", StringComparison.Ordinal) >= 0 || body.Value.IndexOf("'train_runtime':", StringComparison.Ordinal) >= 0);
        }

        public override bool IsComplete(string text) => text.TrimEnd().EndsWith("}", StringComparison.Ordinal);

        public override bool Resembles(string text) =>
            text.IndexOf("{'", StringComparison.Ordinal) >= 0 &&
            (text.IndexOf("loss'", StringComparison.Ordinal) >= 0 || text.IndexOf("train_runtime'", StringComparison.Ordinal) >= 0) &&
            text.IndexOf("eval_", StringComparison.Ordinal) < 0;

        public override TrainingLogRecord Parse(string text, LogContext context, string file, long line)
        {
            var body = Dictionary.Match(text).Value.Trim();
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Match entry in Entry.Matches(body))
            {
                values[entry.Groups[1].Value] = Unwrap(entry.Groups[2].Value.Trim());
            }

            var record = new TrainingLogRecord(TrainingFramework.HuggingFaceTrainer, file, line);
            if (body.IndexOf("'train_runtime':", StringComparison.Ordinal) >= 0)
            {
                if (!values.TryGetValue("train_runtime", out var runtime))
                {
                    throw new LogLineException("its 'train_runtime' has no value");
                }

                Number("train_runtime", runtime);
                if (values.TryGetValue("train_samples_per_second", out var samples))
                {
                    record.SamplesPerSecond = Number("train_samples_per_second", samples);
                }

                if (values.TryGetValue("train_steps_per_second", out var steps))
                {
                    var stepsPerSecond = Number("train_steps_per_second", steps);
                    record.StepSeconds = stepsPerSecond > 0 ? 1 / stepsPerSecond : (double?)null;
                }

                return record;
            }

            if (!values.TryGetValue("loss", out var loss))
            {
                throw new LogLineException("its 'loss' has no value");
            }

            if (LogFields.IsNonFinite(loss))
            {
                record.LossWasNonFinite = true;
            }
            else
            {
                record.Loss = Number("loss", loss);
            }

            return record;
        }

        private static string Unwrap(string value)
        {
            var wrapped = Wrapped.Match(value);
            return wrapped.Success ? wrapped.Groups[1].Value : value;
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
