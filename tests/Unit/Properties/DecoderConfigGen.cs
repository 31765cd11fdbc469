using CsCheck;
using MfuTools.Core.Config;
using MfuTools.Core.Models;
using Newtonsoft.Json.Linq;

namespace MfuTools.Tests.Properties
{
    /// <summary>
    /// A random decoder config, dense or (as Mixtral) with routed experts, kept as its
    /// dimensions so a property can build a variant (other key/value heads) of the same model.
    /// </summary>
    internal sealed class DecoderConfig
    {
        public string ModelType { get; set; }
        public int HiddenSize { get; set; }
        public int IntermediateSize { get; set; }
        public int Layers { get; set; }
        public int Heads { get; set; }
        public int KeyValueHeads { get; set; }
        public int? HeadDim { get; set; }
        public int VocabSize { get; set; }
        public bool Tied { get; set; }
        public bool AttentionBias { get; set; }
        public int? SlidingWindow { get; set; }

        /// <summary>Routed experts per layer; 0 for a dense MLP.</summary>
        public int Experts { get; set; }

        public int ExpertsPerToken { get; set; }

        /// <summary>Builds the model the way a config.json on disk would be read.</summary>
        public ModelConfig Build()
        {
            var json = new JObject
            {
                ["model_type"] = ModelType,
                ["hidden_size"] = HiddenSize,
                ["intermediate_size"] = IntermediateSize,
                ["num_hidden_layers"] = Layers,
                ["num_attention_heads"] = Heads,
                ["num_key_value_heads"] = KeyValueHeads,
                ["vocab_size"] = VocabSize,
                ["tie_word_embeddings"] = Tied,
                ["attention_bias"] = AttentionBias,
            };
            if (HeadDim.HasValue)
            {
                json["head_dim"] = HeadDim.Value;
            }

            if (Experts > 0)
            {
                // Mixtral is Mistral's decoder with every MLP replaced by routed experts.
                json["model_type"] = "mixtral";
                json["num_local_experts"] = Experts;
                json["num_experts_per_tok"] = ExpertsPerToken;
                json["sliding_window"] = JValue.CreateNull();
                return ConfigReader.FromJson(json, "generated.json", ToString());
            }

            if (ModelType == "mistral")
            {
                json["sliding_window"] = SlidingWindow.HasValue ? (JToken)SlidingWindow.Value : JValue.CreateNull();
            }
            else if (SlidingWindow.HasValue && ModelType != "llama")
            {
                json["use_sliding_window"] = true;
                json["sliding_window"] = SlidingWindow.Value;
                json["max_window_layers"] = Layers / 2;
            }

            return ConfigReader.FromJson(json, "generated.json", ToString());
        }

        /// <summary>Returns the same model with <paramref name="keyValueHeads"/> key/value heads.</summary>
        public DecoderConfig WithKeyValueHeads(int keyValueHeads)
        {
            var copy = (DecoderConfig)MemberwiseClone();
            copy.KeyValueHeads = keyValueHeads;
            return copy;
        }

        public override string ToString() =>
            $"{ModelType} h{HiddenSize} I{IntermediateSize} L{Layers} nh{Heads} nkv{KeyValueHeads} d{HeadDim?.ToString() ?? "-"} V{VocabSize} tied {Tied} bias {AttentionBias} W{SlidingWindow?.ToString() ?? "-"} E{Experts} k{ExpertsPerToken}";
    }

    internal static class DecoderConfigGen
    {
        /// <summary>
        /// Valid configs of the Llama-style families, a third of them Mixtral-style with routed
        /// experts: query heads a whole multiple of the
        /// key/value heads, and hidden_size a multiple of the heads unless head_dim is set.
        /// Sizes stay small enough that hundreds of samples run in a second or two.
        /// </summary>
        public static readonly Gen<DecoderConfig> Small = Configs(maxWidth: 4096, maxLayers: 6, maxVocab: 200_000);

        /// <summary>Configs up to the largest sizes ConfigReader accepts, for overflow checks.</summary>
        public static readonly Gen<DecoderConfig> Huge = Configs(maxWidth: ConfigReader.MaxDimension, maxLayers: 3, maxVocab: ConfigReader.MaxVocab);

        private static Gen<DecoderConfig> Configs(int maxWidth, int maxLayers, int maxVocab)
        {
            var family = Gen.OneOf("llama", "mistral", "qwen2", "qwen3");
            var heads = Gen.Select(Gen.Int[1, 8], Gen.Int[1, 8], (kv, group) => (KeyValueHeads: kv, Heads: kv * group));
            var headDim = Gen.Int[1, 64].Select(half => half * 2);
            var widths = Gen.Select(Gen.Bool, Gen.Int[1, maxWidth], Gen.Int[1, maxWidth], (explicitHeadDim, hidden, intermediate) => (explicitHeadDim, hidden, intermediate));
            var window = Gen.Select(Gen.Bool, Gen.Int[1, 4096], (has, width) => has ? width : (int?)null);
            var flags = Gen.Select(Gen.Bool, Gen.Bool, (tied, bias) => (tied, bias));
            var experts = Gen.Int[0, 2].SelectMany(draw => draw < 2
                ? Gen.Const((Experts: 0, PerToken: 0))
                : Gen.Int[1, 16].SelectMany(e => Gen.Int[1, e].Select(k => (Experts: e, PerToken: k))));

            var shapes = Gen.Select(Gen.Int[1, maxLayers], Gen.Int[1, maxVocab], (layers, vocab) => (layers, vocab));
            return Gen.Select(family, heads, headDim, widths, shapes, window, flags, experts,
                (type, h, d, w, size, slidingWindow, f, moe) => new DecoderConfig
                {
                    ModelType = type,
                    Heads = h.Heads,
                    KeyValueHeads = h.KeyValueHeads,
                    HeadDim = w.explicitHeadDim ? d : (int?)null,
                    HiddenSize = w.explicitHeadDim ? w.hidden : System.Math.Min(h.Heads * d, maxWidth),
                    IntermediateSize = w.intermediate,
                    Layers = size.layers,
                    VocabSize = size.vocab,
                    Tied = f.tied,
                    AttentionBias = f.bias,
                    SlidingWindow = slidingWindow,
                    Experts = moe.Experts,
                    ExpertsPerToken = moe.PerToken,
                })
                .Where(c => c.HeadDim.HasValue || c.HiddenSize % c.Heads == 0);
        }
    }
}
