using MfuTools.Core.Counting;
using MfuTools.Core.Errors;
using MfuTools.Core.Hardware;
using MfuTools.Core.Models;

namespace MfuTools.Core.Mfu
{
    /// <summary>Everything one MFU measurement needs: the model and run shape, the measured speed and the hardware.</summary>
    public sealed class MfuRequest
    {
        public MfuRequest(
            ModelConfig model,
            RunShape run,
            Convention convention,
            Throughput throughput,
            long deviceCount,
            Accelerator accelerator,
            Precision precision,
            Recompute? recompute = null,
            double? reportedFlopsPerSecondPerDevice = null,
            double? reportedMfu = null)
        {
            if (deviceCount < 1)
            {
                throw new MfuException(ErrorIds.DeviceCountInvalid, MfuErrorKind.InvalidArgument,
                    $"The device count must be a whole number of at least 1, but is {deviceCount}.", deviceCount);
            }

            RequirePositive(reportedFlopsPerSecondPerDevice, "ReportedFlopsPerSecondPerDevice");
            RequirePositive(reportedMfu, "ReportedMfu");

            Model = model;
            Run = run;
            Convention = convention;
            Throughput = throughput;
            DeviceCount = deviceCount;
            Accelerator = accelerator;
            Precision = precision;
            Recompute = recompute;
            ReportedFlopsPerSecondPerDevice = reportedFlopsPerSecondPerDevice;
            ReportedMfu = reportedMfu;
        }

        public ModelConfig Model { get; }

        public RunShape Run { get; }

        public Convention Convention { get; }

        public Throughput Throughput { get; }

        public long DeviceCount { get; }

        public Accelerator Accelerator { get; }

        public Precision Precision { get; }

        /// <summary>The recomputation mode; null when none was given (then there is no HFU).</summary>
        public Recompute? Recompute { get; }

        public double? ReportedFlopsPerSecondPerDevice { get; }

        public double? ReportedMfu { get; }

        private static void RequirePositive(double? value, string name)
        {
            if (value.HasValue && (double.IsNaN(value.Value) || double.IsInfinity(value.Value) || value.Value <= 0))
            {
                throw new MfuException(ErrorIds.ReportedValueInvalid, MfuErrorKind.InvalidArgument,
                    $"{name} must be a positive, finite number, but is {value.Value}. Leave it out when the log does not print it.", value.Value);
            }
        }
    }
}
