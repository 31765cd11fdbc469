using System.Management.Automation;

namespace MfuTools.Benchmarks.BindingFloor
{
    /// <summary>
    /// A cmdlet that binds the parameters Measure-Mfu binds by property name from step
    /// records, and writes one value per record as Measure-Mfu writes one result. Its time
    /// over many records is what PowerShell's parameter binding alone costs, before any
    /// cmdlet computes anything. It carries no argument transformation or validation
    /// attributes, so their cost counts against the cmdlet measured, not the floor.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Measure, "BindingFloor")]
    [OutputType(typeof(double))]
    public sealed class MeasureBindingFloorCommand : PSCmdlet
    {
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public double? StepSeconds { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public double? TokensPerSecond { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public double? TokensPerSecondPerDevice { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public double? SamplesPerSecond { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("GlobalBatchSize")]
        public long BatchSize { get; set; } = 1;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public long SequenceLength { get; set; } = 2048;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public double? ReportedFlopsPerSecondPerDevice { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public double? ReportedMfu { get; set; }

        protected override void ProcessRecord() => WriteObject(StepSeconds ?? 0);
    }
}
