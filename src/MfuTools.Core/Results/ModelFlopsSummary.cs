using MfuTools.Core.Counting;

namespace MfuTools.Core.Results
{
    /// <summary>Whole-model FLOPs of one step, and the parameters they come from.</summary>
    public sealed class ModelFlopsSummary
    {
        internal ModelFlopsSummary(string model, decimal parameters, decimal activeParameters, decimal forwardFlops, decimal trainingFlops, RunShape run, Convention convention)
        {
            Model = model;
            Parameters = parameters;
            ActiveParameters = activeParameters;
            ForwardFlops = forwardFlops;
            TrainingFlops = trainingFlops;
            BackwardFlops = trainingFlops - forwardFlops;
            TokensPerStep = run.Tokens;
            TrainingFlopsPerToken = trainingFlops / run.Tokens;
            BatchSize = run.BatchSize;
            SequenceLength = run.SequenceLength;
            Convention = convention;
            CausalAttention = run.CausalAttention;
        }

        public string Model { get; }

        /// <summary>Every parameter, a tied embedding once.</summary>
        public decimal Parameters { get; }

        /// <summary>Parameters one token uses; equal to <see cref="Parameters"/> for dense models.</summary>
        public decimal ActiveParameters { get; }

        /// <summary>Forward FLOPs per step.</summary>
        public decimal ForwardFlops { get; }

        /// <summary>Backward FLOPs per step.</summary>
        public decimal BackwardFlops { get; }

        /// <summary>Model FLOPs of one training step: forward plus backward.</summary>
        public decimal TrainingFlops { get; }

        /// <summary>Training FLOPs divided by the tokens of the step (may be fractional under causal halving).</summary>
        public decimal TrainingFlopsPerToken { get; }

        /// <summary>T = B·S.</summary>
        public decimal TokensPerStep { get; }

        public long BatchSize { get; }

        public long SequenceLength { get; }

        public Convention Convention { get; }

        public bool CausalAttention { get; }

        public override string ToString() => Model;
    }
}
