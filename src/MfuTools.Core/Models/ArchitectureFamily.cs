namespace MfuTools.Core.Models
{
    /// <summary>
    /// The Hugging Face implementation a config maps onto. Families that share a module
    /// tree differ only in their defaults and biases (see <see cref="ModelConfig"/>).
    /// </summary>
    public enum ArchitectureFamily
    {
        /// <summary>LlamaForCausalLM: RMSNorm, rotary, SwiGLU, bias only with attention_bias.</summary>
        Llama,

        /// <summary>MistralForCausalLM: the Llama tree with a sliding window on every layer.</summary>
        Mistral,

        /// <summary>Qwen2ForCausalLM (and the text part of Qwen2.5-VL): q/k/v bias, no o_proj bias.</summary>
        Qwen2,

        /// <summary>Qwen3ForCausalLM: the Llama tree plus per-head q_norm and k_norm, explicit head_dim.</summary>
        Qwen3,

        /// <summary>
        /// PaLM (Chowdhery et al. 2022): the Llama tree with a parallel block, where attention
        /// and the MLP read the same normalized input, so each layer has one norm.
        /// </summary>
        PaLM,

        /// <summary>MixtralForCausalLM: Mistral's attention, and a mixture of experts (block_sparse_moe) in every layer.</summary>
        Mixtral,

        /// <summary>Qwen2MoeForCausalLM (Qwen1.5-MoE, Qwen2-MoE): Qwen2's attention, routed experts plus one gated shared expert.</summary>
        Qwen2Moe,

        /// <summary>Qwen3MoeForCausalLM: Qwen3's attention, routed experts without a shared expert.</summary>
        Qwen3Moe,

        /// <summary>DeepseekV2ForCausalLM: latent attention, dense first layers, routed plus shared experts.</summary>
        DeepSeekV2,

        /// <summary>DeepseekV3ForCausalLM: DeepSeek-V2's tree with sigmoid routing and a score correction bias.</summary>
        DeepSeekV3,

        /// <summary>GPT2LMHeadModel: LayerNorm, learned position embeddings, fused c_attn, GELU, biases everywhere.</summary>
        Gpt2,
    }
}
