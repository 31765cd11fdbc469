using System.Management.Automation;

namespace MfuTools.Benchmarks.BindingFloor
{
    /// <summary>
    /// A cmdlet that binds every parameter Measure-Mfu binds from step records (by property
    /// name, with the same names and aliases, and its one by-value parameter), and writes one value per record as
    /// Measure-Mfu writes one result. Its time over many records is what PowerShell's
    /// parameter binding alone costs, before any cmdlet computes anything.
    /// </summary>
    /// <remarks>
    /// It carries no argument transformation or validation attributes, and takes -Precision
    /// and -Recompute as strings (their enums live in the module), so those costs count
    /// against the cmdlet measured, not the floor. Keep the list in step with Measure-Mfu.
    /// </remarks>
    [Cmdlet(VerbsDiagnostic.Measure, "BindingFloor")]
    [OutputType(typeof(double))]
    public sealed class MeasureBindingFloorCommand : PSCmdlet
    {
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("StepTime", "step_time", "step_time_s", "step_seconds", "seconds_per_step", "sec_per_step", "time_per_step", "IterationTime", "iteration_time", "iter_time")]
        public double? StepSeconds { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("tokens_per_second", "tokens_per_sec", "global_tokens_per_second", "throughput_tokens_per_second")]
        public double? TokensPerSecond { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("tokens_per_second_per_device", "tokens_per_second_per_gpu", "tokens_per_sec_per_gpu", "tps", "tgs")]
        public double? TokensPerSecondPerDevice { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("samples_per_second", "samples_per_sec", "train_samples_per_second", "SamplesPerSec")]
        public double? SamplesPerSecond { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Devices", "device_count", "num_devices", "NumGpus", "num_gpus", "world_size")]
        public long DeviceCount { get; set; } = 1;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Gpu", "gpu_name", "device_name")]
        public object Accelerator { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public double? PeakFlopsPerSecond { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Dtype")]
        public string Precision { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string Recompute { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public double? ReportedFlopsPerSecondPerDevice { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public double? ReportedMfu { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("GlobalBatchSize")]
        public long BatchSize { get; set; } = 1;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public long SequenceLength { get; set; } = 2048;

        /// <summary>Measure-Mfu's -LogRecord: every piped object binds here by value.</summary>
        [Parameter(ValueFromPipeline = true)]
        public PSObject LogRecord { get; set; }

        protected override void ProcessRecord() => WriteObject(StepSeconds ?? 0);
    }
}
