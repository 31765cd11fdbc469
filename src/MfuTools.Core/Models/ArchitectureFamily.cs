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
    }
}
