using MfuTools.Core.Logs;

namespace MfuTools.Core.Results
{
    /// <summary>
    /// One training step (or, for the Hugging Face Trainer's run totals, one run) as a
    /// framework's log printed it, in base units: seconds, tokens and sequences per second,
    /// FLOP/s and fractions. A value the log does not print is null. The property names
    /// match Measure-Mfu's parameters, so records bind to it by property name.
    /// </summary>
    public sealed class TrainingLogRecord
    {
        internal TrainingLogRecord(TrainingFramework framework, string file, long line)
        {
            Framework = framework;
            File = file;
            Line = line;
        }

        public TrainingFramework Framework { get; }

        /// <summary>The iteration or step number the log printed; null where the log prints none (the Trainer's printed dictionaries).</summary>
        public long? Step { get; internal set; }

        /// <summary>Wall seconds of the step, converted from the unit the log states.</summary>
        public double? StepSeconds { get; internal set; }

        /// <summary>Sequences per optimizer step over all devices.</summary>
        public long? GlobalBatchSize { get; internal set; }

        /// <summary>Tokens per sequence, where the log states it or its counters imply it exactly.</summary>
        public long? SequenceLength { get; internal set; }

        /// <summary>Tokens per second over the whole job.</summary>
        public double? TokensPerSecond { get; internal set; }

        /// <summary>Tokens per second on one device.</summary>
        public double? TokensPerSecondPerDevice { get; internal set; }

        /// <summary>Sequences per second over the whole job.</summary>
        public double? SamplesPerSecond { get; internal set; }

        /// <summary>Devices in the job, where the log states them.</summary>
        public int? DeviceCount { get; internal set; }

        /// <summary>Training loss; null when the log printed nan or inf.</summary>
        public double? Loss { get; internal set; }

        /// <summary>The framework's own throughput, in FLOP/s per device (converted from its printed unit).</summary>
        public double? ReportedFlopsPerSecondPerDevice { get; internal set; }

        /// <summary>The framework's own MFU, as a fraction (15.34 % is 0.1534).</summary>
        public double? ReportedMfu { get; internal set; }

        /// <summary>The peak FLOP/s per device the framework divided by, where the log or the framework fixes it.</summary>
        public double? ReportedPeakFlopsPerSecond { get; internal set; }

        /// <summary>The Hugging Face Trainer's total_flos for the whole run, as printed.</summary>
        public decimal? ReportedTotalFlops { get; internal set; }

        /// <summary>The label and unit of the printed figure, as the log wrote it ("TFLOP/s/GPU", "TFLOPs", "mfu %", "total_flos").</summary>
        public string ReportedUnit { get; internal set; }

        /// <summary>Known departures of the printed figure from model FLOPs, named as in <see cref="LogQuirks"/>; empty when none.</summary>
        public string Quirk { get; internal set; } = string.Empty;

        /// <summary>True when the log printed nan or inf as the loss; the reader warns once per file.</summary>
        internal bool LossWasNonFinite { get; set; }

        /// <summary>The time the log line states, as written (logs give no time zone); null when it states none.</summary>
        public System.DateTime? Timestamp { get; internal set; }

        /// <summary>The log file, as a full path.</summary>
        public string File { get; }

        /// <summary>The 1-based line the record starts on.</summary>
        public long Line { get; }

        public override string ToString() => $"{Framework} step {Step} ({System.IO.Path.GetFileName(File)}:{Line})";
    }
}
