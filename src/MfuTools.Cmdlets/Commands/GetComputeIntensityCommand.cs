using System;
using System.Collections.Generic;
using System.Management.Automation;
using MfuTools.Cmdlets.Infrastructure;
using MfuTools.Core.Counting;
using MfuTools.Core.Errors;
using MfuTools.Core.Hardware;
using MfuTools.Core.Models;
using MfuTools.Core.Results;

namespace MfuTools.Cmdlets.Commands
{
    /// <summary>
    /// Gets each module of a model on the roofline of one accelerator, for a training,
    /// prefill or decode forward pass: FLOPs, bytes moved, intensity, bound and predicted
    /// time. With -Summary it gets the whole model's time, memory-bound share, KV cache,
    /// tokens per second and, in training, the MFU ceiling.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ComputeIntensity", DefaultParameterSetName = ModelSet)]
    [OutputType(typeof(IntensityRow), typeof(IntensitySummary))]
    public sealed class GetComputeIntensityCommand : RunShapeCmdletBase
    {
        /// <summary>Prefill (default), Training or Decode.</summary>
        [Parameter]
        public Phase Phase { get; set; } = Phase.Prefill;

        /// <summary>Decode: tokens already in the KV cache; default the sequence length.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, int.MaxValue)]
        public long ContextLength { get; set; }

        /// <summary>Precision of activations and the KV cache, and of the peak used.</summary>
        [Parameter]
        public Precision Precision { get; set; } = Precision.BF16;

        /// <summary>Precision of Linear weights; default the same as -Precision.</summary>
        [Parameter]
        public Precision? WeightPrecision { get; set; }

        /// <summary>Fused (default) or Eager attention.</summary>
        [Parameter]
        public AttentionImplementation Attention { get; set; } = AttentionImplementation.Fused;

        /// <summary>
        /// A catalog name, or an accelerator object from Get-MfuAccelerator. Piped accelerators
        /// bind by their Accelerator property (an alias of Name), as do CSV rows with that column.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(AcceleratorNameCompleter))]
        [ValidateNotNull]
        public object Accelerator { get; set; }

        /// <summary>Instead of -Accelerator: the peak FLOP/s of one device at -Precision.</summary>
        [Parameter]
        [InvariantNumber]
        public double? PeakFlopsPerSecond { get; set; }

        /// <summary>Memory bandwidth in bytes per second; required with -PeakFlopsPerSecond, and overrides the catalog's with -Accelerator.</summary>
        [Parameter]
        [InvariantNumber]
        public double? MemoryBandwidth { get; set; }

        /// <summary>Emit one object with the model's totals instead of one row per module.</summary>
        [Parameter]
        public SwitchParameter Summary { get; set; }

        /// <summary>Only these decoder layers (0-based); model-level rows are left out when set.</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int[] Layer { get; set; }

        protected override void BeginProcessing()
        {
            if (Summary && Layer != null)
            {
                ThrowTerminatingError(ErrorRecords.Create(ErrorIds.LayerWithSummary, ErrorCategory.InvalidArgument,
                    "-Layer selects rows, but -Summary covers the whole model. Use one of them, or sum the rows of the layers you want.", Layer));
            }

            if (Phase != Phase.Decode && MyInvocation.BoundParameters.ContainsKey(nameof(ContextLength)))
            {
                WriteWarning($"-ContextLength applies to the Decode phase only; the {Phase} pass attends to its own {SequenceLength} tokens.");
            }
        }

        protected override void ProcessRecord()
        {
            var roofline = Attempt(ResolveRoofline, Accelerator ?? PeakFlopsPerSecond);
            if (roofline == null)
            {
                return;
            }

            foreach (var model in ResolveModels())
            {
                Attempt(() => Emit(model, roofline), model.Name);
            }
        }

        private void Emit(ModelConfig model, Roofline roofline)
        {
            var layers = SelectedLayers(model);
            var request = new IntensityRequest(Phase, CreateRunShape(), ContextLength > 0 ? ContextLength : SequenceLength,
                Precision, WeightPrecision ?? Precision, Attention, roofline);
            DescribeRequest(model, request);

            if (Summary)
            {
                WriteObject(IntensityCounter.Summary(model, request));
            }
            else
            {
                WriteObject(IntensityCounter.Rows(model, request, layers), enumerateCollection: true);
            }
        }

        private Roofline ResolveRoofline()
        {
            if (Accelerator != null && PeakFlopsPerSecond.HasValue)
            {
                throw new MfuException(ErrorIds.HardwareConflict, MfuErrorKind.InvalidArgument,
                    "Give either -Accelerator or -PeakFlopsPerSecond with -MemoryBandwidth, not both.", PeakFlopsPerSecond);
            }

            if (Accelerator == null)
            {
                if (!PeakFlopsPerSecond.HasValue || !MemoryBandwidth.HasValue)
                {
                    throw new MfuException(ErrorIds.HardwareMissing, MfuErrorKind.InvalidArgument,
                        "The roofline needs a device: give -Accelerator (a catalog name such as H100), or both -PeakFlopsPerSecond and -MemoryBandwidth (bytes per second).",
                        PeakFlopsPerSecond);
                }

                WriteVerbose(FormattableString.Invariant($"Using the given peak {PeakFlopsPerSecond.Value:G4} FLOP/s and bandwidth {MemoryBandwidth.Value:G4} B/s."));
                return new Roofline(string.Empty, PeakFlopsPerSecond.Value, MemoryBandwidth.Value);
            }

            var device = ToAccelerator(Accelerator);
            var peak = device.RequirePeakFlopsPerSecond(Precision);
            var bandwidth = MemoryBandwidth ?? device.MemoryBandwidth;
            if (!bandwidth.HasValue)
            {
                throw new MfuException(ErrorIds.HardwareMissing, MfuErrorKind.InvalidArgument,
                    $"The catalog has no memory bandwidth for the {device.Name}. Give it with -MemoryBandwidth, in bytes per second.", device.Name);
            }

            var roofline = new Roofline(device.Name, peak, bandwidth.Value);
            var given = MemoryBandwidth.HasValue ? " (given)" : string.Empty;
            WriteVerbose(FormattableString.Invariant(
                $"{device.Name}: dense {Precision} peak {peak:G4} FLOP/s, memory bandwidth {bandwidth.Value:G4} B/s{given}, ridge point {roofline.RidgePoint:F1} FLOPs per byte."));
            if (device.IsEstimate)
            {
                WriteWarning($"The catalog's figures for the {device.Name} are estimates, not datasheet values; so are the times that follow from them.");
            }

            return roofline;
        }

        private Accelerator ToAccelerator(object value)
        {
            var item = value is PSObject wrapped ? wrapped.BaseObject : value;
            if (item is Accelerator accelerator)
            {
                return accelerator;
            }

            if (!(item is string name) || string.IsNullOrWhiteSpace(name))
            {
                throw new MfuException(ErrorIds.AcceleratorNotFound, MfuErrorKind.InvalidArgument,
                    "-Accelerator takes a catalog name such as H100, or an object from Get-MfuAccelerator.", value);
            }

            var resolved = AcceleratorCatalog.Resolve(name, out var explanation);
            WriteVerbose(explanation);
            return resolved;
        }

        private HashSet<int> SelectedLayers(ModelConfig model)
        {
            if (Layer == null)
            {
                return null;
            }

            var layers = new HashSet<int>(Layer);
            foreach (var index in layers)
            {
                if (index >= model.NumHiddenLayers)
                {
                    throw new MfuException(ErrorIds.LayerOutOfRange, MfuErrorKind.InvalidArgument,
                        $"Layer {index} does not exist in '{model.Name}', which has layers 0 to {model.NumHiddenLayers - 1}.", index);
                }
            }

            return layers;
        }

        private void DescribeRequest(ModelConfig model, IntensityRequest request)
        {
            var pass = request.Pass();
            var shape = Phase == Phase.Decode
                ? $"{pass.Batch} sequences adding one token each against a KV cache of {request.ContextLength} tokens" +
                  (ContextLength > 0 ? string.Empty : " (the sequence length, as -ContextLength was not given)")
                : $"{pass.Batch} sequences of {pass.QueryLength} tokens";
            WriteVerbose($"'{model.Name}', {Phase}: {shape}; activations and KV cache in {request.Precision}, Linear weights in {request.WeightPrecision}, " +
                         $"{Attention} attention; FLOPs under convention Detailed.");
            WriteVerbose("Bytes per module: each input and weight read once from device memory, each output written once; times at the dense peak and full bandwidth, so they are lower bounds.");
            if (Phase == Phase.Decode && CausalAttention)
            {
                WriteVerbose("-CausalAttention does not apply in decode: the new token attends to every cached key.");
            }
        }
    }
}
