using System.Collections.Generic;
using MfuTools.Core.Models;

namespace MfuTools.Core.Modules
{
    /// <summary>
    /// The module tree of the Llama-style mixture-of-experts decoders: Mixtral
    /// (block_sparse_moe with experts w1, w3, w2), Qwen2-MoE and Qwen1.5-MoE (mlp with a
    /// gated shared expert) and Qwen3-MoE (mlp without one). Attention is the dense
    /// decoders'; each expert layer has a router row, one row per expert projection kind
    /// summed over the experts, and a row that combines the k routed outputs.
    /// </summary>
    internal static class MixtureOfExpertsTree
    {
        /// <summary>The names one family gives its sparse block and its expert projections.</summary>
        internal sealed class ExpertNames
        {
            public string Block { get; set; }

            public string Gate { get; set; }

            public string Up { get; set; }

            public string Down { get; set; }

            public string Shared { get; set; }
        }

        private static readonly ExpertNames Mixtral = new ExpertNames { Block = "block_sparse_moe", Gate = "w1", Up = "w3", Down = "w2" };

        private static readonly ExpertNames Qwen = new ExpertNames { Block = "mlp", Gate = "gate_proj", Up = "up_proj", Down = "down_proj", Shared = "shared_expert" };

        /// <summary>DeepSeek's names: Qwen's, with the shared experts under shared_experts.</summary>
        internal static readonly ExpertNames DeepSeek = new ExpertNames { Block = "mlp", Gate = "gate_proj", Up = "up_proj", Down = "down_proj", Shared = "shared_experts" };

        public static IReadOnlyList<ModuleSpec> Build(ModelConfig model) => DenseDecoderTree.Build(model, AddLayer);

        private static void AddLayer(List<ModuleSpec> modules, ModelConfig model, int layer)
        {
            var prefix = "model.layers." + layer + ".";
            var h = model.HiddenSize;

            modules.Add(ModuleSpec.RmsNorm(prefix + "input_layernorm", "input_layernorm", layer, h));
            DenseDecoderTree.AddAttention(modules, model, layer, prefix);
            modules.Add(ModuleSpec.Elementwise(ModuleKind.ResidualAdd, prefix + "residual_add_attn", "residual_add_attn", layer, h, 1));

            modules.Add(ModuleSpec.RmsNorm(prefix + "post_attention_layernorm", "post_attention_layernorm", layer, h));
            if (model.UsesExperts(layer))
            {
                AddSparseBlock(modules, model, layer, prefix, model.Family == ArchitectureFamily.Mixtral ? Mixtral : Qwen);
            }
            else
            {
                DenseDecoderTree.AddGatedMlp(modules, prefix + "mlp.", "mlp.", layer, h, model.IntermediateSize, model.MlpBias);
            }

            modules.Add(ModuleSpec.Elementwise(ModuleKind.ResidualAdd, prefix + "residual_add_mlp", "residual_add_mlp", layer, h, 1));
        }

        /// <summary>
        /// Adds a sparse MoE block: the router, the routed experts (E instances, k per token),
        /// the combination of the k outputs, and the shared experts when the model has them.
        /// </summary>
        internal static void AddSparseBlock(List<ModuleSpec> modules, ModelConfig model, int layer, string layerPrefix, ExpertNames names)
        {
            var h = model.HiddenSize;
            var prefix = layerPrefix + names.Block + ".";
            var group = names.Block + ".";
            var k = model.NumExpertsPerTok;

            modules.Add(ModuleSpec.Gate(ModuleKind.Router, prefix + "gate", group + "gate", layer, h, model.NumExperts, model.RouterScoreCorrectionBias));

            // One expert's gated MLP, then each of its rows stands for all E experts.
            var expert = new List<ModuleSpec>(5);
            AddExpertMlp(expert, prefix + "experts.", group + "experts.", layer, h, model.MoeIntermediateSize.Value, names);
            foreach (var row in expert)
            {
                modules.Add(row.AsExperts(model.NumExperts, k));
            }

            modules.Add(ModuleSpec.ExpertCombine(prefix + "expert_combine", group + "expert_combine", layer, h, k));

            if (model.NumSharedExperts == 0)
            {
                return;
            }

            var shared = names.Shared;
            AddExpertMlp(modules, prefix + shared + ".", group + shared + ".", layer, h, model.SharedExpertIntermediateSize.Value, Qwen);
            if (model.Family == ArchitectureFamily.Qwen2Moe)
            {
                // Qwen2-MoE scales the shared expert by sigmoid(shared_expert_gate(x)), one value per token.
                modules.Add(ModuleSpec.Gate(ModuleKind.SharedExpertGate, prefix + "shared_expert_gate", group + "shared_expert_gate", layer, h, 1));
                modules.Add(ModuleSpec.Elementwise(ModuleKind.ElementwiseProduct, prefix + "shared_expert_gate_mul", group + "shared_expert_gate_mul", layer, h, 1));
            }

            modules.Add(ModuleSpec.Elementwise(ModuleKind.ExpertCombine, prefix + "shared_expert_add", group + "shared_expert_add", layer, h, 1));
        }

        /// <summary>Adds a gated SiLU MLP without biases, with the family's projection names.</summary>
        private static void AddExpertMlp(List<ModuleSpec> modules, string prefix, string group, int layer, long hidden, long intermediate, ExpertNames names)
        {
            modules.Add(ModuleSpec.Linear(prefix + names.Gate, group + names.Gate, layer, hidden, intermediate, bias: false));
            modules.Add(ModuleSpec.Linear(prefix + names.Up, group + names.Up, layer, hidden, intermediate, bias: false));
            modules.Add(ModuleSpec.Elementwise(ModuleKind.Activation, prefix + "act_fn", group + "act_fn", layer, intermediate, DenseDecoderTree.SiluFlopsPerElement));
            modules.Add(ModuleSpec.Elementwise(ModuleKind.ElementwiseProduct, prefix + "act_mul", group + "act_mul", layer, intermediate, 1));
            modules.Add(ModuleSpec.Linear(prefix + names.Down, group + names.Down, layer, intermediate, hidden, bias: false));
        }
    }
}
