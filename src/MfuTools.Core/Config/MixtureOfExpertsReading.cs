using System;
using System.Collections.Generic;
using MfuTools.Core.Models;
using Newtonsoft.Json.Linq;

namespace MfuTools.Core.Config
{
    /// <summary>
    /// Reads the mixture-of-experts keys, which every family names its own way: Mixtral's
    /// num_local_experts, Qwen's num_experts with decoder_sparse_step and mlp_only_layers,
    /// DeepSeek's n_routed_experts with first_k_dense_replace and moe_layer_freq.
    /// </summary>
    internal static class MixtureOfExpertsReading
    {
        public static void Read(ModelConfig model, ConfigSection text)
        {
            switch (model.Family)
            {
                case ArchitectureFamily.Mixtral:
                    ReadMixtral(model, text);
                    break;
                case ArchitectureFamily.Qwen2Moe:
                case ArchitectureFamily.Qwen3Moe:
                    ReadQwen(model, text);
                    break;
                case ArchitectureFamily.DeepSeekV2:
                case ArchitectureFamily.DeepSeekV3:
                    ReadDeepSeek(model, text);
                    break;
                default:
                    return;
            }

            model.Derivations.Add($"{model.ExpertLayerCount} of {model.NumHiddenLayers} layers route each token to {model.NumExpertsPerTok} of {model.NumExperts} experts of intermediate size {model.MoeIntermediateSize}" +
                                  (model.NumSharedExperts > 0 ? $", plus {model.NumSharedExperts} shared expert(s) of intermediate size {model.SharedExpertIntermediateSize} in total on every token" : string.Empty) + ".");
        }

        private static void ReadMixtral(ModelConfig model, ConfigSection text)
        {
            // Every Mixtral layer has a MixtralSparseMoeBlock, and each expert is an MLP of intermediate_size.
            ReadExperts(model, text, "num_local_experts");
            model.MoeIntermediateSize = model.IntermediateSize;
            model.RouterScoringFunction = "softmax";
            model.ExpertLayers = Every(model.NumHiddenLayers, _ => true);
        }

        private static void ReadQwen(ModelConfig model, ConfigSection text)
        {
            ReadExperts(model, text, "num_experts");
            model.MoeIntermediateSize = text.RequiredPositiveInt("moe_intermediate_size", ConfigReader.MaxDimension);
            model.RouterScoringFunction = "softmax";

            if (model.Family == ArchitectureFamily.Qwen2Moe)
            {
                // Qwen2MoeSparseMoeBlock: one shared expert of its own width, scaled by a sigmoid gate.
                model.NumSharedExperts = 1;
                model.SharedExpertIntermediateSize = text.RequiredPositiveInt("shared_expert_intermediate_size", ConfigReader.MaxDimension);
            }

            // A layer routes to experts unless listed in mlp_only_layers, and only every
            // decoder_sparse_step-th layer (counting from 1) does.
            var step = text.PositiveInt("decoder_sparse_step", ConfigReader.MaxLayers, 1).Value;
            var mlpOnly = ReadLayerList(model, text, "mlp_only_layers");
            model.ExpertLayers = Every(model.NumHiddenLayers, layer => !mlpOnly.Contains(layer) && (layer + 1) % step == 0);
        }

        private static void ReadDeepSeek(ModelConfig model, ConfigSection text)
        {
            ReadExperts(model, text, "n_routed_experts");
            model.MoeIntermediateSize = text.RequiredPositiveInt("moe_intermediate_size", ConfigReader.MaxDimension);

            // DeepseekV2MoE/V3MoE: n_shared_experts experts of moe_intermediate_size, run as one MLP.
            model.NumSharedExperts = text.NonNegativeInt("n_shared_experts", ConfigReader.MaxHeads, 0);
            if (model.NumSharedExperts > 0)
            {
                model.SharedExpertIntermediateSize = checked(model.NumSharedExperts * model.MoeIntermediateSize.Value);
            }

            var v3 = model.Family == ArchitectureFamily.DeepSeekV3;
            model.RouterScoringFunction = text.String("scoring_func", v3 ? "sigmoid" : "softmax");

            // noaux_tc routing (DeepSeek-V3's default) adds a learned per-expert bias to the
            // scores that pick the experts: e_score_correction_bias, E parameters per layer.
            var topkMethod = text.String("topk_method", v3 ? "noaux_tc" : "greedy");
            model.RouterScoreCorrectionBias = string.Equals(topkMethod, "noaux_tc", StringComparison.Ordinal);

            var firstDense = text.NonNegativeInt("first_k_dense_replace", ConfigReader.MaxLayers, 0);
            var frequency = text.PositiveInt("moe_layer_freq", ConfigReader.MaxLayers, 1).Value;
            model.ExpertLayers = Every(model.NumHiddenLayers, layer => layer >= firstDense && layer % frequency == 0);
        }

        private static void ReadExperts(ModelConfig model, ConfigSection text, string expertsKey)
        {
            model.NumExperts = text.RequiredPositiveInt(expertsKey, ConfigReader.MaxHeads);
            model.NumExpertsPerTok = text.RequiredPositiveInt("num_experts_per_tok", ConfigReader.MaxHeads);
            if (model.NumExpertsPerTok > model.NumExperts)
            {
                throw text.Shape("num_experts_per_tok",
                    $"is {model.NumExpertsPerTok}, more than the {model.NumExperts} experts of '{text.KeyPath(expertsKey)}'. A token is routed to at most every expert; correct one of the two values.");
            }
        }

        private static HashSet<int> ReadLayerList(ModelConfig model, ConfigSection text, string key)
        {
            var layers = new HashSet<int>();
            var token = text.Json[key];
            if (token == null || token.Type == JTokenType.Null)
            {
                return layers;
            }

            if (!(token is JArray list))
            {
                throw text.Invalid(key, token, "an array of layer indices");
            }

            foreach (var item in list)
            {
                if (item.Type != JTokenType.Integer || item.Value<long>() < 0 || item.Value<long>() >= model.NumHiddenLayers)
                {
                    throw text.Invalid(key, item, $"a layer index from 0 to {model.NumHiddenLayers - 1}");
                }

                layers.Add(item.Value<int>());
            }

            return layers;
        }

        private static bool[] Every(int layers, Func<int, bool> usesExperts)
        {
            var result = new bool[layers];
            for (var layer = 0; layer < layers; layer++)
            {
                result[layer] = usesExperts(layer);
            }

            return result;
        }
    }
}
