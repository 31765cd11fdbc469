using System;
using System.Linq;
using MfuTools.Core.Models;
using MfuTools.Core.Modules;

namespace MfuTools.Core.Counting
{
    /// <summary>
    /// The closed-form training-FLOP formulas other tools print, so a user can set our
    /// number beside theirs. Each returns model FLOPs of one training step (forward plus
    /// backward). Legend: N parameters, L layers, nh query heads, d head width, h hidden
    /// size, T tokens per step, B sequences, P score pairs per sequence and head
    /// (S² for full attention; S²/2 with causal halving; S·min(S, W) under a window).
    /// </summary>
    public static class ClosedFormFlops
    {
        /// <summary>Forward plus backward of a matrix product: 1 + 2 passes.</summary>
        public const int TrainingPerForward = 3;

        /// <summary>
        /// PaLM (Chowdhery et al. 2022, Appendix B): per token 6·N + 12·L·nh·d·S, N every parameter.
        /// Over a step that is 6·N·T + Σ over layers of 12·nh·d·P·B:
        ///   6 = 2 FLOPs per multiply-add × 3 passes, over every weight a token meets;
        ///   12 = 2 FLOPs × 2 attention products (QKᵀ and PV) × 3 passes.
        /// </summary>
        public static decimal PaLM(ModelConfig model, PassShape pass)
        {
            var weights = 6 * model.ActiveParameters * pass.Tokens;
            return weights + AttentionTerm(model, pass, m => (decimal)m.Heads * m.QueryKeyHeadDim);
        }

        /// <summary>
        /// torchtitan (get_num_flop_per_token): per token 6·N′ + 12·L·h·S, where N′ leaves out
        /// embedding tables used only as lookups, and the attention width is h whatever head_dim is.
        /// </summary>
        public static decimal Torchtitan(ModelConfig model, PassShape pass)
        {
            var weights = 6 * NonLookupParameters(model) * pass.Tokens;
            return weights + AttentionTerm(model, pass, _ => model.HiddenSize);
        }

        /// <summary>
        /// Megatron-LM (num_floating_point_operations in training.py): the GEMMs of q, k, v, o,
        /// the MLP and the logits, plus the two attention products, times 3, with the
        /// vocabulary padded up to a multiple of 128 and no bias, norm or softmax terms.
        /// That is the Matmul count with a padded lm_head, without MoE routers, and with
        /// Megatron-LM's latent-attention terms for DeepSeek models (its MLA branch).
        /// </summary>
        public static decimal Megatron(ModelConfig model, PassShape pass)
        {
            var forward = 0m;
            foreach (var module in model.Modules)
            {
                // Megatron-LM's formula has no term for the MoE router or a shared-expert gate.
                if (module.Kind == ModuleKind.Router || module.Kind == ModuleKind.SharedExpertGate)
                {
                    continue;
                }

                forward += ModuleFlops.Forward(module, pass, Convention.Matmul);

                // Its multi-latent-attention terms, q_lora_rank·(h + nh·(nope + rope) + 1) and
                // kv_lora_rank·(h + nh·(nope + v) + 1) + h·rope multiply-adds per token, are the
                // latent projections plus one multiply-add per element of each latent norm.
                if (module.Kind == ModuleKind.RmsNorm && Array.IndexOf(DeepSeekTree.LatentNormGroups, module.Group) >= 0)
                {
                    forward += ModuleFlops.FlopsPerMultiplyAdd * pass.Tokens * module.NormalizedSize;
                }
            }

            var paddedVocab = PaddedVocab(model.VocabSize);
            forward += ModuleFlops.FlopsPerMultiplyAdd * pass.Tokens * model.HiddenSize * (paddedVocab - model.VocabSize);
            return TrainingPerForward * forward;
        }

        /// <summary>Megatron-LM pads the vocabulary to a multiple of make_vocab_size_divisible_by (128 by default).</summary>
        public static long PaddedVocab(long vocab) => (vocab + 127) / 128 * 128;

        /// <summary>Returns the training FLOPs of one step under a closed-form convention.</summary>
        public static decimal Training(ModelConfig model, PassShape pass, Convention convention)
        {
            switch (convention)
            {
                case Convention.PaLM: return PaLM(model, pass);
                case Convention.Torchtitan: return Torchtitan(model, pass);
                case Convention.Megatron: return Megatron(model, pass);
                default: throw new ArgumentOutOfRangeException(nameof(convention), convention, "Not a closed-form convention.");
            }
        }

        public static bool IsClosedForm(Convention convention) =>
            convention == Convention.PaLM || convention == Convention.Megatron || convention == Convention.Torchtitan;

        /// <summary>
        /// Σ over attention layers of 12 · width · P · B, with the layer's own window and causal
        /// halving. 12 = 2 products × 2 FLOPs per multiply-add × 3 passes.
        /// </summary>
        private static decimal AttentionTerm(ModelConfig model, PassShape pass, Func<ModuleSpec, decimal> width)
        {
            var total = 0m;
            foreach (var module in model.Modules)
            {
                if (module.Kind == ModuleKind.AttentionScores)
                {
                    total += 12 * width(module) * pass.ScorePairs(module.Window) * pass.Batch;
                }
            }

            return total;
        }

        /// <summary>Active parameters less the embedding tables that are only looked up (not tied to lm_head).</summary>
        private static decimal NonLookupParameters(ModelConfig model)
        {
            var tied = model.Modules.Any(m => m.SharesWeight);
            var lookups = 0m;
            var first = true;
            foreach (var module in model.Modules.Where(m => m.Kind == ModuleKind.Embedding))
            {
                // The first embedding is the token table: it also computes the logits when tied.
                if (!(first && tied))
                {
                    lookups += module.Parameters;
                }

                first = false;
            }

            return model.ActiveParameters - lookups;
        }
    }
}
