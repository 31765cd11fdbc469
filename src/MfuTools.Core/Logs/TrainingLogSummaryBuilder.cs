using System;
using System.Collections.Generic;
using System.Linq;
using MfuTools.Core.Results;

namespace MfuTools.Core.Logs
{
    /// <summary>
    /// Collects the steps of one log and summarizes them. It keeps one step time and one MFU
    /// per step, so memory grows by a few bytes per step. The slowest steps are kept in a
    /// list of fixed size.
    /// </summary>
    public sealed class TrainingLogSummaryBuilder
    {
        /// <summary>How many of the slowest steps the summary names.</summary>
        public const int SlowestShown = 5;

        private readonly List<double> _stepSeconds = new List<double>();
        private readonly List<double> _mfu = new List<double>();
        private readonly List<double> _reportedMfu = new List<double>();
        private readonly List<double> _reportedFlops = new List<double>();
        private readonly List<KeyValuePair<long, double>> _slowest = new List<KeyValuePair<long, double>>();
        private readonly List<string> _frameworks = new List<string>();
        private long _steps;
        private long? _first;
        private long? _last;

        public TrainingLogSummaryBuilder(string file)
        {
            File = file ?? string.Empty;
        }

        public string File { get; }

        /// <summary>
        /// Adds one log record. A log that prints a token or sample rate instead of a step time
        /// (torchtitan) gets the step time its batch, sequence length and devices imply.
        /// </summary>
        public void Add(TrainingLogRecord record)
        {
            Add(record.Framework.ToString(), record.Step, record.StepSeconds ?? ImpliedStepSeconds(record), null, record.ReportedMfu, record.ReportedFlopsPerSecondPerDevice);
        }

        /// <summary>Adds one step; any value may be null when the input does not carry it.</summary>
        public void Add(string framework, long? step, double? stepSeconds, double? mfu, double? reportedMfu, double? reportedFlopsPerSecondPerDevice)
        {
            _steps++;
            if (!string.IsNullOrEmpty(framework) && !_frameworks.Contains(framework))
            {
                _frameworks.Add(framework);
            }

            if (step.HasValue)
            {
                _first = _first ?? step;
                _last = step;
            }

            AddFinite(_stepSeconds, stepSeconds);
            AddFinite(_mfu, mfu);
            AddFinite(_reportedMfu, reportedMfu);
            AddFinite(_reportedFlops, reportedFlopsPerSecondPerDevice);

            if (step.HasValue && stepSeconds.HasValue && !double.IsNaN(stepSeconds.Value))
            {
                KeepIfSlow(step.Value, stepSeconds.Value);
            }
        }

        /// <summary>Returns the summary; <paramref name="linesSkipped"/> is null when the caller did not read the file itself.</summary>
        public TrainingLogSummary Build(long? linesSkipped)
        {
            return new TrainingLogSummary
            {
                File = File,
                Framework = string.Join(", ", _frameworks),
                StepsRead = _steps,
                TimedSteps = _stepSeconds.Count,
                LinesSkipped = linesSkipped,
                FirstStep = _first,
                LastStep = _last,
                MedianStepSeconds = Percentile(_stepSeconds, 0.5),
                StepSecondsP10 = Percentile(_stepSeconds, 0.1),
                StepSecondsP90 = Percentile(_stepSeconds, 0.9),
                MedianMfu = Percentile(_mfu, 0.5),
                MfuP10 = Percentile(_mfu, 0.1),
                MfuP90 = Percentile(_mfu, 0.9),
                MedianReportedMfu = Percentile(_reportedMfu, 0.5),
                MedianReportedFlopsPerSecondPerDevice = Percentile(_reportedFlops, 0.5),
                SlowestStep = _slowest.Count > 0 ? _slowest[0].Key : (long?)null,
                SlowestStepSeconds = _slowest.Count > 0 ? _slowest[0].Value : (double?)null,
                SlowestSteps = string.Join(", ", _slowest.Select(s => s.Key.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            };
        }

        /// <summary>
        /// Returns the percentile by linear interpolation between the closest ranks (the
        /// method of numpy's default and of Excel's PERCENTILE.INC); null for no values.
        /// </summary>
        public static double? Percentile(List<double> values, double fraction)
        {
            if (values.Count == 0)
            {
                return null;
            }

            var sorted = values.OrderBy(v => v).ToList();
            var rank = fraction * (sorted.Count - 1);
            var below = (int)Math.Floor(rank);
            var above = Math.Min(below + 1, sorted.Count - 1);
            return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
        }

        // Seconds per step from the rates a log prints: B·S / (tokens per second per device ×
        // devices), B·S / (tokens per second), or B / (sequences per second).
        private static double? ImpliedStepSeconds(TrainingLogRecord record)
        {
            if (record.GlobalBatchSize == null)
            {
                return null;
            }

            var sequences = (double)record.GlobalBatchSize.Value;
            if (record.SequenceLength != null && record.TokensPerSecondPerDevice > 0 && record.DeviceCount > 0)
            {
                return sequences * record.SequenceLength.Value / (record.TokensPerSecondPerDevice.Value * record.DeviceCount.Value);
            }

            if (record.SequenceLength != null && record.TokensPerSecond > 0)
            {
                return sequences * record.SequenceLength.Value / record.TokensPerSecond.Value;
            }

            if (record.SamplesPerSecond > 0)
            {
                return sequences / record.SamplesPerSecond.Value;
            }

            return null;
        }

        private static void AddFinite(List<double> list, double? value)
        {
            if (value.HasValue && !double.IsNaN(value.Value) && !double.IsInfinity(value.Value))
            {
                list.Add(value.Value);
            }
        }

        private void KeepIfSlow(long step, double seconds)
        {
            var index = _slowest.FindIndex(s => s.Value < seconds);
            if (index < 0)
            {
                if (_slowest.Count < SlowestShown)
                {
                    _slowest.Add(new KeyValuePair<long, double>(step, seconds));
                }

                return;
            }

            _slowest.Insert(index, new KeyValuePair<long, double>(step, seconds));
            if (_slowest.Count > SlowestShown)
            {
                _slowest.RemoveAt(_slowest.Count - 1);
            }
        }
    }
}
