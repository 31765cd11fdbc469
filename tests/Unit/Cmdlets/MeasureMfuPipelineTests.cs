using System.Collections.Generic;
using System.Linq;
using MfuTools.Core.Mfu;
using MfuTools.Core.Results;
using Xunit;

namespace MfuTools.Tests.Cmdlets
{
    /// <summary>Measure-Mfu fed the way scripts feed it: records with several columns, logs, and repeated bad names.</summary>
    public class MeasureMfuPipelineTests
    {
        [Fact]
        public void StepTimeWithoutBatch_UsesSampleRate()
        {
            using (var shell = new PowerShellRunner())
            {
                var result = shell.Run<MfuResult>(
                    "[pscustomobject]@{ step_time = 0.5; samples_per_second = 64 } | Measure-Mfu -Model Qwen2.5-0.5B -PeakFlopsPerSecond 1e15").Single();

                // 64 sequences per second of the default 2048 tokens: 131,072 tokens per second,
                // which the step time alone (batch unknown) cannot give.
                Assert.Equal(ThroughputKind.SamplesPerSecond, result.ThroughputSource);
                Assert.Equal(131072.0, result.TokensPerSecond, 6);
            }
        }

        [Fact]
        public void StepTimeWithBatch_StaysFirst()
        {
            using (var shell = new PowerShellRunner())
            {
                var result = shell.Run<MfuResult>(
                    "[pscustomobject]@{ step_time = 0.5; samples_per_second = 64 } | Measure-Mfu -Model Qwen2.5-0.5B -PeakFlopsPerSecond 1e15 -BatchSize 16").Single();

                // 16 sequences of 2048 tokens every 0.5 s: 65,536 tokens per second.
                Assert.Equal(ThroughputKind.StepSeconds, result.ThroughputSource);
                Assert.Equal(65536.0, result.TokensPerSecond, 6);
            }
        }

        [Fact]
        public void TrainerLog_SkipsLossOnlyRecordsWithOneWarning()
        {
            using (var shell = new PowerShellRunner())
            {
                // The Trainer's trainer_state.json logs the loss every few steps and its speed
                // once, in the closing record (train_samples_per_second 23.917).
                var results = shell.Run<MfuResult>(
                    "Import-TrainingLog -LiteralPath $log | Measure-Mfu -Model Qwen2.5-0.5B -Accelerator 'RTX 4090' -WarningAction Continue",
                    new Dictionary<string, object> { ["log"] = TestData.Log("hf-trainer_state-qwen2.5-0.5b-rtx4090.json") });

                Assert.Empty(shell.Errors);
                Assert.NotEmpty(results);
                Assert.All(results, r => Assert.Equal(ThroughputKind.SamplesPerSecond, r.ThroughputSource));
                Assert.Single(shell.Warnings, w => w.Contains("had no step time or throughput"));
            }
        }

        [Fact]
        public void BadModelName_IsReportedOnce()
        {
            using (var shell = new PowerShellRunner())
            {
                shell.Run("1..5 | ForEach-Object { [pscustomobject]@{ TokensPerSecond = 1000 } } | Measure-Mfu -Model 'No-Such-Model' -PeakFlopsPerSecond 1e15");

                var error = Assert.Single(shell.Errors);
                Assert.StartsWith("PresetNotFound,", error.FullyQualifiedErrorId);
            }
        }

        [Fact]
        public void MissingPathAsModel_IsConfigNotFound()
        {
            using (var shell = new PowerShellRunner())
            {
                shell.Run("Get-ModelFlops -Model ./no-such-folder/config.json -Summary");

                var error = Assert.Single(shell.Errors);
                Assert.StartsWith("ConfigNotFound,", error.FullyQualifiedErrorId);
            }
        }

        [Fact]
        public void MissingSequenceLength_Warns()
        {
            using (var shell = new PowerShellRunner())
            {
                shell.Run("Measure-Mfu -Model Qwen2.5-7B -TokensPerSecondPerDevice 3000 -Accelerator H100");

                Assert.Contains(shell.Warnings, w => w.Contains("-SequenceLength was not given"));
            }
        }

        [Fact]
        public void GivenSequenceLength_DoesNotWarn()
        {
            using (var shell = new PowerShellRunner())
            {
                shell.Run("Measure-Mfu -Model Qwen2.5-7B -SequenceLength 4096 -TokensPerSecondPerDevice 3000 -Accelerator H100");

                Assert.DoesNotContain(shell.Warnings, w => w.Contains("-SequenceLength"));
            }
        }

        [Fact]
        public void TrainerLogSummary_CountsTimedSteps()
        {
            using (var shell = new PowerShellRunner())
            {
                var summary = shell.Run<TrainingLogSummary>("Import-TrainingLog -LiteralPath $log -Summary",
                    new Dictionary<string, object> { ["log"] = TestData.Log("hf-trainer_state-qwen2.5-0.5b-rtx4090.json") }).Single();

                // The Trainer times the run once (train_runtime over 120 steps), so only the
                // closing record has a step time, whatever the number of loss records.
                Assert.Equal(1, summary.TimedSteps);
                Assert.True(summary.StepsRead > 1);
            }
        }

        [Fact]
        public void BadAccelerator_IsReportedOncePerPipeline()
        {
            using (var shell = new PowerShellRunner())
            {
                shell.Run("1..5 | ForEach-Object { [pscustomobject]@{ TokensPerSecond = 1000 } } | Measure-Mfu -Model Qwen2.5-0.5B -SequenceLength 2048 -Accelerator 'H1000'");

                var error = Assert.Single(shell.Errors);
                Assert.StartsWith("AcceleratorNotFound,", error.FullyQualifiedErrorId);
            }
        }

        [Fact]
        public void MissingRowThroughput_IsReportedPerRow()
        {
            using (var shell = new PowerShellRunner())
            {
                // Row errors are about the row, so three bad rows give three errors.
                shell.Run("1..3 | ForEach-Object { [pscustomobject]@{ step_time = '' } } | Measure-Mfu -Model Qwen2.5-0.5B -SequenceLength 2048 -PeakFlopsPerSecond 1e15");

                Assert.Equal(3, shell.Errors.Count);
                Assert.All(shell.Errors, e => Assert.StartsWith("ThroughputMissing,", e.FullyQualifiedErrorId));
            }
        }

        [Fact]
        public void ShortSamples_WarnAboutSequenceLength()
        {
            using (var shell = new PowerShellRunner())
            {
                // Qwen2.5-0.5B costs about 3.5e9 training FLOPs per token (6·N with N = 494M,
                // plus attention), so 1000 samples/s of 2048 tokens is about 7e15 FLOP/s:
                // above the 1e15 peak given, so MFU is over 1 and the sample-length hint follows.
                shell.Run("Measure-Mfu -Model Qwen2.5-0.5B -SequenceLength 2048 -SamplesPerSecond 1000 -PeakFlopsPerSecond 1e15");

                Assert.Contains(shell.Warnings, w => w.Contains("each counted as 2048 tokens"));
            }
        }
    }
}
