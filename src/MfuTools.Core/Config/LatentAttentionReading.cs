using MfuTools.Core.Models;

namespace MfuTools.Core.Config
{
    /// <summary>
    /// Reads the widths of DeepSeek's multi-head latent attention. The query path is low-rank
    /// (q_lora_rank), or a plain q_proj when q_lora_rank is null. The key/value path is
    /// compressed to kv_lora_rank plus a shared rotary key of qk_rope_head_dim. Per head,
    /// queries and keys are qk_nope_head_dim + qk_rope_head_dim wide and values v_head_dim.
    /// </summary>
    internal static class LatentAttentionReading
    {
        public static bool IsLatent(ArchitectureFamily family) =>
            family == ArchitectureFamily.DeepSeekV2 || family == ArchitectureFamily.DeepSeekV3;

        public static void Read(ModelConfig model, ConfigSection text)
        {
            if (!IsLatent(model.Family))
            {
                return;
            }

            model.QLoraRank = text.PositiveInt("q_lora_rank", ConfigReader.MaxDimension);
            model.KvLoraRank = text.RequiredPositiveInt("kv_lora_rank", ConfigReader.MaxDimension);
            model.QkNopeHeadDim = text.RequiredPositiveInt("qk_nope_head_dim", ConfigReader.MaxDimension);
            model.QkRopeHeadDim = text.RequiredPositiveInt("qk_rope_head_dim", ConfigReader.MaxDimension);
            model.VHeadDim = text.RequiredPositiveInt("v_head_dim", ConfigReader.MaxDimension);

            // After kv_b_proj every query head has its own key and value, so the attention
            // products run at nh heads whatever num_key_value_heads is set to.
            model.NumKeyValueHeads = model.NumAttentionHeads;
            model.HeadDim = model.QkNopeHeadDim.Value + model.QkRopeHeadDim.Value;
            model.Derivations.Add($"Latent attention: query/key head width qk_nope_head_dim + qk_rope_head_dim = {model.QkNopeHeadDim} + {model.QkRopeHeadDim} = {model.HeadDim}, value width {model.VHeadDim}, " +
                                  (model.QLoraRank.HasValue ? $"query rank {model.QLoraRank}" : "no query compression (q_lora_rank null: q_proj)") +
                                  $", key/value rank {model.KvLoraRank}; the KV cache holds kv_lora_rank + qk_rope_head_dim = {model.KvLoraRank + model.QkRopeHeadDim} values per token and layer.");
        }
    }
}
