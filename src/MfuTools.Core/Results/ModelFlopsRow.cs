using MfuTools.Core.Counting;
using MfuTools.Core.Modules;

namespace MfuTools.Core.Results
{
    /// <summary>
    /// FLOPs and parameters of one module kind summed over every layer it appears in
    /// (<c>self_attn.q_proj</c> over all layers), for one run shape and convention.
    /// </summary>
    public sealed class ModelFlopsRow
    {
        internal ModelFlopsRow(string model, string module, int layers, ModuleKind kind, decimal forwardFlops, decimal parameters, double share, RunShape run, Convention convention)
        {
            Model = model;
            Module = module;
            Layers = layers;
            Kind = kind;
            ForwardFlops = forwardFlops;
            BackwardFlops = ModuleFlops.Backward(forwardFlops);
            TrainingFlops = forwardFlops + BackwardFlops;
            Parameters = parameters;
            Share = share;
            BatchSize = run.BatchSize;
            SequenceLength = run.SequenceLength;
            Convention = convention;
            CausalAttention = run.CausalAttention;
        }

        public string Model { get; }

        /// <summary>The module path without the layer prefix (<c>mlp.up_proj</c>), or a model-level name (<c>lm_head</c>).</summary>
        public string Module { get; }

        /// <summary>How many decoder layers the row sums; 0 for a model-level module.</summary>
        public int Layers { get; }

        public ModuleKind Kind { get; }

        /// <summary>Forward FLOPs per step, summed over layers.</summary>
        public decimal ForwardFlops { get; }

        /// <summary>Backward FLOPs per step: 2 × forward.</summary>
        public decimal BackwardFlops { get; }

        /// <summary>Forward plus backward FLOPs per step: 3 × forward.</summary>
        public decimal TrainingFlops { get; }

        /// <summary>Parameters summed over layers.</summary>
        public decimal Parameters { get; }

        /// <summary>Fraction of the model's forward FLOPs under the same convention.</summary>
        public double Share { get; }

        public long BatchSize { get; }

        public long SequenceLength { get; }

        public Convention Convention { get; }

        public bool CausalAttention { get; }

        public override string ToString() => Module;
    }
}
