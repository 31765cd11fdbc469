using System.Management.Automation;
using MfuTools.Core.Counting;
using MfuTools.Core.Models;

namespace MfuTools.Cmdlets.Infrastructure
{
    /// <summary>Adds the run shape and counting convention to the model parameters.</summary>
    public abstract class RunShapeCmdletBase : ModelCmdletBase
    {
        /// <summary>Sequences per optimizer step when -BatchSize is not given.</summary>
        public const long DefaultBatchSize = 1;

        /// <summary>Tokens per sequence when -SequenceLength is not given.</summary>
        public const long DefaultSequenceLength = 2048;

        // Both are nullable so that a piped record whose value is empty (a training log that
        // does not print it) leaves the default in place instead of failing to bind. RunShape
        // checks the range.

        /// <summary>B: sequences per optimizer step; 1 when not given.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("GlobalBatchSize")]
        [InvariantNumber(WholeNumber = true)]
        public long? BatchSize { get; set; }

        /// <summary>S: tokens per sequence; 2048 when not given.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [InvariantNumber(WholeNumber = true)]
        public long? SequenceLength { get; set; }

        /// <summary>Count only the causal half of each attention score matrix.</summary>
        [Parameter]
        public SwitchParameter CausalAttention { get; set; }

        protected RunShape CreateRunShape() => new RunShape(BatchSize ?? DefaultBatchSize, SequenceLength ?? DefaultSequenceLength, CausalAttention.IsPresent);

        /// <summary>Warns when the sequence is longer than a model with learned positions (GPT-2) can embed.</summary>
        protected override void OnModelResolved(ModelConfig model)
        {
            var sequenceLength = SequenceLength ?? DefaultSequenceLength;
            if (model.PositionEmbeddingRows.HasValue && sequenceLength > model.PositionEmbeddingRows.Value)
            {
                WriteWarning($"'{model.Name}' has learned position embeddings for {model.PositionEmbeddingRows.Value} tokens, so it cannot run sequences of {sequenceLength}. " +
                             $"The counts are for the shape requested; pass -SequenceLength {model.PositionEmbeddingRows.Value} or less for a shape the model can run.");
            }
        }
    }
}
