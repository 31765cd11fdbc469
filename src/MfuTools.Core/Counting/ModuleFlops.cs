using System;
using MfuTools.Core.Modules;

namespace MfuTools.Core.Counting
{
    /// <summary>
    /// Forward FLOPs of one module in one pass, under the row conventions <c>Detailed</c>
    /// and <c>Matmul</c>. Legend: T tokens in the pass, B sequences, nh query heads,
    /// d head width, P score pairs per sequence and head (see <see cref="PassShape.ScorePairs"/>).
    /// </summary>
    public static class ModuleFlops
    {
        /// <summary>FLOPs per multiply-add: the field counts one multiply and one add.</summary>
        public const int FlopsPerMultiplyAdd = 2;

        /// <summary>Backward FLOPs per forward FLOP: an input gradient and a weight gradient.</summary>
        public const int BackwardPerForward = 2;

        /// <summary>Rotary embedding: 3 FLOPs per token (a fixed per-token cost, whatever the head count).</summary>
        public const int RotaryFlopsPerToken = 3;

        /// <summary>Returns the forward FLOPs of <paramref name="module"/> in <paramref name="pass"/>.</summary>
        public static decimal Forward(ModuleSpec module, PassShape pass, Convention convention)
        {
            var matmulOnly = convention == Convention.Matmul;
            if (!matmulOnly && convention != Convention.Detailed)
            {
                throw new ArgumentOutOfRangeException(nameof(convention), convention, "Per-module FLOPs exist only under Detailed and Matmul.");
            }

            var tokens = pass.Tokens * module.RoutedPerToken;
            switch (module.Kind)
            {
                case ModuleKind.Linear:
                    // 2·T·in·out for the product, plus T·out for the bias add (not under Matmul).
                    var product = FlopsPerMultiplyAdd * tokens * module.InFeatures * module.OutFeatures;
                    return module.HasBias && !matmulOnly ? product + tokens * module.OutFeatures : product;

                case ModuleKind.Router:
                case ModuleKind.SharedExpertGate:
                    // A Linear h→out, 2·T·h·out, plus one FLOP per score for its softmax or
                    // sigmoid (not under Matmul, which keeps only the product).
                    var gate = FlopsPerMultiplyAdd * tokens * module.InFeatures * module.OutFeatures;
                    return matmulOnly ? gate : gate + module.FlopsPerElement * tokens * module.OutFeatures;

                case ModuleKind.AttentionScores:
                    // 2·B·nh·P·d: each score is a d-long dot product.
                    return FlopsPerMultiplyAdd * pass.Batch * module.Heads * pass.ScorePairs(module.Window) * module.QueryKeyHeadDim;

                case ModuleKind.AttentionValues:
                    return FlopsPerMultiplyAdd * pass.Batch * module.Heads * pass.ScorePairs(module.Window) * module.ValueHeadDim;

                case ModuleKind.Attention:
                    // The four attention rows in one: both products, plus scaling and softmax
                    // (one FLOP per score each) outside Matmul.
                    var pairs = pass.ScorePairs(module.Window);
                    var products = FlopsPerMultiplyAdd * pass.Batch * module.Heads * pairs * (module.QueryKeyHeadDim + module.ValueHeadDim);
                    return matmulOnly ? products : products + 2 * (decimal)pass.Batch * module.Heads * Math.Ceiling(pairs);

                case ModuleKind.AttentionScaling:
                case ModuleKind.AttentionSoftmax:
                    // B·nh·⌈P⌉: one FLOP per score; a causal half of an odd S² rounds up.
                    return matmulOnly ? 0 : (decimal)pass.Batch * module.Heads * Math.Ceiling(pass.ScorePairs(module.Window));

                case ModuleKind.RotaryEmbedding:
                    return matmulOnly ? 0 : RotaryFlopsPerToken * pass.Tokens;

                case ModuleKind.RmsNorm:
                case ModuleKind.Activation:
                case ModuleKind.ElementwiseProduct:
                case ModuleKind.ResidualAdd:
                case ModuleKind.LayerNorm:
                case ModuleKind.PositionEmbeddingAdd:
                case ModuleKind.ExpertCombine:
                    return matmulOnly ? 0 : module.FlopsPerElement * tokens * module.Features;

                case ModuleKind.Embedding:
                    return 0;

                default:
                    throw new ArgumentOutOfRangeException(nameof(module), module.Kind, "No FLOP formula for this module kind.");
            }
        }

        /// <summary>Returns backward FLOPs: 2 × forward for every module (the embedding's forward, and so backward, is 0).</summary>
        public static decimal Backward(decimal forward) => BackwardPerForward * forward;
    }
}
