using System.Collections.Generic;
using MfuTools.Core.Models;

namespace MfuTools.Core.Modules
{
    /// <summary>
    /// The module tree of DeepSeek-V2 and V3 (DeepseekV2ForCausalLM, DeepseekV3ForCausalLM):
    /// multi-head latent attention, dense MLPs in the first first_k_dense_replace layers, and
    /// routed plus shared experts after them. The multi-token-prediction layer of DeepSeek-V3
    /// is not part of the Hugging Face model and is not counted.
    /// </summary>
    internal static class DeepSeekTree
    {
        /// <summary>Groups of the two latent norms, which Megatron-LM's MLA formula counts as one multiply-add per element.</summary>
        internal static readonly string[] LatentNormGroups = { "self_attn.q_a_layernorm", "self_attn.kv_a_layernorm" };

        public static IReadOnlyList<ModuleSpec> Build(ModelConfig model)
        {
            var rope = model.QkRopeHeadDim.Value;
            var rotary = ModuleSpec.Rotary("model.rotary_emb", "model.rotary_emb", null, model.NumAttentionHeads, 1, rope);
            return DenseDecoderTree.Build(model, AddLayer, rotary);
        }

        private static void AddLayer(List<ModuleSpec> modules, ModelConfig model, int layer)
        {
            var prefix = "model.layers." + layer + ".";
            var h = model.HiddenSize;

            modules.Add(ModuleSpec.RmsNorm(prefix + "input_layernorm", "input_layernorm", layer, h));
            AddLatentAttention(modules, model, layer, prefix);
            modules.Add(ModuleSpec.Elementwise(ModuleKind.ResidualAdd, prefix + "residual_add_attn", "residual_add_attn", layer, h, 1));

            modules.Add(ModuleSpec.RmsNorm(prefix + "post_attention_layernorm", "post_attention_layernorm", layer, h));
            if (model.UsesExperts(layer))
            {
                MixtureOfExpertsTree.AddSparseBlock(modules, model, layer, prefix, MixtureOfExpertsTree.DeepSeek);
            }
            else
            {
                DenseDecoderTree.AddGatedMlp(modules, prefix + "mlp.", "mlp.", layer, h, model.IntermediateSize, bias: false);
            }

            modules.Add(ModuleSpec.Elementwise(ModuleKind.ResidualAdd, prefix + "residual_add_mlp", "residual_add_mlp", layer, h, 1));
        }

        /// <summary>
        /// Adds latent attention. Queries pass through q_a_proj, q_a_layernorm and q_b_proj, or
        /// one q_proj. Keys and values are compressed by kv_a_proj_with_mqa to kv_lora_rank plus a
        /// shared rotary key, normalized, and expanded per head by kv_b_proj.
        /// </summary>
        private static void AddLatentAttention(List<ModuleSpec> modules, ModelConfig model, int layer, string prefix)
        {
            var h = model.HiddenSize;
            var nh = model.NumAttentionHeads;
            var nope = model.QkNopeHeadDim.Value;
            var rope = model.QkRopeHeadDim.Value;
            var v = model.VHeadDim.Value;
            var kvRank = model.KvLoraRank.Value;
            var qk = nope + rope;
            var window = model.UsesSlidingWindow(layer) ? model.SlidingWindow : null;

            // attention_bias applies to q_a_proj, kv_a_proj_with_mqa and o_proj; q_proj, q_b_proj
            // and kv_b_proj never carry one (DeepseekV3Attention).
            var a = prefix + "self_attn.";
            if (model.QLoraRank.HasValue)
            {
                var qRank = model.QLoraRank.Value;
                modules.Add(ModuleSpec.Linear(a + "q_a_proj", "self_attn.q_a_proj", layer, h, qRank, model.QkvBias));
                modules.Add(ModuleSpec.RmsNorm(a + "q_a_layernorm", "self_attn.q_a_layernorm", layer, qRank));
                modules.Add(ModuleSpec.Linear(a + "q_b_proj", "self_attn.q_b_proj", layer, qRank, (long)nh * qk, bias: false));
            }
            else
            {
                modules.Add(ModuleSpec.Linear(a + "q_proj", "self_attn.q_proj", layer, h, (long)nh * qk, bias: false));
            }

            modules.Add(ModuleSpec.Linear(a + "kv_a_proj_with_mqa", "self_attn.kv_a_proj_with_mqa", layer, h, kvRank + rope, model.QkvBias));
            modules.Add(ModuleSpec.RmsNorm(a + "kv_a_layernorm", "self_attn.kv_a_layernorm", layer, kvRank));
            modules.Add(ModuleSpec.Linear(a + "kv_b_proj", "self_attn.kv_b_proj", layer, kvRank, (long)nh * (nope + v), bias: false));

            modules.Add(ModuleSpec.Rotary(a + "rotary_emb", "self_attn.rotary_emb", layer, nh, 1, rope));
            var cache = kvRank + rope;
            modules.Add(ModuleSpec.LatentAttention(ModuleKind.AttentionScores, a + "attention.qk", "self_attn.attention.qk", layer, nh, qk, v, cache, window));
            modules.Add(ModuleSpec.LatentAttention(ModuleKind.AttentionScaling, a + "attention.scaling", "self_attn.attention.scaling", layer, nh, qk, v, cache, window));
            modules.Add(ModuleSpec.LatentAttention(ModuleKind.AttentionSoftmax, a + "attention.softmax", "self_attn.attention.softmax", layer, nh, qk, v, cache, window));
            modules.Add(ModuleSpec.LatentAttention(ModuleKind.AttentionValues, a + "attention.pv", "self_attn.attention.pv", layer, nh, qk, v, cache, window));
            modules.Add(ModuleSpec.Linear(a + "o_proj", "self_attn.o_proj", layer, (long)nh * v, h, model.OProjBias));
        }
    }
}
