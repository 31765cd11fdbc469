using System;
using System.Collections.Generic;
using MfuTools.Core.Models;

namespace MfuTools.Core.Modules
{
    /// <summary>
    /// The module tree of GPT2LMHeadModel, named as Hugging Face names it
    /// (<c>transformer.h.0.attn.c_attn</c>): token and learned position embeddings, pre-norm
    /// LayerNorm with bias, a fused q/k/v projection c_attn, multi-head attention, a GELU
    /// MLP of c_fc and c_proj, biases on every projection, and an lm_head tied to wte.
    /// </summary>
    internal static class Gpt2Tree
    {
        /// <summary>The activation_function values MfuTools counts, for error messages.</summary>
        public const string SupportedActivations = "gelu_new, gelu_pytorch_tanh, gelu_fast (9 FLOPs per element), gelu (5), silu or swish (3), relu (1)";

        /// <summary>
        /// Returns the FLOPs per element of a GPT-2 activation_function, or null when it is not
        /// one MfuTools counts. The tanh form of GELU, 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))),
        /// is 9 FLOPs; the erf form 0.5·x·(1 + erf(x/√2)) is 5.
        /// </summary>
        public static int? ActivationFlopsPerElement(string activation)
        {
            switch ((activation ?? string.Empty).ToLowerInvariant())
            {
                case "gelu_new":
                case "gelu_pytorch_tanh":
                case "gelu_fast":
                    return 9;
                case "gelu":
                    return 5;
                case "silu":
                case "swish":
                    return DenseDecoderTree.SiluFlopsPerElement;
                case "relu":
                    return 1;
                default:
                    return null;
            }
        }

        public static IReadOnlyList<ModuleSpec> Build(ModelConfig model)
        {
            var h = model.HiddenSize;
            var activationFlops = ActivationFlopsPerElement(model.HiddenAct)
                                  ?? throw new InvalidOperationException("The config reader accepts only activations with a FLOP count.");
            var modules = new List<ModuleSpec>(5 + model.NumHiddenLayers * 14)
            {
                ModuleSpec.Embedding("transformer.wte", model.VocabSize, h),
                ModuleSpec.Embedding("transformer.wpe", model.PositionEmbeddingRows.Value, h),
                ModuleSpec.Elementwise(ModuleKind.PositionEmbeddingAdd, "transformer.position_add", "transformer.position_add", null, h, 1),
            };

            for (var layer = 0; layer < model.NumHiddenLayers; layer++)
            {
                AddBlock(modules, model, layer, activationFlops);
            }

            modules.Add(ModuleSpec.LayerNorm("transformer.ln_f", "transformer.ln_f", null, h));
            modules.Add(ModuleSpec.Linear("lm_head", "lm_head", null, h, model.VocabSize, bias: false, sharesWeight: model.TieWordEmbeddings));
            return modules;
        }

        private static void AddBlock(List<ModuleSpec> modules, ModelConfig model, int layer, int activationFlops)
        {
            var prefix = "transformer.h." + layer + ".";
            var h = model.HiddenSize;
            var nh = model.NumAttentionHeads;
            var d = model.HeadDim;
            var i = model.IntermediateSize;

            modules.Add(ModuleSpec.LayerNorm(prefix + "ln_1", "ln_1", layer, h));
            modules.Add(ModuleSpec.Linear(prefix + "attn.c_attn", "attn.c_attn", layer, h, 3L * h, bias: true));
            modules.Add(ModuleSpec.Attention(ModuleKind.AttentionScores, prefix + "attn.attention.qk", "attn.attention.qk", layer, nh, nh, d, d, null));
            modules.Add(ModuleSpec.Attention(ModuleKind.AttentionScaling, prefix + "attn.attention.scaling", "attn.attention.scaling", layer, nh, nh, d, d, null));
            modules.Add(ModuleSpec.Attention(ModuleKind.AttentionSoftmax, prefix + "attn.attention.softmax", "attn.attention.softmax", layer, nh, nh, d, d, null));
            modules.Add(ModuleSpec.Attention(ModuleKind.AttentionValues, prefix + "attn.attention.pv", "attn.attention.pv", layer, nh, nh, d, d, null));
            modules.Add(ModuleSpec.Linear(prefix + "attn.c_proj", "attn.c_proj", layer, h, h, bias: true));
            modules.Add(ModuleSpec.Elementwise(ModuleKind.ResidualAdd, prefix + "residual_add_attn", "residual_add_attn", layer, h, 1));

            modules.Add(ModuleSpec.LayerNorm(prefix + "ln_2", "ln_2", layer, h));
            modules.Add(ModuleSpec.Linear(prefix + "mlp.c_fc", "mlp.c_fc", layer, h, i, bias: true));
            modules.Add(ModuleSpec.Elementwise(ModuleKind.Activation, prefix + "mlp.act", "mlp.act", layer, i, activationFlops));
            modules.Add(ModuleSpec.Linear(prefix + "mlp.c_proj", "mlp.c_proj", layer, i, h, bias: true));
            modules.Add(ModuleSpec.Elementwise(ModuleKind.ResidualAdd, prefix + "residual_add_mlp", "residual_add_mlp", layer, h, 1));
        }
    }
}
