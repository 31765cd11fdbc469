using MfuTools.Core.Counting;
using MfuTools.Core.Modules;

namespace MfuTools.Core.Results
{
    /// <summary>
    /// FLOPs and parameters of one module of one layer (or of a model-level module, whose
    /// <see cref="Layer"/> is null), for one run shape and convention. FLOPs are per step.
    /// </summary>
    public sealed class LayerBreakdownRow
    {
        private readonly ModuleSpec _spec;

        internal LayerBreakdownRow(string model, ModuleSpec spec, decimal forwardFlops, double share, RunShape run, Convention convention)
        {
            _spec = spec;
            Model = model;
            ForwardFlops = forwardFlops;
            BackwardFlops = ModuleFlops.Backward(forwardFlops);
            TrainingFlops = forwardFlops + BackwardFlops;
            Share = share;
            BatchSize = run.BatchSize;
            SequenceLength = run.SequenceLength;
            Convention = convention;
            CausalAttention = run.CausalAttention;
        }

        public string Model { get; }

        /// <summary>Full module path: <c>model.layers.3.mlp.up_proj</c>.</summary>
        public string Module => _spec.Name;

        public int? Layer => _spec.Layer;

        public ModuleKind Kind => _spec.Kind;

        /// <summary>Forward FLOPs per step.</summary>
        public decimal ForwardFlops { get; }

        /// <summary>Backward FLOPs per step: 2 × forward.</summary>
        public decimal BackwardFlops { get; }

        /// <summary>Forward plus backward FLOPs per step: 3 × forward.</summary>
        public decimal TrainingFlops { get; }

        public decimal Parameters => _spec.Parameters;

        /// <summary>Fraction of the model's forward FLOPs under the same convention.</summary>
        public double Share { get; }

        /// <summary>Weight shape as (in, out), or (n) for a norm; empty where there is none.</summary>
        public string WeightShape => ShapeText.Weight(_spec);

        public string BiasShape => ShapeText.Bias(_spec);

        public string InputShape => ShapeText.Input(_spec, BatchSize, SequenceLength);

        public string OutputShape => ShapeText.Output(_spec, BatchSize, SequenceLength);

        public long BatchSize { get; }

        public long SequenceLength { get; }

        public Convention Convention { get; }

        public bool CausalAttention { get; }

        public override string ToString() => Module;
    }
}
