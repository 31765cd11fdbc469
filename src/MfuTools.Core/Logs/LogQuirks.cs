using System;
using System.Collections.Generic;

namespace MfuTools.Core.Logs
{
    /// <summary>
    /// Names of the known ways a framework's printed throughput departs from model FLOPs.
    /// A record lists the quirks that apply to its printed number in its Quirk property,
    /// separated by ", ", so that a difference from MfuTools' number is explained rather
    /// than silent. The names are a public contract, like error ids.
    /// </summary>
    public static class LogQuirks
    {
        /// <summary>
        /// Megatron-DeepSpeed's "TFLOPs" multiplies its forward-plus-backward count by 4/3 when
        /// activation checkpointing is on (one more forward pass): hardware FLOPs, not model FLOPs.
        /// </summary>
        public const string HardwareFlopsWithRecompute = "HardwareFlopsWithRecompute";

        /// <summary>nanoGPT divides by the A100's bf16 peak of 312 TFLOP/s whatever the GPU.</summary>
        public const string A100PeakOnAnyGpu = "A100PeakOnAnyGpu";

        /// <summary>nanoGPT prints a running average of its MFU: 0.9 × the previous value + 0.1 × this step's.</summary>
        public const string RunningAverage = "RunningAverage";

        /// <summary>
        /// The Hugging Face Trainer's total_flos is 6 × parameters without embeddings × tokens:
        /// no attention products, and no logits when the output layer is tied to the embedding.
        /// </summary>
        public const string TotalFlosOmitsAttentionAndTiedLogits = "TotalFlosOmitsAttentionAndTiedLogits";

        /// <summary>
        /// The month Megatron-LM began to halve the attention term of its printed TFLOP/s/GPU for
        /// causal attention. Logs dated earlier match the Megatron convention without causal halving.
        /// </summary>
        public static readonly DateTime MegatronCausalHalvingSince = new DateTime(2025, 3, 1);

        private static readonly Dictionary<string, string> Descriptions = new Dictionary<string, string>
        {
            [HardwareFlopsWithRecompute] = "when activation checkpointing is on, the printed TFLOPs counts the recomputed forward pass (4 passes instead of 3), so it is hardware FLOPs and model FLOPs are 3/4 of it",
            [A100PeakOnAnyGpu] = "the printed MFU divides by the A100's 312 TFLOP/s whatever GPU ran the job",
            [RunningAverage] = "the printed MFU is a running average, 0.9 × the previous printed value + 0.1 × this step's",
            [TotalFlosOmitsAttentionAndTiedLogits] = "total_flos is 6 × parameters without embeddings × tokens: it leaves out the attention products and, for a tied output layer, the logits",
        };

        /// <summary>Returns a sentence that explains a quirk name, or the name itself when unknown.</summary>
        public static string Describe(string quirk) =>
            quirk != null && Descriptions.TryGetValue(quirk, out var text) ? text : quirk;

        /// <summary>Joins quirk names the way the Quirk property lists them.</summary>
        public static string Join(params string[] quirks) => string.Join(", ", quirks);
    }
}
