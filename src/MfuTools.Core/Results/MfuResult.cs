using MfuTools.Core.Counting;
using MfuTools.Core.Hardware;
using MfuTools.Core.Mfu;

namespace MfuTools.Core.Results
{
    /// <summary>
    /// Model FLOPs utilization of one measured training run: how much of the devices' dense
    /// peak the model's FLOPs used, with every input the number depends on.
    /// </summary>
    public sealed class MfuResult
    {
        internal MfuResult(MfuRequest request, double stepSeconds, decimal modelFlopsPerStep, decimal hardwareFlopsPerStep, double peakFlopsPerSecond, string peakSource)
        {
            var run = request.Run;
            var devices = request.DeviceCount;
            var flopsPerSecondPerDevice = (double)modelFlopsPerStep / (stepSeconds * devices);
            var hardwareFlopsPerSecondPerDevice = (double)hardwareFlopsPerStep / (stepSeconds * devices);

            Model = request.Model.Name;
            Mfu = flopsPerSecondPerDevice / peakFlopsPerSecond;
            Hfu = request.Recompute.HasValue ? hardwareFlopsPerSecondPerDevice / peakFlopsPerSecond : (double?)null;
            AchievedFlopsPerSecondPerDevice = flopsPerSecondPerDevice;
            ModelFlopsPerStep = modelFlopsPerStep;
            HardwareFlopsPerStep = hardwareFlopsPerStep;
            ModelFlopsPerToken = modelFlopsPerStep / run.Tokens;
            PeakFlopsPerSecond = peakFlopsPerSecond;
            PeakSource = peakSource;
            PeakIsEstimate = request.Accelerator.IsEstimate;
            Accelerator = request.Accelerator.Name;
            Precision = request.Precision;
            DeviceCount = devices;
            StepSeconds = stepSeconds;
            TokensPerSecond = (double)run.Tokens / stepSeconds;
            TokensPerSecondPerDevice = TokensPerSecond / devices;
            ThroughputSource = request.Throughput.Kind;
            BatchSize = run.BatchSize;
            SequenceLength = run.SequenceLength;
            Convention = request.Convention;
            CausalAttention = run.CausalAttention;
            Recompute = request.Recompute;
            ReportedFlopsPerSecondPerDevice = request.ReportedFlopsPerSecondPerDevice;
            ReportedMfu = request.ReportedMfu;
            if (request.ReportedFlopsPerSecondPerDevice.HasValue)
            {
                ReportedRatio = flopsPerSecondPerDevice / request.ReportedFlopsPerSecondPerDevice.Value;
            }
            else if (request.ReportedMfu.HasValue)
            {
                ReportedRatio = Mfu / request.ReportedMfu.Value;
            }
        }

        public string Model { get; }

        /// <summary>Model FLOPs utilization as a fraction (0.462 is 46.2 %).</summary>
        public double Mfu { get; }

        /// <summary>Hardware FLOPs utilization as a fraction, counting recomputed work; null unless a recomputation mode was given.</summary>
        public double? Hfu { get; }

        /// <summary>Model FLOPs per second that one device delivered.</summary>
        public double AchievedFlopsPerSecondPerDevice { get; }

        /// <summary>Model FLOPs of one training step (forward plus backward) under <see cref="Convention"/>.</summary>
        public decimal ModelFlopsPerStep { get; }

        /// <summary>Model FLOPs per step plus the forward FLOPs that recomputation repeats.</summary>
        public decimal HardwareFlopsPerStep { get; }

        /// <summary>Model FLOPs per step divided by the step's tokens.</summary>
        public decimal ModelFlopsPerToken { get; }

        /// <summary>Dense peak of one device at <see cref="Precision"/>, in FLOP/s.</summary>
        public double PeakFlopsPerSecond { get; }

        /// <summary>Where the peak comes from: the catalog entry and precision, or "given by the user".</summary>
        public string PeakSource { get; }

        /// <summary>True when the catalog marks the accelerator's figures as estimates.</summary>
        public bool PeakIsEstimate { get; }

        /// <summary>The accelerator's catalog name, or "user-given peak".</summary>
        public string Accelerator { get; }

        public Precision Precision { get; }

        public long DeviceCount { get; }

        /// <summary>Wall seconds per optimizer step (given, or derived from the throughput given).</summary>
        public double StepSeconds { get; }

        /// <summary>Tokens per second over all devices.</summary>
        public double TokensPerSecond { get; }

        /// <summary>Tokens per second on one device.</summary>
        public double TokensPerSecondPerDevice { get; }

        /// <summary>Which throughput input the result was computed from.</summary>
        public ThroughputKind ThroughputSource { get; }

        public long BatchSize { get; }

        public long SequenceLength { get; }

        public Convention Convention { get; }

        public bool CausalAttention { get; }

        /// <summary>The recomputation mode given, or null when none was.</summary>
        public Recompute? Recompute { get; }

        /// <summary>The FLOP/s per device the training framework printed, in FLOP/s; null unless given.</summary>
        public double? ReportedFlopsPerSecondPerDevice { get; }

        /// <summary>The MFU the training framework printed, as a fraction; null unless given.</summary>
        public double? ReportedMfu { get; }

        /// <summary>
        /// Ours divided by theirs: achieved FLOP/s over the reported FLOP/s when that was given
        /// (it compares FLOP counts only), else MFU over the reported MFU; null when neither was given.
        /// </summary>
        public double? ReportedRatio { get; }

        public override string ToString() => $"{Model} on {Accelerator}: MFU {Mfu:P1}";
    }
}
