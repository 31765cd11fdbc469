using System.Management.Automation;
using MfuTools.Cmdlets.Infrastructure;
using MfuTools.Core.Counting;
using MfuTools.Core.Results;

namespace MfuTools.Cmdlets.Commands
{
    /// <summary>
    /// Gets the FLOPs of each module kind of a model, summed over its layers, for one
    /// training step; or, with -Summary, the model's totals.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ModelFlops", DefaultParameterSetName = ModelSet)]
    [OutputType(typeof(ModelFlopsRow), typeof(ModelFlopsSummary))]
    public sealed class GetModelFlopsCommand : RunShapeCmdletBase
    {
        /// <summary>Row convention Detailed (default) or Matmul; PaLM, Megatron and Torchtitan need -Summary.</summary>
        [Parameter]
        public Convention Convention { get; set; } = Convention.Detailed;

        /// <summary>Emit one object with the model's totals instead of one row per module kind.</summary>
        [Parameter]
        public SwitchParameter Summary { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var model in ResolveModels())
            {
                Attempt(() =>
                {
                    var run = CreateRunShape();
                    WriteVerbose($"Counting '{model.Name}' at batch size {run.BatchSize}, sequence length {run.SequenceLength} ({run.Tokens:N0} tokens per step), convention {Convention}, causal attention {(run.CausalAttention ? "halved" : "full")}.");
                    if (Summary)
                    {
                        WriteObject(FlopCounter.Summary(model, run, Convention));
                    }
                    else
                    {
                        WriteObject(FlopCounter.ByModule(model, run, Convention), enumerateCollection: true);
                    }
                }, model.Name);
            }
        }
    }
}
