using System;
using System.Collections.Generic;
using System.Management.Automation;
using MfuTools.Cmdlets.Infrastructure;
using MfuTools.Core.Counting;
using MfuTools.Core.Errors;
using MfuTools.Core.Hardware;
using MfuTools.Core.Logs;
using MfuTools.Core.Mfu;
using MfuTools.Core.Models;
using MfuTools.Core.Results;

namespace MfuTools.Cmdlets.Commands
{
    /// <summary>
    /// Measures the model FLOPs utilization (and, with -Recompute, the hardware FLOPs
    /// utilization) of a training run from its speed, its devices and a model. Each piped
    /// record (a row of a step log) gives one result; a row with a bad value gives one error.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Measure, "Mfu", DefaultParameterSetName = ModelSet)]
    [OutputType(typeof(MfuResult))]
    public sealed class MeasureMfuCommand : RunShapeCmdletBase
    {
        private readonly Dictionary<string, Accelerator> resolvedNames = new Dictionary<string, Accelerator>(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<string> warningsWritten = new HashSet<string>(StringComparer.Ordinal);
        private bool megatronDateDescribed;

        /// <summary>Piped log records skipped because they carry no timing.</summary>
        private int untimedRecords;

        /// <summary>
        /// FLOPs per step of each model, run shape, convention and recomputation met in this
        /// pipeline. The records of one step log share them, and counting them took about half
        /// the time per record before they were kept here. Models are keyed by reference.
        /// </summary>
        private readonly Dictionary<(ModelConfig, long, long, bool, Convention, Recompute?), StepFlops> countedSteps =
            new Dictionary<(ModelConfig, long, long, bool, Convention, Recompute?), StepFlops>();

        /// <summary>Most step counts kept; a log whose shape changes on every row starts the cache afresh past this.</summary>
        private const int MaxCountedSteps = 1024;

        /// <summary>Whether verbose output is shown, so that the per-record messages are only built when someone reads them.</summary>
        private bool verbose;

        /// <summary>Counting convention of the model FLOPs; Matmul by default.</summary>
        [Parameter]
        public Convention Convention { get; set; } = Convention.Matmul;

        /// <summary>Wall seconds per optimizer step.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("StepTime", "step_time", "step_time_s", "step_seconds", "seconds_per_step", "sec_per_step", "time_per_step", "IterationTime", "iteration_time", "iter_time")]
        [InvariantNumber]
        public double? StepSeconds { get; set; }

        /// <summary>Tokens per second over the whole job (all devices).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("tokens_per_second", "tokens_per_sec", "global_tokens_per_second", "throughput_tokens_per_second")]
        [InvariantNumber]
        public double? TokensPerSecond { get; set; }

        /// <summary>Tokens per second on one device.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("tokens_per_second_per_device", "tokens_per_second_per_gpu", "tokens_per_sec_per_gpu", "tps", "tgs")]
        [InvariantNumber]
        public double? TokensPerSecondPerDevice { get; set; }

        /// <summary>Sequences per second over the whole job.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("samples_per_second", "samples_per_sec", "train_samples_per_second", "SamplesPerSec")]
        [InvariantNumber]
        public double? SamplesPerSecond { get; set; }

        /// <summary>Devices in the job; 1 when not given (nullable so that a piped record without it keeps that default).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Devices", "device_count", "num_devices", "NumGpus", "num_gpus", "world_size")]
        [InvariantNumber(WholeNumber = true)]
        public long? DeviceCount { get; set; }

        /// <summary>A catalog name (as typed or as nvidia-smi prints it) or an object from Get-MfuAccelerator.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Gpu", "gpu_name", "device_name")]
        [ArgumentCompleter(typeof(AcceleratorNameCompleter))]
        public object Accelerator { get; set; }

        /// <summary>Instead of -Accelerator: the dense peak of one device at the run's precision, in FLOP/s.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [InvariantNumber]
        public double? PeakFlopsPerSecond { get; set; }

        /// <summary>The precision the run computed in; its dense peak is used. BF16 by default; dtype names such as bfloat16 work too.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Dtype")]
        [PrecisionName]
        public Precision Precision { get; set; } = Precision.BF16;

        /// <summary>Activation recomputation of the run; when given, the result also has HFU.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [EnumName(typeof(Recompute))]
        public Recompute? Recompute { get; set; }

        /// <summary>The FLOP/s per device the training framework printed, in FLOP/s, carried into the result for comparison.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [InvariantNumber]
        public double? ReportedFlopsPerSecondPerDevice { get; set; }

        /// <summary>The MFU the training framework printed, as a fraction, carried into the result for comparison.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [InvariantNumber]
        public double? ReportedMfu { get; set; }

        /// <summary>
        /// A record from Import-TrainingLog. Its numbers bind to the other parameters by
        /// property name. This parameter keeps the record itself, so that its framework,
        /// step, file, line and known quirks reach the result. Any other piped object binds
        /// here too and is ignored: typed as TrainingLogRecord, the parameter made PowerShell
        /// try, and fail, to convert every CSV row to that type, which tripled the time per row.
        /// </summary>
        [Parameter(ValueFromPipeline = true)]
        public PSObject LogRecord { get; set; }

        /// <summary>The piped record when it came from Import-TrainingLog; null otherwise.</summary>
        private TrainingLogRecord PipedLogRecord => LogRecord?.BaseObject as TrainingLogRecord;

        protected override void BeginProcessing()
        {
            verbose = MyInvocation.BoundParameters.TryGetValue("Verbose", out var given)
                ? ((SwitchParameter)given).IsPresent
                : GetVariableValue("VerbosePreference") is ActionPreference preference && preference != ActionPreference.SilentlyContinue;
        }

        protected override void ProcessRecord()
        {
            // A log line with a loss but no timing (the Hugging Face Trainer logs both kinds)
            // is not an error: it is skipped, and EndProcessing reports how many were.
            var logRecord = PipedLogRecord;
            if (logRecord != null && !HasThroughput())
            {
                untimedRecords++;
                WriteVerbose($"Skipped {logRecord.Framework} step {logRecord.Step} ({logRecord.File}:{logRecord.Line}): the record has no step time or throughput.");
                return;
            }

            var throughput = Attempt(ChooseThroughput, (object)logRecord);
            var accelerator = throughput == null ? null : Attempt(ChooseAccelerator, Accelerator);
            if (throughput == null || accelerator == null)
            {
                return;
            }

            if (throughput.Kind == ThroughputKind.StepSeconds && BatchSize == null)
            {
                Warn("-StepSeconds was given without -BatchSize, so one sequence per step is assumed. Give -BatchSize (the global batch) for the real MFU.");
            }

            // Attention FLOPs per token grow with the sequence, so the MFU of a token rate does too.
            if (SequenceLength == null)
            {
                Warn($"-SequenceLength was not given, so {DefaultSequenceLength} tokens per sequence are assumed. The attention FLOPs per token, and so the MFU, depend on it: give the run's sequence length.");
            }

            if (throughput.Kind != ThroughputKind.TokensPerSecondPerDevice && DeviceCount == null)
            {
                WriteVerbose("-DeviceCount was not given: one device is assumed.");
            }

            foreach (var model in ResolveModels())
            {
                Attempt(() => Measure(model, throughput, accelerator), model.Name);
            }
        }

        private void Measure(ModelConfig model, Throughput throughput, Accelerator accelerator)
        {
            var run = CreateRunShape();
            var request = new MfuRequest(model, run, Convention, throughput, DeviceCount ?? 1, accelerator, Precision, Recompute,
                ReportedFlopsPerSecondPerDevice, ReportedMfu, PipedLogRecord);
            var key = (model, run.BatchSize, run.SequenceLength, run.CausalAttention, Convention, Recompute);
            if (!countedSteps.TryGetValue(key, out var flops))
            {
                if (countedSteps.Count >= MaxCountedSteps)
                {
                    countedSteps.Clear();
                }

                flops = MfuCalculator.CountStepFlops(request);
                countedSteps[key] = flops;
            }

            var measurement = MfuCalculator.Measure(request, flops);
            var result = measurement.Result;

            if (verbose)
            {
                WriteVerbose($"'{model.Name}' at batch size {run.BatchSize}, sequence length {run.SequenceLength}, convention {Convention}, causal attention {(run.CausalAttention ? "halved" : "full")}: " +
                             $"{result.ModelFlopsPerStep:N0} model FLOPs per step ({result.ModelFlopsPerToken:N0} per token), {result.HardwareFlopsPerStep:N0} hardware FLOPs per step.");
                WriteVerbose($"Step time {result.StepSeconds:G6} s on {request.DeviceCount} devices; peak {result.PeakFlopsPerSecond:G6} FLOP/s per device ({result.PeakSource}).");
            }

            foreach (var warning in measurement.Warnings)
            {
                Warn(warning);
            }

            WarnOfQuirks(result);

            WriteObject(result);
        }

        /// <summary>Returns the first throughput given, in the order StepSeconds, TokensPerSecond, TokensPerSecondPerDevice, SamplesPerSecond.</summary>
        private Throughput ChooseThroughput()
        {
            var given = new List<(ThroughputKind Kind, double Value)>();
            Add(given, ThroughputKind.StepSeconds, StepSeconds);
            Add(given, ThroughputKind.TokensPerSecond, TokensPerSecond);
            Add(given, ThroughputKind.TokensPerSecondPerDevice, TokensPerSecondPerDevice);
            Add(given, ThroughputKind.SamplesPerSecond, SamplesPerSecond);
            if (given.Count == 0)
            {
                throw new MfuException(ErrorIds.ThroughputMissing, MfuErrorKind.InvalidArgument,
                    "No throughput was given (or its value is empty). Give one of -StepSeconds, -TokensPerSecond, -TokensPerSecondPerDevice or -SamplesPerSecond; a piped record needs one of them, or a column name Get-Help Measure-Mfu -Parameter StepSeconds (and the others) lists, such as step_time or tokens_per_second.");
            }

            // A step time means nothing without the batch it processed, so a rate that carries
            // its own batch (tokens or samples per second) wins when no -BatchSize is known.
            var chosen = given[0];
            if (chosen.Kind == ThroughputKind.StepSeconds && BatchSize == null && given.Count > 1)
            {
                chosen = given[1];
                if (verbose)
                {
                    WriteVerbose($"-StepSeconds is set but -BatchSize is not, so -{chosen.Kind} is used instead: it does not depend on the batch size.");
                }
            }

            if (verbose)
            {
                var ignored = given.FindAll(g => g.Kind != chosen.Kind).ConvertAll(g => "-" + g.Kind);
                var note = ignored.Count > 0 ? $"; ignoring {string.Join(", ", ignored)}" : string.Empty;
                WriteVerbose($"Throughput from -{chosen.Kind} = {chosen.Value:G9}{note}.");
            }

            return new Throughput(chosen.Kind, chosen.Value);
        }

        private Accelerator ChooseAccelerator()
        {
            var value = Accelerator is PSObject wrapped ? wrapped.BaseObject : Accelerator;
            if (value is string text && string.IsNullOrWhiteSpace(text))
            {
                value = null;
            }

            if (value != null && PeakFlopsPerSecond.HasValue)
            {
                throw new MfuException(ErrorIds.HardwareConflict, MfuErrorKind.InvalidArgument,
                    "Both -Accelerator and -PeakFlopsPerSecond were given. Give one: a catalog name, or the peak of one device.");
            }

            if (PeakFlopsPerSecond.HasValue)
            {
                return Core.Hardware.Accelerator.FromPeak(PeakFlopsPerSecond.Value);
            }

            switch (value)
            {
                case null:
                    throw new MfuException(ErrorIds.HardwareMissing, MfuErrorKind.InvalidArgument,
                        "No hardware was given. Give -Accelerator with a name from Get-MfuAccelerator (for example H100), or -PeakFlopsPerSecond with the dense peak of one device.");
                case Accelerator accelerator:
                    return accelerator;
                case string name:
                    return ResolveName(name);
                default:
                    throw new MfuException(ErrorIds.AcceleratorNotFound, MfuErrorKind.InvalidArgument,
                        $"-Accelerator takes a name or an object from Get-MfuAccelerator, not a {value.GetType().Name}.", value);
            }
        }

        private Accelerator ResolveName(string name)
        {
            if (resolvedNames.TryGetValue(name, out var known))
            {
                return known;
            }

            var accelerator = AcceleratorCatalog.Resolve(name, out var explanation);
            WriteVerbose(explanation);
            resolvedNames[name] = accelerator;
            return accelerator;
        }

        private static void Add(List<(ThroughputKind, double)> given, ThroughputKind kind, double? value)
        {
            if (value.HasValue)
            {
                given.Add((kind, value.Value));
            }
        }

        // A framework figure with a known quirk is not expected to match ours, so warn once with the reason.
        private void WarnOfQuirks(MfuResult result)
        {
            DescribeMegatronAttention();

            var logPeak = PipedLogRecord?.ReportedPeakFlopsPerSecond;
            if (logPeak.HasValue && result.ReportedMfu.HasValue && Math.Abs(logPeak.Value / result.PeakFlopsPerSecond - 1) > 0.001)
            {
                WriteVerbose($"The log's MFU divides by {logPeak.Value:G4} FLOP/s per device and this result by {result.PeakFlopsPerSecond:G4}; pass -PeakFlopsPerSecond {logPeak.Value:G4} to compare like with like.");
            }

            if (string.IsNullOrEmpty(result.Quirk) || (result.ReportedMfu == null && result.ReportedFlopsPerSecondPerDevice == null))
            {
                return;
            }

            foreach (var quirk in result.Quirk.Split(new[] { ", " }, StringSplitOptions.RemoveEmptyEntries))
            {
                Warn($"{result.Framework}'s printed figure has a known quirk ({quirk}): {LogQuirks.Describe(quirk)}. ReportedRatio is not expected to be 1.");
            }
        }

        // Which attention count reproduces a Megatron-LM figure depends on the version that
        // printed it; the log's date is the only hint a log line gives.
        private void DescribeMegatronAttention()
        {
            var record = PipedLogRecord;
            if (record == null || record.Framework != TrainingFramework.MegatronLM || record.Timestamp == null || record.ReportedFlopsPerSecondPerDevice == null || megatronDateDescribed)
            {
                return;
            }

            megatronDateDescribed = true;
            WriteVerbose(record.Timestamp.Value < LogQuirks.MegatronCausalHalvingSince
                ? $"This Megatron-LM log is dated {record.Timestamp.Value:yyyy-MM-dd}, before Megatron-LM halved its attention term for causal attention (March 2025): its TFLOP/s/GPU match -Convention Megatron without -CausalAttention."
                : $"This Megatron-LM log is dated {record.Timestamp.Value:yyyy-MM-dd}, after Megatron-LM began to halve its attention term for causal attention (March 2025): its TFLOP/s/GPU match -Convention Megatron -CausalAttention, unless the run used an older Megatron-LM.");
        }

        /// <summary>Writes each distinct warning once per pipeline, so a long step log does not repeat it on every row.</summary>
        protected override void EndProcessing()
        {
            if (untimedRecords > 0)
            {
                WriteWarning($"{untimedRecords} log record(s) had no step time or throughput (lines that log only a loss) and were skipped. -Verbose names them.");
            }
        }

        /// <summary>Returns whether any throughput parameter has a value for this record.</summary>
        private bool HasThroughput() =>
            StepSeconds.HasValue || TokensPerSecond.HasValue || TokensPerSecondPerDevice.HasValue || SamplesPerSecond.HasValue;

        private void Warn(string message)
        {
            if (warningsWritten.Add(message))
            {
                WriteWarning(message);
            }
        }
    }
}
