using System.Globalization;
using MfuTools.Core.Modules;

namespace MfuTools.Core.Results
{
    /// <summary>
    /// Module shapes as flat strings: weights as (in, out), activations as
    /// (B, S, features) and attention tensors as (B, heads, S, d). Built on demand, because
    /// most callers never read them.
    /// </summary>
    internal static class ShapeText
    {
        public static string Weight(ModuleSpec m)
        {
            switch (m.Kind)
            {
                case ModuleKind.Linear:
                    return m.SharesWeight ? Tuple(m.InFeatures, m.OutFeatures) + " tied" : Tuple(m.InFeatures, m.OutFeatures);
                case ModuleKind.Embedding:
                    return Tuple(m.InFeatures, m.OutFeatures);
                case ModuleKind.RmsNorm:
                    return Tuple(m.NormalizedSize);
                default:
                    return string.Empty;
            }
        }

        public static string Bias(ModuleSpec m) => m.Kind == ModuleKind.Linear && m.HasBias ? Tuple(m.OutFeatures) : string.Empty;

        public static string Input(ModuleSpec m, long b, long s)
        {
            switch (m.Kind)
            {
                case ModuleKind.Embedding:
                    return Tuple(b, s);
                case ModuleKind.Linear:
                    return Tuple(b, s, m.InFeatures);
                case ModuleKind.RotaryEmbedding:
                    return m.Layer == null ? Tuple(b, s) : Tuple(b, s, (long)(m.Heads + m.KeyValueHeads) * m.QueryKeyHeadDim);
                case ModuleKind.AttentionScores:
                    return Tuple(b, m.Heads, s, m.QueryKeyHeadDim);
                case ModuleKind.AttentionScaling:
                case ModuleKind.AttentionSoftmax:
                case ModuleKind.AttentionValues:
                    return Tuple(b, m.Heads, s, s);
                default:
                    return Tuple(b, s, m.Features);
            }
        }

        public static string Output(ModuleSpec m, long b, long s)
        {
            switch (m.Kind)
            {
                case ModuleKind.Embedding:
                    return Tuple(b, s, m.OutFeatures);
                case ModuleKind.Linear:
                    return Tuple(b, s, m.OutFeatures);
                case ModuleKind.RotaryEmbedding:
                    return m.Layer == null ? Tuple(b, s, m.QueryKeyHeadDim) : Tuple(b, s, (long)(m.Heads + m.KeyValueHeads) * m.QueryKeyHeadDim);
                case ModuleKind.AttentionScores:
                case ModuleKind.AttentionScaling:
                case ModuleKind.AttentionSoftmax:
                    return Tuple(b, m.Heads, s, s);
                case ModuleKind.AttentionValues:
                    return Tuple(b, m.Heads, s, m.ValueHeadDim);
                default:
                    return Tuple(b, s, m.Features);
            }
        }

        private static string Tuple(params long[] values)
        {
            var parts = new string[values.Length];
            for (var i = 0; i < values.Length; i++)
            {
                parts[i] = values[i].ToString(CultureInfo.InvariantCulture);
            }

            return "(" + string.Join(", ", parts) + ")";
        }
    }
}
