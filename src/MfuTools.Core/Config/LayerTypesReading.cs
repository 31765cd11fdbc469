using System;
using System.Linq;
using MfuTools.Core.Errors;
using MfuTools.Core.Models;
using Newtonsoft.Json.Linq;

namespace MfuTools.Core.Config
{
    /// <summary>
    /// Reads <c>layer_types</c>, the per-layer attention list newer Hugging Face configs carry
    /// ("full_attention" or "sliding_attention" per layer). When present it decides which
    /// layers use the sliding window, in place of max_window_layers.
    /// </summary>
    internal static class LayerTypesReading
    {
        public const string FullAttention = "full_attention";
        public const string SlidingAttention = "sliding_attention";

        public static void Read(ModelConfig model, ConfigSection text)
        {
            var token = text.Json["layer_types"];
            if (token == null || token.Type == JTokenType.Null)
            {
                return;
            }

            if (!(token is JArray list))
            {
                throw text.Invalid("layer_types", token, $"an array of \"{FullAttention}\" and \"{SlidingAttention}\", one per layer");
            }

            if (list.Count != model.NumHiddenLayers)
            {
                throw text.Shape("layer_types",
                    $"lists {list.Count} layers, but num_hidden_layers is {model.NumHiddenLayers}. List one attention type per layer.");
            }

            var sliding = new bool[list.Count];
            for (var layer = 0; layer < list.Count; layer++)
            {
                var item = list[layer];
                var type = item.Type == JTokenType.String ? item.Value<string>() : null;
                if (string.Equals(type, SlidingAttention, StringComparison.Ordinal))
                {
                    sliding[layer] = true;
                }
                else if (!string.Equals(type, FullAttention, StringComparison.Ordinal))
                {
                    throw new MfuException(ErrorIds.LayerTypeNotSupported, MfuErrorKind.NotImplemented,
                        $"'{text.File}': '{text.KeyPath("layer_types")}' gives layer {layer} the attention type {item.ToString(Newtonsoft.Json.Formatting.None)}, which MfuTools cannot count. Supported: \"{FullAttention}\" and \"{SlidingAttention}\".",
                        text.File);
                }
            }

            model.SlidingLayers = sliding;
            var count = sliding.Count(x => x);
            model.Derivations.Add(model.SlidingWindow.HasValue
                ? $"layer_types: {count} of {list.Count} layers attend through the sliding window of {model.SlidingWindow} tokens."
                : $"layer_types lists {count} sliding_attention layers, but the config sets no active sliding_window: every layer attends to every key.");
        }
    }
}
