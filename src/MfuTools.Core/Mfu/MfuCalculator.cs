using System;
using System.Collections.Generic;
using System.Globalization;
using MfuTools.Core.Counting;
using MfuTools.Core.Hardware;
using MfuTools.Core.Results;

namespace MfuTools.Core.Mfu
{
    /// <summary>
    /// MFU = model training FLOPs per step / (step seconds × devices × dense peak per device),
    /// and HFU the same with hardware FLOPs (model FLOPs plus recomputed forward work).
    /// </summary>
    public static class MfuCalculator
    {
        /// <summary>How far ours may differ from a reported figure before a warning: 10 %.</summary>
        private const double ReportedTolerance = 0.1;

        /// <summary>Computes one measurement, with the warnings a reader of the number should see.</summary>
        public static MfuMeasurement Measure(MfuRequest request) => Measure(request, CountStepFlops(request));

        /// <summary>
        /// Counts the model and hardware FLOPs of the request's step. They depend only on the
        /// model, run shape, convention and recomputation, so a caller measuring many steps of
        /// one run can count them once and pass them to <see cref="Measure(MfuRequest, StepFlops)"/>.
        /// </summary>
        public static StepFlops CountStepFlops(MfuRequest request)
        {
            var modelFlopsPerStep = FlopCounter.Summary(request.Model, request.Run, request.Convention).TrainingFlops;
            var recomputed = HardwareFlops.RecomputeFlops(request.Model, request.Run, request.Convention, request.Recompute ?? Recompute.None);
            return new StepFlops(modelFlopsPerStep, modelFlopsPerStep + recomputed);
        }

        /// <summary>Computes one measurement from FLOPs counted by <see cref="CountStepFlops"/> for the same model, run shape, convention and recomputation.</summary>
        public static MfuMeasurement Measure(MfuRequest request, StepFlops flops)
        {
            var warnings = new List<string>();
            var accelerator = request.Accelerator;

            var peakFlopsPerSecond = accelerator.RequirePeakFlopsPerSecond(request.Precision);
            var peakSource = accelerator.IsUserGiven
                ? "given by the user"
                : $"catalog: {accelerator.Name}, dense {request.Precision}{(accelerator.IsEstimate ? " (estimate)" : string.Empty)}";

            var run = request.Run;
            var modelFlopsPerStep = flops.ModelFlopsPerStep;
            var hardwareFlopsPerStep = flops.HardwareFlopsPerStep;

            var stepSeconds = request.Throughput.StepSeconds(run, request.DeviceCount);
            var result = new MfuResult(request, stepSeconds, modelFlopsPerStep, hardwareFlopsPerStep, peakFlopsPerSecond, peakSource);

            if (result.Mfu > 1)
            {
                warnings.Add(Format(
                    "MFU is {0:P3}, above 100 %: no device runs faster than its peak. Check the throughput, -DeviceCount ({1}), -BatchSize and -SequenceLength, and -Precision.",
                    result.Mfu, request.DeviceCount));

                // A sample rate counts every sample as -SequenceLength tokens; fine-tuning data
                // is often much shorter, which is the usual cause here.
                if (request.Throughput.Kind == ThroughputKind.SamplesPerSecond)
                {
                    warnings.Add(Format(
                        "The throughput is {0:G6} samples per second, each counted as {1} tokens. If the samples were shorter (padding-free or packed fine-tuning data), give the real mean length with -SequenceLength, or the token rate with -TokensPerSecond.",
                        request.Throughput.Value, request.Run.SequenceLength));
                }
            }
            else if (result.Hfu > 1)
            {
                warnings.Add(Format("HFU is {0:P3}, above 100 %: check the recomputation mode and the throughput.", result.Hfu));
            }

            if (request.Precision == Precision.FP8 && !accelerator.IsUserGiven)
            {
                var bf16 = accelerator.PeakBF16FlopsPerSecond;
                warnings.Add(bf16.HasValue
                    ? Format(
                        "This FP8 run is measured against the FP8 peak of {0} ({1:0.#} TFLOP/s). Against its BF16 peak ({2:0.#} TFLOP/s), which some tools use for FP8 runs, the MFU would be {3:0.##} times as high.",
                        accelerator.Name, peakFlopsPerSecond / 1e12, bf16.Value / 1e12, peakFlopsPerSecond / bf16.Value)
                    : Format("This FP8 run is measured against the FP8 peak of {0} ({1:0.#} TFLOP/s).", accelerator.Name, peakFlopsPerSecond / 1e12));
            }
            else if (request.Precision == Precision.FP8)
            {
                warnings.Add("This FP8 run is measured against the peak given with -PeakFlopsPerSecond. If that is the device's BF16 peak, the MFU is about twice what it would be against its FP8 peak.");
            }

            if (result.ReportedRatio.HasValue && Math.Abs(result.ReportedRatio.Value - 1) > ReportedTolerance)
            {
                warnings.Add(
                    "ReportedRatio is outside 0.9 to 1.1, so the framework counted differently. Compare -Convention Megatron, PaLM or Torchtitan, " +
                    "-CausalAttention, -SequenceLength and the peak it used; see docs/conventions.md.");
            }

            if (accelerator.IsEstimate)
            {
                warnings.Add($"The peak of {accelerator.Name} is an estimate, not a datasheet figure: {accelerator.Source}");
            }

            return new MfuMeasurement(result, warnings);
        }

        private static string Format(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
    }
}
