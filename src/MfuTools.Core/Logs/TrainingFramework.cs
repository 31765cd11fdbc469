namespace MfuTools.Core.Logs
{
    /// <summary>The training framework whose log printed a step record.</summary>
    public enum TrainingFramework
    {
        /// <summary>NVIDIA Megatron-LM: step time in ms and "throughput per GPU (TFLOP/s/GPU)".</summary>
        MegatronLM,

        /// <summary>Megatron-DeepSpeed forks (BigScience, Microsoft): "TFLOPs" per GPU, samples per second.</summary>
        MegatronDeepSpeed,

        /// <summary>PyTorch torchtitan: tokens per second per device ("tps") and "mfu".</summary>
        Torchtitan,

        /// <summary>Andrej Karpathy's nanoGPT: step time in ms and a smoothed "mfu".</summary>
        NanoGpt,

        /// <summary>The Hugging Face Trainer: trainer_state.json or its printed metric dictionaries.</summary>
        HuggingFaceTrainer,
    }
}
