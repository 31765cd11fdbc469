using System;
using System.Collections.Generic;
using MfuTools.Core.Errors;
using MfuTools.Core.Models;
using MfuTools.Core.Results;

namespace MfuTools.Core.Counting
{
    /// <summary>
    /// The three FLOP views of a model: per module per layer, per module kind summed over
    /// layers, and the whole-model summary. All three come from the same per-module counts,
    /// so their totals agree exactly.
    /// </summary>
    public static class FlopCounter
    {
        /// <summary>Returns forward FLOPs of every module, in module-list order.</summary>
        public static decimal[] ForwardPerModule(ModelConfig model, PassShape pass, Convention convention)
        {
            RequireRowConvention(convention);
            var modules = model.Modules;
            var forward = new decimal[modules.Count];
            Checked(model, () =>
            {
                for (var i = 0; i < modules.Count; i++)
                {
                    forward[i] = ModuleFlops.Forward(modules[i], pass, convention);
                }
            });
            return forward;
        }

        /// <summary>Returns one row per module per layer, for the given layers only when <paramref name="layers"/> is set.</summary>
        public static List<LayerBreakdownRow> Breakdown(ModelConfig model, RunShape run, Convention convention, ICollection<int> layers = null)
        {
            var forward = ForwardPerModule(model, run.ToPass(), convention);
            var total = Sum(forward);
            var rows = new List<LayerBreakdownRow>(forward.Length);

            // A row's training count is 3 × its forward count, which can exceed a decimal
            // even when the forward count fits.
            Checked(model, () =>
            {
                for (var i = 0; i < forward.Length; i++)
                {
                    var spec = model.Modules[i];
                    if (layers != null && (spec.Layer == null || !layers.Contains(spec.Layer.Value)))
                    {
                        continue;
                    }

                    rows.Add(new LayerBreakdownRow(model.Name, spec, forward[i], ShareOf(forward[i], total), run, convention));
                }
            });

            return rows;
        }

        /// <summary>Returns one row per module kind, summed over the layers it appears in, in forward order.</summary>
        public static List<ModelFlopsRow> ByModule(ModelConfig model, RunShape run, Convention convention)
        {
            var forward = ForwardPerModule(model, run.ToPass(), convention);
            var total = Sum(forward);

            var order = new List<string>();
            var sums = new Dictionary<string, (decimal Flops, decimal Parameters, int Layers, Modules.ModuleKind Kind)>(StringComparer.Ordinal);
            Checked(model, () =>
            {
                for (var i = 0; i < forward.Length; i++)
                {
                    var spec = model.Modules[i];
                    if (!sums.TryGetValue(spec.Group, out var sum))
                    {
                        order.Add(spec.Group);
                        sum = (0m, 0m, 0, spec.Kind);
                    }

                    sums[spec.Group] = (sum.Flops + forward[i], sum.Parameters + spec.Parameters, sum.Layers + (spec.Layer.HasValue ? 1 : 0), sum.Kind);
                }
            });

            var rows = new List<ModelFlopsRow>(order.Count);
            Checked(model, () =>
            {
                foreach (var group in order)
                {
                    var sum = sums[group];
                    rows.Add(new ModelFlopsRow(model.Name, group, sum.Layers, sum.Kind, sum.Flops, sum.Parameters, ShareOf(sum.Flops, total), run, convention));
                }
            });

            return rows;
        }

        /// <summary>Returns the whole-model totals of one step under any convention.</summary>
        public static ModelFlopsSummary Summary(ModelConfig model, RunShape run, Convention convention)
        {
            var pass = run.ToPass();
            decimal forward = 0, training = 0;
            if (ClosedFormFlops.IsClosedForm(convention))
            {
                Checked(model, () =>
                {
                    training = ClosedFormFlops.Training(model, pass, convention);
                    forward = training / ClosedFormFlops.TrainingPerForward;
                });
            }
            else
            {
                forward = Sum(ForwardPerModule(model, pass, convention));
                Checked(model, () => training = forward + ModuleFlops.Backward(forward));
            }

            return new ModelFlopsSummary(model.Name, model.Parameters, model.ActiveParameters, forward, training, run, convention);
        }

        private static void RequireRowConvention(Convention convention)
        {
            if (ClosedFormFlops.IsClosedForm(convention))
            {
                throw new MfuException(ErrorIds.ConventionHasNoRows, MfuErrorKind.InvalidArgument,
                    $"The {convention} convention is a closed-form whole-model formula, so it has no per-module rows. Use -Summary with -Convention {convention}, or -Convention Detailed or Matmul for rows.",
                    convention);
            }
        }

        private static decimal Sum(decimal[] values)
        {
            var total = 0m;
            try
            {
                foreach (var value in values)
                {
                    total += value;
                }
            }
            catch (OverflowException ex)
            {
                throw TooLarge(ex);
            }

            return total;
        }

        private static double ShareOf(decimal part, decimal total) => total == 0 ? 0 : (double)(part / total);

        private static void Checked(ModelConfig model, Action action)
        {
            try
            {
                action();
            }
            catch (OverflowException ex)
            {
                throw TooLarge(ex);
            }
        }

        private static MfuException TooLarge(OverflowException ex) =>
            new MfuException(ErrorIds.CountTooLarge, MfuErrorKind.LimitsExceeded,
                "A FLOP count exceeds 7.9·10^28, the largest exact count MfuTools keeps. Reduce the batch size or sequence length.", null, ex);
    }
}
