using System;
using System.Collections.Generic;
using MfuTools.Core.Models;

namespace MfuTools.Core.Modules
{
    /// <summary>
    /// The module tree of the Llama-style decoders (Llama, Mistral, Qwen2, Qwen3), named as
    /// Hugging Face's modeling code names them: pre-norm RMSNorm, rotary attention with
    /// grouped key/value heads, a gated SiLU MLP, and an lm_head that may share the
    /// embedding's weight.
    /// </summary>
    internal static class DenseDecoderTree
    {
        /// <summary>SiLU, x·σ(x): exponent, add and divide, counted as 3 FLOPs per element.</summary>
        internal const int SiluFlopsPerElement = 3;

        public static IReadOnlyList<ModuleSpec> Build(ModelConfig model) => Build(model, AddLayer);

        /// <summary>
        /// Builds the Llama-style frame (embedding, rotary, norm, lm_head) around layers that
        /// <paramref name="addLayer"/> adds; <paramref name="rotary"/> replaces the model-level
        /// rotary row where the rotary width is not the head width (DeepSeek's latent attention).
        /// </summary>
        internal static IReadOnlyList<ModuleSpec> Build(ModelConfig model, Action<List<ModuleSpec>, ModelConfig, int> addLayer, ModuleSpec rotary = null)
        {
            var h = model.HiddenSize;
            var modules = new List<ModuleSpec>(4 + model.NumHiddenLayers * 32)
            {
                ModuleSpec.Embedding("model.embed_tokens", model.VocabSize, h),
                rotary ?? ModuleSpec.Rotary("model.rotary_emb", "model.rotary_emb", null, model.NumAttentionHeads, model.NumKeyValueHeads, model.HeadDim),
            };

            for (var layer = 0; layer < model.NumHiddenLayers; layer++)
            {
                addLayer(modules, model, layer);
            }

            modules.Add(ModuleSpec.RmsNorm("model.norm", "model.norm", null, h));
            modules.Add(ModuleSpec.Linear("lm_head", "lm_head", null, h, model.VocabSize, bias: false, sharesWeight: model.TieWordEmbeddings));
            return modules;
        }

        private static void AddLayer(List<ModuleSpec> modules, ModelConfig model, int layer)
        {
            var prefix = "model.layers." + layer + ".";
            var h = model.HiddenSize;

            modules.Add(ModuleSpec.RmsNorm(prefix + "input_layernorm", "input_layernorm", layer, h));
            AddAttention(modules, model, layer, prefix);
            modules.Add(ModuleSpec.Elementwise(ModuleKind.ResidualAdd, prefix + "residual_add_attn", "residual_add_attn", layer, h, 1));

            // PaLM's parallel block feeds the one input norm to both attention and the MLP.
            // NOTE: PaLM's norm is a LayerNorm without bias (it also subtracts the mean); it is
            // counted as RMSNorm here, 4 FLOPs per element, which changes only the Detailed count.
            if (model.Family != ArchitectureFamily.PaLM)
            {
                modules.Add(ModuleSpec.RmsNorm(prefix + "post_attention_layernorm", "post_attention_layernorm", layer, h));
            }

            AddGatedMlp(modules, prefix + "mlp.", "mlp.", layer, h, model.IntermediateSize, model.MlpBias);
            modules.Add(ModuleSpec.Elementwise(ModuleKind.ResidualAdd, prefix + "residual_add_mlp", "residual_add_mlp", layer, h, 1));
        }

        /// <summary>Adds the grouped-query rotary attention of a Llama-style layer, from q_proj to o_proj.</summary>
        internal static void AddAttention(List<ModuleSpec> modules, ModelConfig model, int layer, string prefix)
        {
            var h = model.HiddenSize;
            var nh = model.NumAttentionHeads;
            var nkv = model.NumKeyValueHeads;
            var d = model.HeadDim;
            var window = model.UsesSlidingWindow(layer) ? model.SlidingWindow : null;

            modules.Add(ModuleSpec.Linear(prefix + "self_attn.q_proj", "self_attn.q_proj", layer, h, (long)nh * d, model.QkvBias));
            modules.Add(ModuleSpec.Linear(prefix + "self_attn.k_proj", "self_attn.k_proj", layer, h, (long)nkv * d, model.QkvBias));
            modules.Add(ModuleSpec.Linear(prefix + "self_attn.v_proj", "self_attn.v_proj", layer, h, (long)nkv * d, model.QkvBias));
            if (model.QkNorm)
            {
                modules.Add(ModuleSpec.RmsNorm(prefix + "self_attn.q_norm", "self_attn.q_norm", layer, d, nh));
                modules.Add(ModuleSpec.RmsNorm(prefix + "self_attn.k_norm", "self_attn.k_norm", layer, d, nkv));
            }

            modules.Add(ModuleSpec.Rotary(prefix + "self_attn.rotary_emb", "self_attn.rotary_emb", layer, nh, nkv, d));
            modules.Add(ModuleSpec.Attention(ModuleKind.AttentionScores, prefix + "self_attn.attention.qk", "self_attn.attention.qk", layer, nh, nkv, d, d, window));
            modules.Add(ModuleSpec.Attention(ModuleKind.AttentionScaling, prefix + "self_attn.attention.scaling", "self_attn.attention.scaling", layer, nh, nkv, d, d, window));
            modules.Add(ModuleSpec.Attention(ModuleKind.AttentionSoftmax, prefix + "self_attn.attention.softmax", "self_attn.attention.softmax", layer, nh, nkv, d, d, window));
            modules.Add(ModuleSpec.Attention(ModuleKind.AttentionValues, prefix + "self_attn.attention.pv", "self_attn.attention.pv", layer, nh, nkv, d, d, window));
            modules.Add(ModuleSpec.Linear(prefix + "self_attn.o_proj", "self_attn.o_proj", layer, (long)nh * d, h, model.OProjBias));
        }

        /// <summary>Adds a gated SiLU MLP: down(act(gate(x)) · up(x)).</summary>
        internal static void AddGatedMlp(List<ModuleSpec> modules, string prefix, string groupPrefix, int layer, long hidden, long intermediate, bool bias)
        {
            modules.Add(ModuleSpec.Linear(prefix + "gate_proj", groupPrefix + "gate_proj", layer, hidden, intermediate, bias));
            modules.Add(ModuleSpec.Linear(prefix + "up_proj", groupPrefix + "up_proj", layer, hidden, intermediate, bias));
            modules.Add(ModuleSpec.Elementwise(ModuleKind.Activation, prefix + "act_fn", groupPrefix + "act_fn", layer, intermediate, SiluFlopsPerElement));
            modules.Add(ModuleSpec.Elementwise(ModuleKind.ElementwiseProduct, prefix + "act_mul", groupPrefix + "act_mul", layer, intermediate, 1));
            modules.Add(ModuleSpec.Linear(prefix + "down_proj", groupPrefix + "down_proj", layer, intermediate, hidden, bias));
        }
    }
}
