using System.Collections.Generic;
using MfuTools.Core.Counting;
using MfuTools.Core.Models;
using MfuTools.Core.Modules;

namespace MfuTools.Core.Mfu
{
    /// <summary>
    /// FLOPs a step runs beyond the model FLOPs because activations are recomputed.
    /// Recomputation changes hardware FLOPs (and so HFU), never model FLOPs (and so MFU).
    /// </summary>
    public static class HardwareFlops
    {
        private static readonly HashSet<ModuleKind> AttentionRows = new HashSet<ModuleKind>
        {
            ModuleKind.AttentionScores,
            ModuleKind.AttentionScaling,
            ModuleKind.AttentionSoftmax,
            ModuleKind.AttentionValues,
        };

        /// <summary>
        /// Returns the forward FLOPs recomputation adds to one step, counted from the module
        /// list: <c>Full</c> one more forward of every decoder-layer module, <c>Selective</c>
        /// one more forward of the four attention rows. Under a closed-form convention the
        /// rows are counted under <c>Matmul</c>, so the closed form gets what recomputation
        /// adds to the matrix products.
        /// </summary>
        public static decimal RecomputeFlops(ModelConfig model, RunShape run, Convention convention, Recompute recompute)
        {
            if (recompute == Recompute.None)
            {
                return 0m;
            }

            var rowConvention = ClosedFormFlops.IsClosedForm(convention) ? Convention.Matmul : convention;
            var pass = run.ToPass();
            var extra = 0m;
            foreach (var module in model.GetModules())
            {
                var counted = recompute == Recompute.Full ? module.Layer.HasValue : AttentionRows.Contains(module.Kind);
                if (counted)
                {
                    extra += ModuleFlops.Forward(module, pass, rowConvention);
                }
            }

            return extra;
        }
    }
}
