using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using MfuTools.Core.Logs;
using MfuTools.Core.Results;
using MfuTools.Tests.Logs;
using Xunit;

namespace MfuTools.Tests.Cmdlets
{
    public class ImportTrainingLogCommandTests
    {
        private static string LogFolder => Path.GetDirectoryName(TestData.Log("SOURCES.md"));

        private static Dictionary<string, object> Vars(string name, object value) => new Dictionary<string, object> { [name] = value };

        [Fact]
        public void GetChildItemPipeline_ReadsEveryLog()
        {
            using (var shell = new PowerShellRunner())
            {
                var records = shell.Run<TrainingLogRecord>("Get-ChildItem $folder -File | Where-Object Extension -ne '.md' | Import-TrainingLog", Vars("folder", LogFolder));

                Assert.Empty(shell.Errors);

                // 3 Megatron-LM + 13 Megatron-DeepSpeed + 11 torchtitan + 15 nanoGPT + 25 Trainer records.
                Assert.Equal(67, records.Count);
                Assert.Equal(5, records.Select(r => r.Framework).Distinct().Count());
            }
        }

        [Fact]
        public void Wildcard_ExpandsToEachFile()
        {
            using (var shell = new PowerShellRunner())
            {
                var records = shell.Run<TrainingLogRecord>("Import-TrainingLog (Join-Path $folder 'megatron-*.log')", Vars("folder", LogFolder));

                Assert.Equal(16, records.Count);
                Assert.Equal(2, records.Select(r => r.File).Distinct().Count());
            }
        }

        [Theory]
        [InlineData("no-such-training.log")]
        [InlineData("no-such-*.log")]
        public void MissingFile_IsNotFoundError(string name)
        {
            using (var shell = new PowerShellRunner())
            {
                shell.Run("Import-TrainingLog (Join-Path $folder $name)", new Dictionary<string, object> { ["folder"] = LogFolder, ["name"] = name });

                var error = Assert.Single(shell.Errors);
                Assert.Equal("TrainingLogNotFound,MfuTools.Cmdlets.Commands.ImportTrainingLogCommand", error.FullyQualifiedErrorId);
                Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            }
        }

        [Fact]
        public void GarbledLine_WarnsWithFileAndLine()
        {
            var lines = LogFiles.Lines("megatron-ds-bloom176b-tr11-main.log");
            lines[5] = lines[5].Replace("elapsed time per iteration (s): 107.53", "elapsed time per iteration (s): 10?.53");
            var file = LogFiles.Write(".log", lines);

            using (var shell = new PowerShellRunner())
            {
                var records = shell.Run<TrainingLogRecord>("Import-TrainingLog -LiteralPath $file", Vars("file", file));

                Assert.Equal(12, records.Count);
                Assert.Empty(shell.Errors);
                var warning = Assert.Single(shell.Warnings);
                Assert.Contains($"line 6 of '{file}'", warning);
            }
        }

        [Fact]
        public void FileWithoutSteps_IsWarned()
        {
            var file = LogFiles.Write(".log", new[] { "nohup: ignoring input", "+ NGPU=8" });

            using (var shell = new PowerShellRunner())
            {
                var records = shell.Run("Import-TrainingLog -LiteralPath $file", Vars("file", file));

                Assert.Empty(records);
                Assert.Contains("no step records", Assert.Single(shell.Warnings));
            }
        }

        [Fact]
        public void Summary_GivesStepsSpreadAndSlowestSteps()
        {
            using (var shell = new PowerShellRunner())
            {
                var summary = shell.Run<TrainingLogSummary>("Import-TrainingLog -Summary -Path $file", Vars("file", TestData.Log("nanogpt-gpt2-124m-1xv100-issue215.log"))).Single();

                Assert.Equal(15, summary.StepsRead);
                Assert.Equal(0, summary.LinesSkipped);
                Assert.Equal(2920, summary.FirstStep);
                Assert.Equal(3060, summary.LastStep);

                // The 15 printed times sorted: the 8th is 1096.94 ms; the checkpoint iteration 3000 took 35392.33 ms.
                Assert.Equal(1.09694, summary.MedianStepSeconds.Value, 12);
                Assert.Equal(3000, summary.SlowestStep);
                Assert.Equal(35.39233, summary.SlowestStepSeconds.Value, 12);
                Assert.StartsWith("3000, 2920, ", summary.SlowestSteps);
                Assert.Equal(0.1534, summary.MedianReportedMfu.Value, 12);
                Assert.Null(summary.MedianMfu);
            }
        }

        [Fact]
        public void TokenRateSummary_ImpliesStepTimes()
        {
            using (var shell = new PowerShellRunner())
            {
                var summary = shell.Run<TrainingLogSummary>("Import-TrainingLog -Summary -Path $file", Vars("file", TestData.Log("torchtitan-llama3-8b-8xh200.log"))).Single();

                // torchtitan prints tokens per second per device. The log states global batch 8,
                // sequence 8192 and 8 devices, so step 1 (1,478 tps) took 8·8192 / (1478·8) s.
                Assert.Equal(1, summary.SlowestStep);
                Assert.Equal(8.0 * 8192 / (1478 * 8), summary.SlowestStepSeconds.Value, 12);

                // The median tps of the 11 steps is 7,042 (step 70).
                Assert.Equal(8.0 * 8192 / (7042 * 8), summary.MedianStepSeconds.Value, 12);
            }
        }

        [Fact]
        public void MeasuredSummary_GivesMfuSpread()
        {
            using (var shell = new PowerShellRunner())
            {
                var summary = shell.Run<TrainingLogSummary>(
                    "Import-TrainingLog $file | Measure-Mfu -Model Llama-3-8B -Convention Torchtitan -PeakFlopsPerSecond 9.89e14 | Get-TrainingLogSummary",
                    Vars("file", TestData.Log("torchtitan-llama3-8b-8xh200.log"))).Single();

                Assert.Equal(11, summary.StepsRead);
                Assert.Equal(TestData.Log("torchtitan-llama3-8b-8xh200.log"), summary.File);

                // Under torchtitan's own convention and peak, the median MFU is the printed median (41.24 %, step 70).
                Assert.Equal(summary.MedianReportedMfu.Value, summary.MedianMfu.Value, 3);
                Assert.True(summary.MfuP10 < summary.MedianMfu);
                Assert.True(summary.MedianMfu < summary.MfuP90);

                // Step 1 includes warm-up: 1,478 tokens per second per device, the slowest.
                Assert.Equal(1, summary.SlowestStep);
            }
        }

        [Fact]
        public void SummaryOfUnrelatedInput_IsError()
        {
            using (var shell = new PowerShellRunner())
            {
                shell.Run("'not a record' | Get-TrainingLogSummary");

                Assert.Equal("StepRecordInvalid,MfuTools.Cmdlets.Commands.GetTrainingLogSummaryCommand", Assert.Single(shell.Errors).FullyQualifiedErrorId);
            }
        }

        [Fact]
        public void LargeLog_StreamsWithProgress()
        {
            // 30,000 nanoGPT lines, about 2 MB: above the size at which progress is shown.
            var lines = Enumerable.Range(0, 30_000).Select(i => $"iter {i}: loss 3.9883, time 1099.34ms, mfu 15.34%");
            var file = LogFiles.Write(".log", lines);

            using (var shell = new PowerShellRunner())
            {
                var count = shell.Run("(Import-TrainingLog -LiteralPath $file | Measure-Object).Count", Vars("file", file)).Single();

                Assert.Equal(30_000, (int)count.BaseObject);
                Assert.Equal(ProgressRecordType.Completed, shell.Progress.Last().RecordType);
            }
        }

        [Theory]
        [InlineData("''", 1)]
        [InlineData("'16'", 16)]
        [InlineData("16.0", 16)]
        public void EmptyOrWholeDeviceCount_Binds(string value, long expected)
        {
            using (var shell = new PowerShellRunner())
            {
                var result = shell.Run<MfuResult>($"[pscustomobject]@{{ StepSeconds = 9.4964; GlobalBatchSize = 128; SequenceLength = ''; DeviceCount = {value} }} | Measure-Mfu -Model Llama-3-8B -Accelerator H100").Single();

                Assert.Empty(shell.Errors);
                Assert.Equal(expected, result.DeviceCount);
                Assert.Equal(2048, result.SequenceLength);
            }
        }

        [Fact]
        public void FractionalDeviceCount_IsRowError()
        {
            using (var shell = new PowerShellRunner())
            {
                shell.Run("[pscustomobject]@{ StepSeconds = 1.0; DeviceCount = 8.5 } | Measure-Mfu -Model Llama-3-8B -Accelerator H100");

                Assert.Equal("ParameterArgumentTransformationError,MfuTools.Cmdlets.Commands.MeasureMfuCommand", Assert.Single(shell.Errors).FullyQualifiedErrorId);
            }
        }

        [Fact]
        public void MeasureMfu_CarriesStepAndQuirk()
        {
            using (var shell = new PowerShellRunner())
            {
                // nanoGPT's GPT-2 is not counted here; any model shows the carried fields.
                var result = shell.Run<MfuResult>(
                    "Import-TrainingLog $file | Select-Object -First 1 | Measure-Mfu -Model Llama-3.2-1B -Accelerator V100 -Precision FP16 -BatchSize 60 -SequenceLength 1024 -Verbose",
                    Vars("file", TestData.Log("nanogpt-gpt2-124m-1xv100-issue215.log"))).Single();

                Assert.Equal(2920, result.Step);
                Assert.Equal("NanoGpt", result.Framework);
                Assert.Equal(1, result.Line);
                Assert.Equal("A100PeakOnAnyGpu, RunningAverage", result.Quirk);
                Assert.Equal(0.1534, result.ReportedMfu.Value, 12);
                Assert.Contains(shell.Warnings, w => w.Contains(LogQuirks.A100PeakOnAnyGpu));

                // nanoGPT divided by 312 TFLOP/s; a V100's fp16 peak is 125 TFLOP/s.
                Assert.Contains(shell.Verbose, v => v.Contains("-PeakFlopsPerSecond 3.12E+14"));
            }
        }
    }
}
