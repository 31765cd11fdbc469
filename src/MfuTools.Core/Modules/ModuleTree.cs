using System;
using System.Collections.Generic;
using MfuTools.Core.Models;

namespace MfuTools.Core.Modules
{
    /// <summary>
    /// Expands a model description into its ordered module list, one expansion per
    /// architecture family. Every view of a model (FLOPs per module, per layer, bytes,
    /// parameters) derives from this list.
    /// </summary>
    public static class ModuleTree
    {
        /// <summary>Returns the model's modules in the order the forward pass runs them.</summary>
        public static IReadOnlyList<ModuleSpec> Build(ModelConfig model)
        {
            switch (model.Family)
            {
                case ArchitectureFamily.Llama:
                case ArchitectureFamily.Mistral:
                case ArchitectureFamily.Qwen2:
                case ArchitectureFamily.Qwen3:
                case ArchitectureFamily.PaLM:
                    return DenseDecoderTree.Build(model);
                case ArchitectureFamily.Mixtral:
                case ArchitectureFamily.Qwen2Moe:
                case ArchitectureFamily.Qwen3Moe:
                    return MixtureOfExpertsTree.Build(model);
                case ArchitectureFamily.DeepSeekV2:
                case ArchitectureFamily.DeepSeekV3:
                    return DeepSeekTree.Build(model);
                case ArchitectureFamily.Gpt2:
                    return Gpt2Tree.Build(model);
                default:
                    throw new NotSupportedException($"No module tree for architecture family {model.Family}.");
            }
        }
    }
}
