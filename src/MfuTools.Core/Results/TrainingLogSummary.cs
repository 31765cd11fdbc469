namespace MfuTools.Core.Results
{
    /// <summary>
    /// The steps of one training log at a glance: how many were read, the median and spread
    /// of step time and of MFU, and the slowest steps. Spread is given as the 10th and 90th
    /// percentiles, which a single checkpoint or evaluation step does not move. A statistic
    /// without input (no MFU before Measure-Mfu) is null.
    /// </summary>
    public sealed class TrainingLogSummary
    {
        internal TrainingLogSummary()
        {
        }

        /// <summary>The log file, as a full path; empty for input that named no file.</summary>
        public string File { get; internal set; }

        /// <summary>The framework of the log's records, or several joined with ", ".</summary>
        public string Framework { get; internal set; }

        /// <summary>Step records read.</summary>
        public long StepsRead { get; internal set; }

        /// <summary>Lines skipped with a warning (Import-TrainingLog -Summary only; null otherwise).</summary>
        public long? LinesSkipped { get; internal set; }

        /// <summary>
        /// Records with a step time, which the step-time statistics are taken over. A Hugging
        /// Face Trainer log has one (its run-level average), so its spread carries no information.
        /// </summary>
        public long TimedSteps { get; internal set; }

        public long? FirstStep { get; internal set; }

        public long? LastStep { get; internal set; }

        public double? MedianStepSeconds { get; internal set; }

        public double? StepSecondsP10 { get; internal set; }

        public double? StepSecondsP90 { get; internal set; }

        /// <summary>MFU as a fraction, from Measure-Mfu's results.</summary>
        public double? MedianMfu { get; internal set; }

        public double? MfuP10 { get; internal set; }

        public double? MfuP90 { get; internal set; }

        /// <summary>The median of the MFU the framework printed, as a fraction.</summary>
        public double? MedianReportedMfu { get; internal set; }

        /// <summary>The median of the FLOP/s per device the framework printed.</summary>
        public double? MedianReportedFlopsPerSecondPerDevice { get; internal set; }

        /// <summary>The slowest step's number and its seconds.</summary>
        public long? SlowestStep { get; internal set; }

        public double? SlowestStepSeconds { get; internal set; }

        /// <summary>The step numbers of the slowest steps, slowest first, joined with ", ".</summary>
        public string SlowestSteps { get; internal set; }

        public override string ToString() => $"{System.IO.Path.GetFileName(File)}: {StepsRead} steps";
    }
}
