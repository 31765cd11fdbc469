using System;
using MfuTools.Core.Modules;

namespace MfuTools.Core.Counting
{
    /// <summary>
    /// Bytes a module moves in one forward pass, as the roofline model counts them: each
    /// input read once from device memory, each output written once, weights read once.
    /// Legend: T tokens in the pass (× k for routed experts), B sequences, S new tokens per
    /// sequence, S_kv keys per sequence, nh query heads, nkv key/value heads, d head width.
    /// Linear weights take w bytes per element, everything else a bytes.
    /// </summary>
    public static class ModuleBytes
    {
        /// <summary>Input tensors an element-wise product or residual add reads.</summary>
        private const int BinaryInputs = 2;

        /// <summary>Returns the bytes <paramref name="module"/> moves in <paramref name="pass"/>.</summary>
        public static ByteCount Of(ModuleSpec module, BytePass pass)
        {
            var a = pass.ActivationElementBytes;
            var tokens = pass.Shape.Tokens * module.RoutedPerToken;
            switch (module.Kind)
            {
                case ModuleKind.Linear:
                    return Linear(module, pass);

                case ModuleKind.Embedding:
                    // Reads T rows of the table (kept at activation precision), writes T·h.
                    return new ByteCount(tokens * module.OutFeatures * a, tokens * module.OutFeatures * a, 0);

                case ModuleKind.RotaryEmbedding:
                    // The model-level module only computes cos and sin for the positions: a few
                    // vectors, not worth counting. The layer-level one reads and writes q and k.
                    if (module.Layer == null)
                    {
                        return new ByteCount(0, 0, 0);
                    }

                    var rotated = tokens * (module.Heads + module.KeyValueHeads) * module.QueryKeyHeadDim * a;
                    return new ByteCount(0, 2 * rotated, 0);

                case ModuleKind.RmsNorm:
                    return new ByteCount(module.NormalizedSize * a, 2 * tokens * module.Features * a, 0);

                case ModuleKind.ElementwiseProduct:
                case ModuleKind.ResidualAdd:
                    return new ByteCount(0, (BinaryInputs + 1) * tokens * module.Features * a, 0);

                case ModuleKind.Attention:
                    return FusedAttention(module, pass);

                case ModuleKind.AttentionScores:
                case ModuleKind.AttentionScaling:
                case ModuleKind.AttentionSoftmax:
                case ModuleKind.AttentionValues:
                    return EagerAttention(module, pass);

                case ModuleKind.Activation:
                    return new ByteCount(0, 2 * tokens * module.Features * a, 0);

                default:
                    return OtherKind(module, pass);
            }
        }

        /// <summary>
        /// Returns whether a Linear layer's output is a new KV cache entry: k_proj and v_proj,
        /// or DeepSeek's kv_a_proj_with_mqa, whose output is the compressed latent it caches.
        /// NOTE: GPT-2's fused c_attn writes K and V as two thirds of its output; all of it
        /// counts as activations here.
        /// </summary>
        public static bool WritesKvCache(ModuleSpec module) =>
            module.Kind == ModuleKind.Linear &&
            (module.Group.EndsWith(".k_proj", StringComparison.Ordinal)
             || module.Group.EndsWith(".v_proj", StringComparison.Ordinal)
             || module.Group.EndsWith(".kv_a_proj_with_mqa", StringComparison.Ordinal));

        /// <summary>
        /// Returns the bytes of a kind without a rule of its own. One with in and out features
        /// (a router, a gate) is read like a Linear layer, and parameters beyond its weight
        /// matrix are read at activation precision. Any other reads its parameters and
        /// its input once per routed copy (k expert outputs for a combine), and writes one output.
        /// </summary>
        private static ByteCount OtherKind(ModuleSpec module, BytePass pass)
        {
            var a = pass.ActivationElementBytes;
            var tokens = pass.Shape.Tokens;
            if (module.InFeatures > 0 && module.OutFeatures > 0)
            {
                var weightElements = (decimal)module.InFeatures * module.OutFeatures;
                var otherParameters = Math.Max(0, module.Parameters - weightElements);
                var weightBytes = weightElements * pass.WeightElementBytes + otherParameters * a;
                var routedTokens = tokens * module.RoutedPerToken;
                return new ByteCount(weightBytes, routedTokens * (module.InFeatures + module.OutFeatures) * a, 0);
            }

            var inputBytes = tokens * module.RoutedPerToken * module.Features * a;
            var outputBytes = tokens * module.Features * a;
            return new ByteCount(module.Parameters * a, inputBytes + outputBytes, 0);
        }

        private static ByteCount Linear(ModuleSpec module, BytePass pass)
        {
            var a = pass.ActivationElementBytes;
            var tokens = pass.Shape.Tokens * module.RoutedPerToken;

            // A tied lm_head owns no parameters but still reads the embedding's table. Biases
            // stay at activation precision, as weight-only quantized checkpoints keep them.
            var weightElements = (decimal)module.InFeatures * module.OutFeatures;
            var biasElements = module.HasBias ? module.OutFeatures : 0;
            var perInstanceBytes = weightElements * pass.WeightElementBytes + biasElements * a;
            // A summed row of E routed experts reads only the experts its tokens are routed to.
            var instancesRead = module.RoutedPerToken > 1
                ? ExpertRouting.ExpectedDistinctExperts(module.Experts, module.RoutedPerToken, (long)pass.Shape.Tokens)
                : module.Experts;

            var inputBytes = tokens * module.InFeatures * a;
            var outputBytes = tokens * module.OutFeatures * a;
            var weightBytes = instancesRead * perInstanceBytes;
            return WritesKvCache(module)
                ? new ByteCount(weightBytes, inputBytes, outputBytes)
                : new ByteCount(weightBytes, inputBytes + outputBytes, 0);
        }

        private static ByteCount FusedAttention(ModuleSpec module, BytePass pass)
        {
            // Reads Q (T·nh·d) and K and V (B·S_kv·nkv·d each) once; writes the output T·nh·d.
            // NOTE: latent attention (DeepSeek) is read here at its expanded per-head K and V,
            // as Hugging Face's implementation caches them, not at the latent width that the
            // summary's cache size uses.
            var a = pass.ActivationElementBytes;
            var tokens = pass.Shape.Tokens;
            var keys = (decimal)pass.Shape.Batch * pass.KeysPerSequence(module.Window);
            var query = tokens * module.Heads * module.QueryKeyHeadDim * a;
            var output = tokens * module.Heads * module.ValueHeadDim * a;
            var keysAndValues = keys * module.KeyValueHeads * (module.QueryKeyHeadDim + module.ValueHeadDim) * a;
            return new ByteCount(0, query + output, keysAndValues);
        }

        private static ByteCount EagerAttention(ModuleSpec module, BytePass pass)
        {
            var a = pass.ActivationElementBytes;
            var tokens = pass.Shape.Tokens;
            var keys = (decimal)pass.Shape.Batch * pass.KeysPerSequence(module.Window);
            var scores = pass.Shape.Batch * module.Heads * pass.ScoresPerHead(module.Window) * a;
            switch (module.Kind)
            {
                case ModuleKind.AttentionScores:
                    // Reads Q and K, writes the B·nh·S·S_kv scores.
                    var query = tokens * module.Heads * module.QueryKeyHeadDim * a;
                    return new ByteCount(0, query + scores, keys * module.KeyValueHeads * module.QueryKeyHeadDim * a);

                case ModuleKind.AttentionValues:
                    // Reads the scores and V, writes the output T·nh·d.
                    var output = tokens * module.Heads * module.ValueHeadDim * a;
                    return new ByteCount(0, scores + output, keys * module.KeyValueHeads * module.ValueHeadDim * a);

                default:
                    // Scaling and softmax read the scores and write them back.
                    return new ByteCount(0, 2 * scores, 0);
            }
        }
    }
}
