using System;
using System.Globalization;
using System.IO;
using System.Linq;
using MfuTools.Cmdlets.Infrastructure;
using MfuTools.Core.Hardware;
using MfuTools.Core.Mfu;
using MfuTools.Core.Results;
using Xunit;

namespace MfuTools.Tests.Cmdlets
{
    public class MeasureMfuCommandTests
    {
        /// <summary>A step log as a training script might write it: seconds per step, with one empty, one zero, one negative and one non-numeric row.</summary>
        private const string StepLog =
            "step,step_time,loss\n" +
            "1,1.5,2.31\n" +
            "2,,2.30\n" +
            "3,0,2.29\n" +
            "4,-1.25,2.28\n" +
            "5,fast,2.27\n" +
            "6,2.25,2.26\n";

        [Fact]
        public void StepLog_SameMfuUnderGermanAndEnglish()
        {
            var english = MeasureStepLog("en-US");
            var german = MeasureStepLog("de-DE");

            Assert.Equal(2, english.Results.Length);
            Assert.Equal(english.Results, german.Results);

            // B = 32, S = 2048 Qwen2.5-7B steps are 32 · 91,930,553,745,408 Matmul FLOPs;
            // at 1.5 s on 8 H100 SXM (989.4e12 FLOP/s dense BF16) that is 0.24783 MFU.
            Assert.Equal(32 * 91_930_553_745_408.0 / (1.5 * 8 * 989.4e12), english.Results[0], 12);
            Assert.Equal(english.Results[0] * 1.5 / 2.25, english.Results[1], 12);
        }

        [Fact]
        public void StepLog_BadRowsGiveOneErrorEach()
        {
            var run = MeasureStepLog("de-DE");

            Assert.Equal(
                new[]
                {
                    "ThroughputMissing,MfuTools.Cmdlets.Commands.MeasureMfuCommand",
                    "ThroughputInvalid,MfuTools.Cmdlets.Commands.MeasureMfuCommand",
                    "ThroughputInvalid,MfuTools.Cmdlets.Commands.MeasureMfuCommand",
                    "ParameterArgumentTransformationError,MfuTools.Cmdlets.Commands.MeasureMfuCommand",
                },
                run.ErrorIds);
        }

        [Fact]
        public void InvariantNumber_RejectsGermanDecimalComma()
        {
            var attribute = new InvariantNumberAttribute();
            var saved = CultureInfo.CurrentCulture;
            try
            {
                CultureInfo.CurrentCulture = new CultureInfo("de-DE");

                Assert.Equal(1.5, attribute.Transform(null, "1.5"));
                Assert.Equal(1234.5, attribute.Transform(null, " 1234.5 "));
                Assert.Null(attribute.Transform(null, ""));
                Assert.Throws<System.Management.Automation.ArgumentTransformationMetadataException>(() => attribute.Transform(null, "1,5"));
            }
            finally
            {
                CultureInfo.CurrentCulture = saved;
            }
        }

        [Theory]
        [InlineData("bfloat16", Precision.BF16)]
        [InlineData("torch.float16", Precision.FP16)]
        [InlineData("float8_e4m3fn", Precision.FP8)]
        [InlineData("fp8", Precision.FP8)]
        public void Dtype_NamesBindToPrecision(string dtype, Precision expected)
        {
            using (var shell = new PowerShellRunner())
            {
                var result = shell.Run<MfuResult>(
                    "[pscustomobject]@{ tps = 3000; dtype = $dtype } | Measure-Mfu -Model Qwen2.5-7B -Accelerator H100 -WarningAction SilentlyContinue",
                    new System.Collections.Generic.Dictionary<string, object> { ["dtype"] = dtype }).Single();

                Assert.Equal(expected, result.Precision);
            }
        }

        [Fact]
        public void Dtype_UnknownIsBindingError()
        {
            using (var shell = new PowerShellRunner())
            {
                shell.Run("[pscustomobject]@{ tps = 3000; dtype = 'float64' } | Measure-Mfu -Model Qwen2.5-7B -Accelerator H100");

                Assert.Equal("ParameterArgumentTransformationError,MfuTools.Cmdlets.Commands.MeasureMfuCommand", Assert.Single(shell.Errors).FullyQualifiedErrorId);
                Assert.Empty(shell.Output);
            }
        }

        [Theory]
        [InlineData("DeviceCount", "eight")]
        [InlineData("DeviceCount", "8.5")]
        [InlineData("BatchSize", "lots")]
        [InlineData("Recompute", "partial")]
        public void UnreadableColumn_IsRowError(string column, string text)
        {
            // Without its own conversion PowerShell would skip these values and use the defaults.
            using (var shell = new PowerShellRunner())
            {
                var script = $"[pscustomobject]@{{ tps = 3000; {column} = '{text}' }}, [pscustomobject]@{{ tps = 3000 }} | Measure-Mfu -Model Qwen2.5-7B -Accelerator H100";
                var results = shell.Run<MfuResult>(script);

                Assert.Single(results);
                Assert.Equal("ParameterArgumentTransformationError,MfuTools.Cmdlets.Commands.MeasureMfuCommand", Assert.Single(shell.Errors).FullyQualifiedErrorId);
            }
        }

        [Fact]
        public void WholeNumberColumns_BindFromText()
        {
            using (var shell = new PowerShellRunner())
            {
                var result = shell.Run<MfuResult>(
                    "[pscustomobject]@{ step_time = '2'; world_size = '16'; GlobalBatchSize = '64'; SequenceLength = '4096'; Recompute = 'full' } | Measure-Mfu -Model Qwen2.5-7B -Accelerator H100").Single();

                Assert.Equal(16, result.DeviceCount);
                Assert.Equal(64, result.BatchSize);
                Assert.Equal(4096, result.SequenceLength);
                Assert.Equal(Recompute.Full, result.Recompute);
            }
        }

        [Fact]
        public void FirstThroughputPresent_IsUsed()
        {
            using (var shell = new PowerShellRunner())
            {
                var result = shell.Run<MfuResult>(
                    "[pscustomobject]@{ tokens_per_second = 24000; samples_per_second = 99 } | " +
                    "Measure-Mfu -Model Qwen2.5-7B -DeviceCount 8 -Accelerator H100 -Verbose").Single();

                Assert.Empty(shell.Errors);
                Assert.Equal(ThroughputKind.TokensPerSecond, result.ThroughputSource);
                Assert.Contains(shell.Verbose, v => v.Contains("-TokensPerSecond") && v.Contains("ignoring -SamplesPerSecond"));
                Assert.Contains(shell.Verbose, v => v.Contains("resolved to NVIDIA H100 SXM5 80GB"));
            }
        }

        [Fact]
        public void UnknownAccelerator_ListsClosest()
        {
            using (var shell = new PowerShellRunner())
            {
                shell.Run("Measure-Mfu -Model Qwen2.5-7B -TokensPerSecond 1000 -Accelerator 'H1OO'");

                var error = Assert.Single(shell.Errors);
                Assert.Equal("AcceleratorNotFound,MfuTools.Cmdlets.Commands.MeasureMfuCommand", error.FullyQualifiedErrorId);
                Assert.Contains("Closest entries", error.Exception.Message);
            }
        }

        [Fact]
        public void NoHardware_IsAnError()
        {
            using (var shell = new PowerShellRunner())
            {
                shell.Run("Measure-Mfu -Model Qwen2.5-7B -TokensPerSecond 1000");

                Assert.Equal("HardwareMissing,MfuTools.Cmdlets.Commands.MeasureMfuCommand", Assert.Single(shell.Errors).FullyQualifiedErrorId);
            }
        }

        [Fact]
        public void AcceleratorAndPeak_IsAnError()
        {
            using (var shell = new PowerShellRunner())
            {
                shell.Run("Measure-Mfu -Model Qwen2.5-7B -TokensPerSecond 1000 -Accelerator H100 -PeakFlopsPerSecond 1e15");

                Assert.Equal("HardwareConflict,MfuTools.Cmdlets.Commands.MeasureMfuCommand", Assert.Single(shell.Errors).FullyQualifiedErrorId);
            }
        }

        [Fact]
        public void AcceleratorObject_IsAccepted()
        {
            using (var shell = new PowerShellRunner())
            {
                var result = shell.Run<MfuResult>(
                    "Measure-Mfu -Model Qwen2.5-7B -TokensPerSecondPerDevice 3000 -DeviceCount 8 -Accelerator (Get-MfuAccelerator 'NVIDIA A100-SXM4-40GB')").Single();

                Assert.Equal("NVIDIA A100 SXM4 40GB", result.Accelerator);
                Assert.Equal(312e12, result.PeakFlopsPerSecond);
            }
        }

        [Fact]
        public void StepSecondsWithoutBatch_Warns()
        {
            using (var shell = new PowerShellRunner())
            {
                shell.Run("Measure-Mfu -Model Qwen2.5-7B -StepSeconds 2 -Accelerator H100");

                Assert.Contains(shell.Warnings, w => w.Contains("-BatchSize"));
            }
        }

        [Fact]
        public void Get_MfuAccelerator_WildcardAndResolve()
        {
            using (var shell = new PowerShellRunner())
            {
                var h100s = shell.Run<Accelerator>("Get-MfuAccelerator *H100*");
                var printed = shell.Run<Accelerator>("Get-MfuAccelerator 'NVIDIA H100 80GB HBM3'").Single();

                Assert.Equal(3, h100s.Count);
                Assert.Equal("NVIDIA H100 SXM5 80GB", printed.Name);
            }
        }

        [Fact]
        public void Get_MfuAccelerator_UnknownIsError()
        {
            using (var shell = new PowerShellRunner())
            {
                shell.Run("Get-MfuAccelerator Z900, L4");

                Assert.Equal("AcceleratorNotFound,MfuTools.Cmdlets.Commands.GetMfuAcceleratorCommand", Assert.Single(shell.Errors).FullyQualifiedErrorId);
                Assert.Equal("NVIDIA L4", ((Accelerator)shell.Output.Single().BaseObject).Name);
            }
        }

        private static (double[] Results, string[] ErrorIds) MeasureStepLog(string culture)
        {
            var file = Path.Combine(Path.GetTempPath(), $"mfu-steps-{Guid.NewGuid():N}.csv");
            File.WriteAllText(file, StepLog);
            var saved = CultureInfo.CurrentCulture;
            try
            {
                CultureInfo.CurrentCulture = new CultureInfo(culture);
                using (var shell = new PowerShellRunner())
                {
                    var results = shell.Run<MfuResult>(
                        $"[cultureinfo]::CurrentCulture = '{culture}'; " +
                        "Import-Csv -LiteralPath $file | Measure-Mfu -Model Qwen2.5-7B -BatchSize 32 -DeviceCount 8 -Accelerator H100",
                        new System.Collections.Generic.Dictionary<string, object> { ["file"] = file });
                    return (results.Select(r => r.Mfu).ToArray(), shell.Errors.Select(e => e.FullyQualifiedErrorId).ToArray());
                }
            }
            finally
            {
                CultureInfo.CurrentCulture = saved;
                File.Delete(file);
            }
        }
    }
}
