using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using MfuTools.Core.Counting;
using MfuTools.Core.Hardware;
using MfuTools.Core.Results;
using Xunit;

namespace MfuTools.Tests.Cmdlets
{
    public class GetComputeIntensityCommandTests
    {
        [Fact]
        public void AcceleratorName_ResolvesToCatalogRoofline()
        {
            using (var shell = new PowerShellRunner())
            {
                var rows = shell.Run<IntensityRow>("Get-ComputeIntensity -Model Qwen2.5-7B -Accelerator H100 -Layer 0 -Verbose");

                Assert.Empty(shell.Errors);
                Assert.Equal(15, rows.Count);
                // H100 SXM5 datasheet: 989.4 TFLOP/s dense BF16 over 3.35 TB/s.
                Assert.Equal(989.4e12 / 3.35e12, rows[0].RidgePoint, 9);
                Assert.Equal("NVIDIA H100 SXM5 80GB", rows[0].Accelerator);
                Assert.Contains(shell.Verbose, v => v.Contains("ridge point 295.3"));
            }
        }

        [Fact]
        public void AcceleratorObject_UsedAsGiven()
        {
            using (var shell = new PowerShellRunner())
            {
                var accelerator = AcceleratorCatalog.Resolve("A100");
                var summary = shell.Run<IntensitySummary>("Get-ComputeIntensity -Model Llama-3.1-8B -Accelerator $a -Phase Decode -Summary",
                    new Dictionary<string, object> { ["a"] = accelerator }).Single();

                Assert.Empty(shell.Errors);
                Assert.Equal("NVIDIA A100 SXM4 80GB", summary.Accelerator);
                Assert.Equal(312e12, summary.PeakFlopsPerSecond);
                Assert.Equal(2039e9, summary.MemoryBandwidth);
            }
        }

        [Fact]
        public void PeakAndBandwidth_GivenDirectly()
        {
            using (var shell = new PowerShellRunner())
            {
                var row = shell.Run<IntensityRow>("Get-ComputeIntensity -Model Qwen2.5-7B -PeakFlopsPerSecond 1e15 -MemoryBandwidth 2e12 -Layer 0").First();

                Assert.Empty(shell.Errors);
                Assert.Equal(500, row.RidgePoint, 9);
                Assert.Equal(string.Empty, row.Accelerator);
            }
        }

        [Fact]
        public void PeakStrings_ParseInvariantlyUnderGermanCulture()
        {
            var culture = Thread.CurrentThread.CurrentCulture;
            try
            {
                Thread.CurrentThread.CurrentCulture = new CultureInfo("de-DE");
                using (var shell = new PowerShellRunner())
                {
                    var row = shell.Run<IntensityRow>("[cultureinfo]::CurrentCulture = 'de-DE'; Get-ComputeIntensity -Model Qwen2.5-7B -PeakFlopsPerSecond '989.4e12' -MemoryBandwidth '3.35e12' -Layer 0").First();

                    Assert.Empty(shell.Errors);
                    Assert.Equal(989.4e12, row.PeakFlopsPerSecond);
                    Assert.Equal(3.35e12, row.MemoryBandwidth);
                }
            }
            finally
            {
                Thread.CurrentThread.CurrentCulture = culture;
            }
        }

        [Fact]
        public void DecodeContext_DefaultsToSequenceLength()
        {
            using (var shell = new PowerShellRunner())
            {
                var summary = shell.Run<IntensitySummary>("Get-ComputeIntensity -Model Qwen2.5-7B -Accelerator H100 -Phase Decode -SequenceLength 1024 -Summary").Single();

                Assert.Equal(1024, summary.ContextLength);
                // B·C·L·2·nkv·d·2 = 1·1024·28·2·4·128·2.
                Assert.Equal(58_720_256m, summary.KvCacheBytes);
            }
        }

        [Fact]
        public void WeightPrecision_DefaultsToPrecision()
        {
            using (var shell = new PowerShellRunner())
            {
                var row = shell.Run<IntensityRow>("Get-ComputeIntensity -Model Qwen2.5-7B -Accelerator H100 -Precision FP8 -Layer 0").First();

                Assert.Equal(Precision.FP8, row.WeightPrecision);
                Assert.Equal(1978.9e12, row.PeakFlopsPerSecond);
            }
        }

        [Fact]
        public void NoHardware_IsHardwareMissingError()
        {
            using (var shell = new PowerShellRunner())
            {
                shell.Run("Get-ComputeIntensity -Model Qwen2.5-7B -PeakFlopsPerSecond 1e15");

                var error = Assert.Single(shell.Errors);
                Assert.StartsWith("HardwareMissing,", error.FullyQualifiedErrorId);
            }
        }

        [Fact]
        public void PrecisionWithoutPeak_ListsAvailablePrecisions()
        {
            using (var shell = new PowerShellRunner())
            {
                shell.Run("Get-ComputeIntensity -Model Qwen2.5-7B -Accelerator V100 -Summary");

                var error = Assert.Single(shell.Errors);
                Assert.StartsWith("PrecisionNotSupported,", error.FullyQualifiedErrorId);
                Assert.Contains("FP16", error.Exception.Message);
            }
        }

        [Fact]
        public void LayerWithSummary_IsRejected()
        {
            using (var shell = new PowerShellRunner())
            {
                var id = shell.Run("try { Get-ComputeIntensity -Model Qwen2.5-7B -Accelerator H100 -Summary -Layer 0 } catch { $_.FullyQualifiedErrorId }").Single();

                Assert.StartsWith("LayerWithSummary,", id.ToString());
            }
        }

        [Fact]
        public void BadModel_WritesOneErrorOnly()
        {
            using (var shell = new PowerShellRunner())
            {
                var rows = shell.Run<IntensitySummary>("Get-ComputeIntensity -Model Qwen2.5-7B, No-Such-Model, Llama-2-7B -Accelerator H100 -Summary");

                Assert.Equal(2, rows.Count);
                var error = Assert.Single(shell.Errors);
                Assert.StartsWith("PresetNotFound,", error.FullyQualifiedErrorId);
            }
        }

        [Fact]
        public void ContextLengthOutsideDecode_Warns()
        {
            using (var shell = new PowerShellRunner())
            {
                shell.Run("Get-ComputeIntensity -Model Qwen2.5-7B -Accelerator H100 -ContextLength 8192 -Summary");

                Assert.Contains(shell.Warnings, w => w.Contains("-ContextLength"));
            }
        }
    }
}
