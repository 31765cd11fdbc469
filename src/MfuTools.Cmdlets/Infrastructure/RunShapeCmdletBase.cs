using System.Management.Automation;
using MfuTools.Core.Counting;

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
    }
}
