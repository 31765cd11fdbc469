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
                    return m.SharesWeight ? Tuple(m.InFeatures, m.OutFeatures) + " tied" : Experts(m) + Tuple(m.InFeatures, m.OutFeatures);
                case ModuleKind.Embedding:
                case ModuleKind.Router:
                case ModuleKind.SharedExpertGate:
                    return Tuple(m.InFeatures, m.OutFeatures);
                case ModuleKind.RmsNorm:
                case ModuleKind.LayerNorm:
                    return Tuple(m.NormalizedSize);
                default:
                    return string.Empty;
            }
        }

        public static string Bias(ModuleSpec m)
        {
            switch (m.Kind)
            {
                case ModuleKind.Linear:
                    return m.HasBias ? Experts(m) + Tuple(m.OutFeatures) : string.Empty;
                case ModuleKind.LayerNorm:
                    return Tuple(m.NormalizedSize);
                case ModuleKind.Router:
                    return m.HasScoreCorrectionBias ? Tuple(m.OutFeatures) : string.Empty;
                default:
                    return string.Empty;
            }
        }

        public static string Input(ModuleSpec m, long b, long s)
        {
            switch (m.Kind)
            {
                case ModuleKind.Embedding:
                    return Tuple(b, s);
                case ModuleKind.Linear:
                case ModuleKind.Router:
                case ModuleKind.SharedExpertGate:
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
                case ModuleKind.Router:
                case ModuleKind.SharedExpertGate:
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

        /// <summary>Prefixes the shape of one routed expert with the expert count ("8 x "), empty for other modules.</summary>
        private static string Experts(ModuleSpec m) =>
            m.Experts > 1 ? m.Experts.ToString(CultureInfo.InvariantCulture) + " x " : string.Empty;

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
