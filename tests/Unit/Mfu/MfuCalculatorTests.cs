using System.Linq;
using MfuTools.Core.Catalogs;
using MfuTools.Core.Counting;
using MfuTools.Core.Errors;
using MfuTools.Core.Hardware;
using MfuTools.Core.Mfu;
using MfuTools.Core.Models;
using Xunit;

namespace MfuTools.Tests.Mfu
{
    /// <summary>MFU and HFU from published runs and from hand-worked examples.</summary>
    public class MfuCalculatorTests
    {
        private static MfuMeasurement Measure(
            string model,
            ThroughputKind kind,
            double value,
            long devices,
            string accelerator,
            Convention convention = Convention.Matmul,
            long batch = 1,
            long sequence = 2048,
            Precision precision = Precision.BF16,
            Recompute? recompute = null,
            double? reportedFlops = null,
            double? reportedMfu = null)
        {
            var request = new MfuRequest(PresetCatalog.Find(model), new RunShape(batch, sequence), convention, new Throughput(kind, value),
                devices, AcceleratorCatalog.Resolve(accelerator), precision, recompute, reportedFlops, reportedMfu);
            return MfuCalculator.Measure(request);
        }

        [Fact]
        public void PaLM540B_ParametersFromPaperDimensions()
        {
            // PaLM (Chowdhery et al. 2022, Table 1): V·h shared embedding + 118 layers of
            // (norm h + q h·48·256 + o 48·256·h + k, v h·256 each + SwiGLU 3·h·73728) + final norm h
            //   = 256000·18432 + 118·4,539,303,936 + 18432 = 540,356,474,880 ("540.35B").
            ModelConfig palm = PresetCatalog.Find("PaLM-540B");

            Assert.Equal(540_356_474_880m, palm.Parameters);
        }

        [Fact]
        public void PaLM540B_MfuIsPapersFigure()
        {
            // PaLM paper, section 4 and Appendix B: 238.3K tokens/s on 6144 TPU v4 chips
            // (275 TFLOP/s bf16 each) at S = 2048 is 46.2 % MFU:
            //   (6·540,356,474,880 + 12·118·48·256·2048) · 238,300 / (6144 · 275e12) = 0.46229.
            var result = Measure("PaLM-540B", ThroughputKind.TokensPerSecond, 238_300, 6144, "TPU v4", Convention.PaLM).Result;

            Assert.Equal(0.462, result.Mfu, 3);
            Assert.Equal(275e12, result.PeakFlopsPerSecond);
            Assert.Equal("Google TPU v4", result.Accelerator);
        }

        [Fact]
        public void NewUser_Qwen7BOnEightH100()
        {
            // Qwen2.5-7B at S = 2048 under Matmul is 91,930,553,745,408 training FLOPs per
            // 2048-token step (3 · (28 · 1,014,686,023,680 + 2·2048·3584·152064)), so
            // 44,887,965,696 per token. At 3,000 tokens/s per GPU that is 1.34664e14 FLOP/s
            // per GPU, and over the H100 SXM's dense BF16 peak of 989.4e12 (NVIDIA Hopper
            // whitepaper) the MFU is 0.136107.
            var result = Measure("Qwen2.5-7B", ThroughputKind.TokensPerSecondPerDevice, 3000, 8, "H100").Result;

            Assert.Equal(44_887_965_696m, result.ModelFlopsPerToken);
            Assert.Equal(44_887_965_696.0 * 3000, result.AchievedFlopsPerSecondPerDevice, 0);
            Assert.Equal(0.136107, result.Mfu, 6);
            Assert.Equal(24_000, result.TokensPerSecond, 6);
            Assert.Null(result.Hfu);
        }

        [Fact]
        public void Torchtitan_MatchesItsLoggedMfu()
        {
            // A torchtitan run of Llama 3 8B on 8 H200s (local batch 1, sequence 8192) logged
            // "tps: 7,080  mfu: 41.46%". torchtitan counts 6·N′ + 12·L·h·S per token with
            // N′ = 8,030,261,248 − 128,256·4096 (the untied input embedding left out):
            //   6·7,504,924,672 + 12·32·4096·8192 = 57,914,449,920 FLOPs per token,
            // and divides by 989e12; the catalog's 989.4e12 gives 0.414427.
            var result = Measure("Llama-3-8B", ThroughputKind.TokensPerSecondPerDevice, 7080, 8, "H200", Convention.Torchtitan,
                sequence: 8192, reportedMfu: 0.4146).Result;

            Assert.Equal(57_914_449_920m, result.ModelFlopsPerToken);
            Assert.Equal(0.414427, result.Mfu, 6);
            Assert.Equal(989.0 / 989.4, result.ReportedRatio.Value, 3);
        }

        [Theory]
        // Megatron-LM's num_floating_point_operations for Qwen2.5-7B at B = 1, S = 2048:
        // the GEMMs times 3 with the vocabulary already a multiple of 128, then with the
        // attention products halved as Megatron-LM has done since March 2025.
        [InlineData(Convention.Megatron, false, "91930553745408")]
        [InlineData(Convention.Megatron, true, "89405112975360")]
        // PaLM Appendix B: (6·7,615,616,512 + 12·28·28·128·2048) · 2048.
        [InlineData(Convention.PaLM, false, "98631577239552")]
        [InlineData(Convention.Matmul, false, "91930553745408")]
        public void Qwen7B_ModelFlopsPerStepByConvention(Convention convention, bool causal, string expected)
        {
            var request = new MfuRequest(PresetCatalog.Find("Qwen2.5-7B"), new RunShape(1, 2048, causal), convention,
                new Throughput(ThroughputKind.StepSeconds, 1), 1, AcceleratorCatalog.Resolve("H100"), Precision.BF16);

            Assert.Equal(decimal.Parse(expected), MfuCalculator.Measure(request).Result.ModelFlopsPerStep);
        }

        [Fact]
        public void Throughputs_AgreeWhenConsistent()
        {
            // B = 16, S = 2048 is 32,768 tokens per step; 2 s per step on 8 devices is
            // 16,384 tokens/s in all, 2,048 per device, 8 sequences per second.
            var step = Measure("Qwen2.5-7B", ThroughputKind.StepSeconds, 2, 8, "A100", batch: 16).Result.Mfu;
            var global = Measure("Qwen2.5-7B", ThroughputKind.TokensPerSecond, 16_384, 8, "A100", batch: 16).Result.Mfu;
            var perDevice = Measure("Qwen2.5-7B", ThroughputKind.TokensPerSecondPerDevice, 2_048, 8, "A100", batch: 16).Result.Mfu;
            var samples = Measure("Qwen2.5-7B", ThroughputKind.SamplesPerSecond, 8, 8, "A100", batch: 16).Result.Mfu;

            Assert.Equal(step, global, 12);
            Assert.Equal(step, perDevice, 12);
            Assert.Equal(step, samples, 12);
        }

        [Fact]
        public void RecomputeFull_AddsOneForwardOfEveryLayer()
        {
            // Matmul forward of one Qwen2.5-7B layer at B = 1, S = 2048: self_attn
            // 180,388,626,432 + mlp 834,297,397,248; 28 layers more on top of the model FLOPs.
            var result = Measure("Qwen2.5-7B", ThroughputKind.TokensPerSecondPerDevice, 3000, 8, "H100", recompute: Recompute.Full).Result;

            Assert.Equal(91_930_553_745_408m + 28 * 1_014_686_023_680m, result.HardwareFlopsPerStep);
            Assert.Equal(result.Mfu * (double)(result.HardwareFlopsPerStep / result.ModelFlopsPerStep), result.Hfu.Value, 12);
        }

        [Fact]
        public void RecomputeSelective_AddsAttentionProducts()
        {
            // Under Matmul the four attention rows count only QKᵀ and PV, 2·2·nh·S²·d =
            // 2 · 30,064,771,072 per layer, for 28 layers.
            var result = Measure("Qwen2.5-7B", ThroughputKind.StepSeconds, 1, 1, "H100", recompute: Recompute.Selective).Result;

            Assert.Equal(91_930_553_745_408m + 28 * 2 * 30_064_771_072m, result.HardwareFlopsPerStep);
        }

        [Fact]
        public void RecomputeSelective_DetailedAddsScalingAndSoftmax()
        {
            // Detailed also counts scaling and softmax, B·nh·S² = 117,440,512 each per layer.
            var result = Measure("Qwen2.5-7B", ThroughputKind.StepSeconds, 1, 1, "H100", Convention.Detailed, recompute: Recompute.Selective).Result;

            Assert.Equal(28 * (2 * 30_064_771_072m + 2 * 117_440_512m), result.HardwareFlopsPerStep - result.ModelFlopsPerStep);
        }

        [Fact]
        public void RecomputeFull_ClosedFormAddsMatmulLayers()
        {
            var result = Measure("Qwen2.5-7B", ThroughputKind.StepSeconds, 1, 1, "H100", Convention.PaLM, recompute: Recompute.Full).Result;

            Assert.Equal(98_631_577_239_552m + 28 * 1_014_686_023_680m, result.HardwareFlopsPerStep);
        }

        [Fact]
        public void RecomputeNone_HfuEqualsMfu()
        {
            var result = Measure("Qwen2.5-7B", ThroughputKind.StepSeconds, 1, 1, "H100", recompute: Recompute.None).Result;

            Assert.Equal(result.Mfu, result.Hfu);
        }

        [Fact]
        public void MfuAboveOne_Warns()
        {
            // 1e6 tokens/s per device is about 45e15 FLOP/s, far beyond any H100.
            var measurement = Measure("Qwen2.5-7B", ThroughputKind.TokensPerSecondPerDevice, 1e6, 1, "H100");

            Assert.True(measurement.Result.Mfu > 1);
            Assert.Contains(measurement.Warnings, w => w.Contains("above 100 %"));
        }

        [Fact]
        public void Fp8Run_NamesBothPeaks()
        {
            // H100 SXM: FP8 1978.9 and BF16 989.4 TFLOP/s dense, a factor of 2.
            var measurement = Measure("Qwen2.5-7B", ThroughputKind.TokensPerSecondPerDevice, 3000, 8, "H100", precision: Precision.FP8);

            Assert.Equal(1978.9e12, measurement.Result.PeakFlopsPerSecond);
            var warning = Assert.Single(measurement.Warnings);
            Assert.Contains("FP8 peak", warning);
            Assert.Contains("989.4", warning);
            Assert.Contains("2 times", warning);
        }

        [Fact]
        public void EstimatedPeak_Warns()
        {
            var measurement = Measure("Qwen2.5-7B", ThroughputKind.TokensPerSecondPerDevice, 1000, 8, "H20");

            Assert.True(measurement.Result.PeakIsEstimate);
            Assert.Contains(measurement.Warnings, w => w.Contains("estimate"));
        }

        [Fact]
        public void V100Bf16_IsAnError()
        {
            var error = Assert.Throws<MfuException>(() => Measure("Qwen2.5-7B", ThroughputKind.StepSeconds, 1, 1, "V100"));

            Assert.Equal(ErrorIds.PrecisionNotSupported, error.ErrorId);
            Assert.Contains("FP16", error.Message);
        }

        [Fact]
        public void ReportedFlops_GivesRatio()
        {
            // Reporting exactly half of our achieved FLOP/s gives a ratio of 2.
            var result = Measure("Qwen2.5-7B", ThroughputKind.TokensPerSecondPerDevice, 3000, 8, "H100", reportedFlops: 44_887_965_696.0 * 1500).Result;

            Assert.Equal(2.0, result.ReportedRatio.Value, 9);
            Assert.Null(result.ReportedMfu);
        }

        [Fact]
        public void ReportedMfu_GivesRatio()
        {
            var result = Measure("Qwen2.5-7B", ThroughputKind.TokensPerSecondPerDevice, 3000, 8, "H100", reportedMfu: 0.136107).Result;

            Assert.Equal(1.0, result.ReportedRatio.Value, 4);
            Assert.Equal(0.136107, result.ReportedMfu);
        }

        [Fact]
        public void ReportedFarOff_Warns()
        {
            var close = Measure("Qwen2.5-7B", ThroughputKind.TokensPerSecondPerDevice, 3000, 8, "H100", reportedMfu: 0.13);
            var far = Measure("Qwen2.5-7B", ThroughputKind.TokensPerSecondPerDevice, 3000, 8, "H100", reportedMfu: 0.20);

            Assert.Empty(close.Warnings);
            Assert.Contains(far.Warnings, w => w.Contains("ReportedRatio"));
        }

        [Fact]
        public void UserPeak_IsUsedAsGiven()
        {
            var request = new MfuRequest(PresetCatalog.Find("Qwen2.5-7B"), new RunShape(1, 2048), Convention.Matmul,
                new Throughput(ThroughputKind.TokensPerSecondPerDevice, 3000), 8, Accelerator.FromPeak(500e12), Precision.BF16);

            var result = MfuCalculator.Measure(request).Result;

            Assert.Equal(44_887_965_696.0 * 3000 / 500e12, result.Mfu, 12);
            Assert.Equal("given by the user", result.PeakSource);
        }

        [Theory]
        [InlineData(0.0)]
        [InlineData(-2.0)]
        [InlineData(double.NaN)]
        public void Throughput_RejectsNonPositive(double value)
        {
            var error = Assert.Throws<MfuException>(() => new Throughput(ThroughputKind.StepSeconds, value));

            Assert.Equal(ErrorIds.ThroughputInvalid, error.ErrorId);
        }

        [Fact]
        public void DeviceCountZero_IsAnError()
        {
            var error = Assert.Throws<MfuException>(() => Measure("Qwen2.5-7B", ThroughputKind.StepSeconds, 1, 0, "H100"));

            Assert.Equal(ErrorIds.DeviceCountInvalid, error.ErrorId);
        }
    }
}
