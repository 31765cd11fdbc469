using System.Linq;
using MfuTools.Core.Errors;
using MfuTools.Core.Hardware;
using Xunit;

namespace MfuTools.Tests.Hardware
{
    /// <summary>Catalog contents, dense peaks, and how typed and printed device names resolve.</summary>
    public class AcceleratorCatalogTests
    {
        [Theory]
        // Names as users type them: the longest family name wins.
        [InlineData("L40S", "NVIDIA L40S")]
        [InlineData("L40", "NVIDIA L40")]
        [InlineData("L4", "NVIDIA L4")]
        [InlineData("H200", "NVIDIA H200 SXM 141GB")]
        [InlineData("H20", "NVIDIA H20")]
        [InlineData("GB200", "NVIDIA GB200 (per Blackwell GPU)")]
        [InlineData("B200", "NVIDIA B200 (HGX)")]
        [InlineData("A10", "NVIDIA A10")]
        [InlineData("A10G", "NVIDIA A10G (AWS G5)")]
        // A bare family resolves to its SXM flagship; a variant word or memory size narrows it.
        [InlineData("H100", "NVIDIA H100 SXM5 80GB")]
        [InlineData("h100-sxm", "NVIDIA H100 SXM5 80GB")]
        [InlineData("H100 PCIe", "NVIDIA H100 PCIe 80GB")]
        [InlineData("H100 NVL", "NVIDIA H100 NVL 94GB (per GPU)")]
        [InlineData("H200 NVL", "NVIDIA H200 NVL 141GB")]
        [InlineData("A100", "NVIDIA A100 SXM4 80GB")]
        [InlineData("A100 40GB", "NVIDIA A100 SXM4 40GB")]
        [InlineData("V100", "NVIDIA V100 SXM2 32GB")]
        // What nvidia-smi and torch.cuda.get_device_name() print.
        [InlineData("NVIDIA H100 80GB HBM3", "NVIDIA H100 SXM5 80GB")]
        [InlineData("NVIDIA H100 PCIe", "NVIDIA H100 PCIe 80GB")]
        [InlineData("NVIDIA A100-SXM4-80GB", "NVIDIA A100 SXM4 80GB")]
        [InlineData("NVIDIA A100-SXM4-40GB", "NVIDIA A100 SXM4 40GB")]
        [InlineData("NVIDIA A100-PCIE-40GB", "NVIDIA A100 PCIe 40GB")]
        [InlineData("Tesla V100-SXM2-16GB", "NVIDIA V100 SXM2 16GB")]
        [InlineData("Tesla T4", "NVIDIA T4")]
        [InlineData("NVIDIA GeForce RTX 4090", "NVIDIA GeForce RTX 4090")]
        [InlineData("NVIDIA L40S", "NVIDIA L40S")]
        [InlineData("NVIDIA H200", "NVIDIA H200 SXM 141GB")]
        // Each MI250X die shows up as its own device, so the bare name is one die.
        [InlineData("AMD Instinct MI250X", "AMD Instinct MI250X (per GCD device)")]
        [InlineData("AMD Instinct MI250X/MI250", "AMD Instinct MI250X (per GCD device)")]
        [InlineData("MI250X 128GB", "AMD Instinct MI250X (OAM 2 GCD)")]
        [InlineData("MI300X", "AMD Instinct MI300X")]
        [InlineData("TPU v4", "Google TPU v4")]
        [InlineData("tpu-v5p", "Google TPU v5p")]
        [InlineData("Trillium", "Google TPU v6e (Trillium)")]
        [InlineData("Gaudi 3", "Intel Gaudi3 (HL-325L OAM)")]
        [InlineData("trn2", "AWS Trainium2 (Trn2)")]
        // The full catalog name, in any case.
        [InlineData("nvidia h100 nvl 94gb (per gpu)", "NVIDIA H100 NVL 94GB (per GPU)")]
        public void Resolve_PicksEntry(string typed, string expected)
        {
            Assert.Equal(expected, AcceleratorCatalog.Resolve(typed).Name);
        }

        [Fact]
        public void Resolve_ExplainsChoice()
        {
            AcceleratorCatalog.Resolve("H100", out var explanation);

            Assert.Contains("NVIDIA H100 SXM5 80GB", explanation);
            Assert.Contains("flagship", explanation);
        }

        [Theory]
        [InlineData("H1OO", "NVIDIA H100 SXM5 80GB")]
        [InlineData("mi300", "AMD Instinct MI300X")]
        [InlineData("RTX 4080", "NVIDIA GeForce RTX 4090")]
        [InlineData("TPU v3", "Google TPU v4")]
        public void Resolve_UnknownListsClosest(string typed, string closest)
        {
            var error = Assert.Throws<MfuException>(() => AcceleratorCatalog.Resolve(typed));

            Assert.Equal(ErrorIds.AcceleratorNotFound, error.ErrorId);
            Assert.Contains("Closest entries: " + closest, error.Message);
        }

        [Fact]
        public void Resolve_TwoFamiliesIsAmbiguous()
        {
            var error = Assert.Throws<MfuException>(() => AcceleratorCatalog.Resolve("H100 or A100"));

            Assert.Equal(ErrorIds.AcceleratorAmbiguous, error.ErrorId);
            Assert.Contains("A100, H100", error.Message);
        }

        [Fact]
        public void Resolve_UnmatchedMemoryIsIgnoredAndSaid()
        {
            // The part sold as "GH200 480GB" is named after the Grace CPU's 480 GB of LPDDR5X,
            // which no GPU entry has, so the size is ignored.
            var gh200 = AcceleratorCatalog.Resolve("NVIDIA GH200 480GB", out var explanation);

            Assert.Equal("NVIDIA GH200 (96GB HBM3)", gh200.Name);
            Assert.Contains("480 GB matches no GH200 entry", explanation);
        }

        [Fact]
        public void Resolve_EmptyIsNotFound()
        {
            var error = Assert.Throws<MfuException>(() => AcceleratorCatalog.Resolve("  "));

            Assert.Equal(ErrorIds.AcceleratorNotFound, error.ErrorId);
        }

        [Fact]
        public void H100Sxm_DenseBf16IsHalfTheSparseFigure()
        {
            // NVIDIA's H100 datasheet prints 1,979 TFLOP/s BF16 "with sparsity" and notes the
            // dense rate is half; the Hopper whitepaper gives 989.4 TFLOP/s dense.
            var h100 = AcceleratorCatalog.Resolve("H100 SXM");

            Assert.Equal(989.4e12, h100.PeakFlopsPerSecond(Precision.BF16));
            Assert.Equal(1978.9e12, h100.PeakFlopsPerSecond(Precision.FP8));
            Assert.Equal(80e9m, h100.MemoryBytes);
            Assert.Equal(3.35e12, h100.MemoryBandwidth);
        }

        [Fact]
        public void V100_Bf16ListsPrecisionsItHas()
        {
            // Volta has FP16 tensor cores but no BF16 (NVIDIA V100 datasheet).
            var v100 = AcceleratorCatalog.Resolve("V100");

            var error = Assert.Throws<MfuException>(() => v100.RequirePeakFlopsPerSecond(Precision.BF16));

            Assert.Equal(ErrorIds.PrecisionNotSupported, error.ErrorId);
            Assert.Contains("FP16", error.Message);
            Assert.Contains("FP32", error.Message);
        }

        [Fact]
        public void Catalog_HasEveryRowOnce()
        {
            var names = AcceleratorCatalog.All.Select(a => a.Name).ToList();

            Assert.Equal(46, names.Count);
            Assert.Equal(names.Count, names.Distinct().Count());
        }

        [Fact]
        public void Catalog_MarksUnverifiedRowsAsEstimates()
        {
            // The H20 has no public NVIDIA datasheet; the A100 figures come from its datasheet.
            Assert.True(AcceleratorCatalog.Resolve("H20").IsEstimate);
            Assert.False(AcceleratorCatalog.Resolve("A100").IsEstimate);
        }

        [Fact]
        public void TpuV4_PeakMatchesGoogleDocs()
        {
            // Google Cloud TPU v4 documentation: 275 TFLOP/s bf16 per chip.
            Assert.Equal(275e12, AcceleratorCatalog.Resolve("TPU v4").PeakFlopsPerSecond(Precision.BF16));
        }

        [Fact]
        public void FromPeak_AppliesToAnyPrecision()
        {
            var custom = Accelerator.FromPeak(500e12, 2e12);

            Assert.Equal(500e12, custom.PeakFlopsPerSecond(Precision.FP8));
            Assert.Equal(2e12, custom.MemoryBandwidth);
            Assert.True(custom.IsUserGiven);
        }

        [Theory]
        [InlineData(0.0)]
        [InlineData(-1.0)]
        [InlineData(double.NaN)]
        [InlineData(double.PositiveInfinity)]
        public void FromPeak_RejectsNonPositive(double peak)
        {
            var error = Assert.Throws<MfuException>(() => Accelerator.FromPeak(peak));

            Assert.Equal(ErrorIds.PeakInvalid, error.ErrorId);
        }

        [Theory]
        [InlineData(Precision.FP32, 4)]
        [InlineData(Precision.TF32, 4)]
        [InlineData(Precision.BF16, 2)]
        [InlineData(Precision.FP16, 2)]
        [InlineData(Precision.FP8, 1)]
        [InlineData(Precision.INT8, 1)]
        [InlineData(Precision.INT4, 0.5)]
        public void BytesPerElement_ByPrecision(Precision precision, double bytes)
        {
            Assert.Equal((decimal)bytes, PrecisionInfo.BytesPerElement(precision));
        }
    }
}
