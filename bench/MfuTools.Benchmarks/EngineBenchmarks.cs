using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using MfuTools.Core.Catalogs;
using MfuTools.Core.Config;
using MfuTools.Core.Counting;
using MfuTools.Core.Hardware;
using MfuTools.Core.Mfu;
using MfuTools.Core.Models;
using MfuTools.Core.Results;
using Newtonsoft.Json.Linq;

namespace MfuTools.Benchmarks
{
    /// <summary>
    /// The engine's hot paths at the sizes users ask for: the per-layer breakdown of an
    /// 80-layer model, the summary of a 405B model, and reading a config. The models are
    /// built once in setup, as a cmdlet gets them from the preset catalog.
    /// </summary>
    [MemoryDiagnoser]
    public class EngineBenchmarks
    {
        private static readonly RunShape Run = new RunShape(8, 4096, causalAttention: false);

        private ModelConfig _qwen72B;
        private ModelConfig _llama405B;
        private JObject _qwen72BJson;
        private MfuRequest _llama8BStep;

        [GlobalSetup]
        public void Setup()
        {
            _qwen72B = PresetCatalog.Find("Qwen2.5-72B");
            _llama405B = PresetCatalog.Find("Llama-3.1-405B");

            // One logged step of Llama-3.1-8B on 64 H100s: 512 sequences of 4,096 tokens in 4.4 s.
            _llama8BStep = new MfuRequest(PresetCatalog.Find("Llama-3.1-8B"), new RunShape(512, 4096), Convention.Matmul,
                new Throughput(ThroughputKind.StepSeconds, 4.4), 64, AcceleratorCatalog.Resolve("H100"), Precision.BF16);

            // The dimensions of Qwen2.5-72B's config.json on Hugging Face.
            _qwen72BJson = JObject.Parse(@"{
                ""architectures"": [""Qwen2ForCausalLM""], ""model_type"": ""qwen2"", ""hidden_size"": 8192,
                ""intermediate_size"": 29568, ""num_hidden_layers"": 80, ""num_attention_heads"": 64,
                ""num_key_value_heads"": 8, ""vocab_size"": 152064, ""tie_word_embeddings"": false,
                ""max_position_embeddings"": 32768, ""sliding_window"": 131072, ""use_sliding_window"": false,
                ""max_window_layers"": 70, ""rms_norm_eps"": 1e-06, ""rope_theta"": 1000000.0 }");
        }

        /// <summary>Every module of every layer of Qwen2.5-72B: 80 × 18 + 4 = 1,444 rows.</summary>
        [Benchmark]
        public List<LayerBreakdownRow> Breakdown72B() => FlopCounter.Breakdown(_qwen72B, Run, Convention.Detailed);

        /// <summary>The same model summed per module kind, as Get-ModelFlops writes it.</summary>
        [Benchmark]
        public List<ModelFlopsRow> ByModule72B() => FlopCounter.ByModule(_qwen72B, Run, Convention.Detailed);

        /// <summary>The whole-model totals of Llama-3.1-405B (126 layers).</summary>
        [Benchmark]
        public ModelFlopsSummary Summary405B() => FlopCounter.Summary(_llama405B, Run, Convention.Detailed);

        /// <summary>Turning a parsed config.json into a model, module list included.</summary>
        [Benchmark]
        public ModelConfig ReadConfig72B() => ConfigReader.FromJson(_qwen72BJson, "config.json", "Qwen2.5-72B");

        /// <summary>The MFU of one training step with its FLOPs counted afresh, as Measure-Mfu does for the first record of each model and run shape.</summary>
        [Benchmark]
        public MfuMeasurement Mfu8B() => MfuCalculator.Measure(_llama8BStep);
    }
}
