using System.Management.Automation;
using MfuTools.Core.Counting;
using MfuTools.Core.Models;

namespace MfuTools.Cmdlets.Infrastructure
{
    /// <summary>Adds the run shape and counting convention to the model parameters.</summary>
    public abstract class RunShapeCmdletBase : ModelCmdletBase
    {
        /// <summary>B: sequences per optimizer step.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("GlobalBatchSize")]
        [InvariantNumber(WholeNumber = true)]
        [ValidateRange(1, int.MaxValue)]
        public long BatchSize { get; set; } = 1;

        /// <summary>S: tokens per sequence.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [InvariantNumber(WholeNumber = true)]
        [ValidateRange(1, int.MaxValue)]
        public long SequenceLength { get; set; } = 2048;

        /// <summary>Count only the causal half of each attention score matrix.</summary>
        [Parameter]
        public SwitchParameter CausalAttention { get; set; }

        protected RunShape CreateRunShape() => new RunShape(BatchSize, SequenceLength, CausalAttention.IsPresent);

        /// <summary>Warns when the sequence is longer than a model with learned positions (GPT-2) can embed.</summary>
        protected override void OnModelResolved(ModelConfig model)
        {
            if (model.PositionEmbeddingRows.HasValue && SequenceLength > model.PositionEmbeddingRows.Value)
            {
                WriteWarning($"'{model.Name}' has learned position embeddings for {model.PositionEmbeddingRows.Value} tokens, so it cannot run sequences of {SequenceLength}. " +
                             $"The counts are for the shape requested; pass -SequenceLength {model.PositionEmbeddingRows.Value} or less for a shape the model can run.");
            }
        }
    }
}
