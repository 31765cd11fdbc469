using System;
using System.Collections.Generic;
using MfuTools.Core.Errors;
using MfuTools.Core.Hardware;
using MfuTools.Core.Models;
using MfuTools.Core.Modules;
using MfuTools.Core.Results;

namespace MfuTools.Core.Counting
{
    /// <summary>
    /// The compute-intensity view of a model. Each row is one module of the module list
    /// with its FLOPs (convention Detailed), the bytes it moves and its place on the
    /// device's roofline. The whole-model summary sums those rows.
    /// </summary>
    public static class IntensityCounter
    {
        private const string FusedAttentionSuffix = ".attention";

        /// <summary>Returns one row per module per layer, for the given layers only when <paramref name="layers"/> is set.</summary>
        public static List<IntensityRow> Rows(ModelConfig model, IntensityRequest request, ICollection<int> layers = null)
        {
            var rows = new List<IntensityRow>();
            Checked(() =>
            {
                var pass = request.Pass();
                var bytePass = request.BytePass();
                foreach (var module in ModulesFor(model.Modules, request.Attention))
                {
                    if (layers != null && (module.Layer == null || !layers.Contains(module.Layer.Value)))
                    {
                        continue;
                    }

                    var flops = ModuleFlops.Forward(module, pass, Convention.Detailed);
                    rows.Add(new IntensityRow(model.Name, module, flops, ModuleBytes.Of(module, bytePass), request));
                }
            });
            return rows;
        }

        /// <summary>Returns the whole-model totals and the predictions of the phase.</summary>
        public static IntensitySummary Summary(ModelConfig model, IntensityRequest request)
        {
            var totals = new IntensityTotals();
            decimal matmulForward = 0;
            decimal? kvCache = null;
            Checked(() =>
            {
                foreach (var row in Rows(model, request))
                {
                    totals.Add(row);
                }

                foreach (var flops in FlopCounter.ForwardPerModule(model, request.Pass(), Convention.Matmul))
                {
                    matmulForward += flops;
                }

                if (request.Phase != Phase.Training)
                {
                    kvCache = KvCacheBytes(model.Modules, request);
                }
            });

            return new IntensitySummary(model.Name, totals, matmulForward, kvCache, request);
        }

        /// <summary>
        /// Returns the module list as the chosen attention implementation runs it: eager
        /// keeps the four attention rows; fused replaces them, layer by layer, with one
        /// <c>self_attn.attention</c> row of their FLOPs that reads Q, K and V once.
        /// </summary>
        public static List<ModuleSpec> ModulesFor(IReadOnlyList<ModuleSpec> modules, AttentionImplementation attention)
        {
            var result = new List<ModuleSpec>(modules.Count);
            for (var i = 0; i < modules.Count; i++)
            {
                var module = modules[i];
                if (attention == AttentionImplementation.Eager || !IsAttentionRow(module.Kind))
                {
                    result.Add(module);
                    continue;
                }

                if (module.Kind == ModuleKind.AttentionScores)
                {
                    result.Add(Fuse(module, ValueRowOf(modules, i)));
                }
            }

            return result;
        }

        /// <summary>
        /// Returns the size of the KV cache: per layer B sequences × min(keys, W) cached
        /// tokens × the values cached per token, nkv·(d_k + d_v), or the latent width of
        /// DeepSeek's kv_a_proj_with_mqa, at activation precision.
        /// </summary>
        public static decimal KvCacheBytes(IReadOnlyList<ModuleSpec> modules, IntensityRequest request)
        {
            var pass = request.Pass();
            var elementBytes = PrecisionInfo.BytesPerElement(request.Precision);
            var latentWidth = new Dictionary<int, long>();
            foreach (var module in modules)
            {
                if (module.Layer.HasValue && module.Kind == ModuleKind.Linear && module.Group.EndsWith(".kv_a_proj_with_mqa", StringComparison.Ordinal))
                {
                    latentWidth[module.Layer.Value] = module.OutFeatures;
                }
            }

            decimal total = 0;
            foreach (var module in modules)
            {
                if (module.Kind != ModuleKind.AttentionScores || !module.Layer.HasValue)
                {
                    continue;
                }

                var keys = module.Window.HasValue && module.Window.Value < pass.KeyLength ? module.Window.Value : pass.KeyLength;
                var perToken = latentWidth.TryGetValue(module.Layer.Value, out var latent)
                    ? latent
                    : (long)module.KeyValueHeads * (module.QueryKeyHeadDim + module.ValueHeadDim);
                total += (decimal)pass.Batch * keys * perToken * elementBytes;
            }

            return total;
        }

        private static bool IsAttentionRow(ModuleKind kind) =>
            kind == ModuleKind.AttentionScores || kind == ModuleKind.AttentionScaling ||
            kind == ModuleKind.AttentionSoftmax || kind == ModuleKind.AttentionValues;

        /// <summary>Returns the value-product row of the layer whose score row is at <paramref name="scoresIndex"/>.</summary>
        private static ModuleSpec ValueRowOf(IReadOnlyList<ModuleSpec> modules, int scoresIndex)
        {
            var layer = modules[scoresIndex].Layer;
            for (var i = scoresIndex + 1; i < modules.Count && modules[i].Layer == layer; i++)
            {
                if (modules[i].Kind == ModuleKind.AttentionValues)
                {
                    return modules[i];
                }
            }

            return modules[scoresIndex];
        }

        private static ModuleSpec Fuse(ModuleSpec scores, ModuleSpec values)
        {
            // model.layers.3.self_attn.attention.qk becomes model.layers.3.self_attn.attention.
            var name = WithoutLastSegment(scores.Name);
            var group = WithoutLastSegment(scores.Group);
            if (!group.EndsWith(FusedAttentionSuffix, StringComparison.Ordinal))
            {
                name += FusedAttentionSuffix;
                group += FusedAttentionSuffix;
            }

            return ModuleSpec.Attention(ModuleKind.Attention, name, group, scores.Layer.Value, scores.Heads, scores.KeyValueHeads,
                scores.QueryKeyHeadDim, values.ValueHeadDim, scores.Window);
        }

        private static string WithoutLastSegment(string path)
        {
            var cut = path.LastIndexOf('.');
            return cut > 0 ? path.Substring(0, cut) : path;
        }

        private static void Checked(Action action)
        {
            try
            {
                action();
            }
            catch (OverflowException ex)
            {
                throw new MfuException(ErrorIds.CountTooLarge, MfuErrorKind.LimitsExceeded,
                    "A FLOP or byte count exceeds 7.9·10^28, the largest exact count MfuTools keeps. Reduce the batch size, sequence length or context length.", null, ex);
            }
        }
    }
}
