using System.Collections.Generic;
using System.Management.Automation;
using MfuTools.Cmdlets.Infrastructure;
using MfuTools.Core.Counting;
using MfuTools.Core.Errors;
using MfuTools.Core.Results;

namespace MfuTools.Cmdlets.Commands
{
    /// <summary>
    /// Gets one row per module per layer (model.layers.3.mlp.up_proj) with its FLOPs,
    /// parameters and the weight, bias, input and output shapes.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "LayerBreakdown", DefaultParameterSetName = ModelSet)]
    [OutputType(typeof(LayerBreakdownRow))]
    public sealed class GetLayerBreakdownCommand : RunShapeCmdletBase
    {
        /// <summary>Row convention: Detailed (default) or Matmul.</summary>
        [Parameter]
        public Convention Convention { get; set; } = Convention.Detailed;

        /// <summary>Only these decoder layers (0-based); model-level rows such as lm_head are left out when set.</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int[] Layer { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var model in ResolveModels())
            {
                Attempt(() =>
                {
                    HashSet<int> layers = null;
                    if (Layer != null)
                    {
                        layers = new HashSet<int>(Layer);
                        foreach (var index in layers)
                        {
                            if (index >= model.NumHiddenLayers)
                            {
                                throw new MfuException(ErrorIds.LayerOutOfRange, MfuErrorKind.InvalidArgument,
                                    $"Layer {index} does not exist in '{model.Name}', which has layers 0 to {model.NumHiddenLayers - 1}.", index);
                            }
                        }
                    }

                    var run = CreateRunShape();
                    WriteObject(FlopCounter.Breakdown(model, run, Convention, layers), enumerateCollection: true);
                }, model.Name);
            }
        }
    }
}
