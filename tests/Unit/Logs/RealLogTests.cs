using System.IO;
using System.Linq;
using MfuTools.Core.Logs;
using Xunit;

namespace MfuTools.Tests.Logs
{
    /// <summary>
    /// Reads the published log excerpts line for line. Expected values are the numbers printed
    /// in those logs, converted to base units.
    /// </summary>
    public class RealLogTests
    {
        public static TheoryData<string, TrainingFramework, int> Files => new TheoryData<string, TrainingFramework, int>
        {
            { "megatron-lm-mixtral8x7b-16xh100-run1.log", TrainingFramework.MegatronLM, 3 },
            { "megatron-ds-bloom176b-tr11-main.log", TrainingFramework.MegatronDeepSpeed, 13 },
            { "torchtitan-llama3-8b-8xh200.log", TrainingFramework.Torchtitan, 11 },
            { "nanogpt-gpt2-124m-1xv100-issue215.log", TrainingFramework.NanoGpt, 15 },
            // 24 logging steps (every 5 of 120) plus the closing run totals.
            { "hf-trainer_state-qwen2.5-0.5b-rtx4090.json", TrainingFramework.HuggingFaceTrainer, 25 },
        };

        [Fact]
        public void EveryLogFile_IsCovered()
        {
            var listed = Files.Select(row => (string)row[0]).OrderBy(n => n);
            var present = Directory.GetFiles(Path.GetDirectoryName(TestData.Log("SOURCES.md")))
                .Select(Path.GetFileName).Where(n => n != "SOURCES.md").OrderBy(n => n);

            Assert.Equal(present, listed);
        }

        [Theory]
        [MemberData(nameof(Files))]
        public void RealLog_GivesEveryStepAndSkipsNoLine(string fileName, TrainingFramework framework, int steps)
        {
            var (records, warnings) = LogFiles.Read(TestData.Log(fileName));

            Assert.Equal(steps, records.Count);
            Assert.All(records, r => Assert.Equal(framework, r.Framework));
            Assert.DoesNotContain(warnings, w => w.StartsWith("Skipped"));
            Assert.All(records, r => Assert.Equal(TestData.Log(fileName), r.File));
        }

        [Fact]
        public void MegatronLM_ReadsMillisecondsAndTflopsPerGpu()
        {
            var (records, _) = LogFiles.Read(TestData.Log("megatron-lm-mixtral8x7b-16xh100-run1.log"));
            var step = records.Step(10);

            // " iteration 10/ 500000 | ... elapsed time per iteration (ms): 9496.4 | throughput per GPU (TFLOP/s/GPU): 137.5 | ... global batch size: 128 | lm loss: 2.092005E-01 |"
            Assert.Equal(1, step.Line);
            Assert.Equal(9.4964, step.StepSeconds.Value, 12);
            Assert.Equal(137.5e12, step.ReportedFlopsPerSecondPerDevice.Value, 0);
            Assert.Equal("TFLOP/s/GPU", step.ReportedUnit);
            Assert.Equal(128, step.GlobalBatchSize);
            Assert.Equal(0.2092005, step.Loss.Value, 12);
            Assert.Null(step.SequenceLength);
            Assert.Equal(string.Empty, step.Quirk);
            Assert.Equal(new System.DateTime(2024, 3, 30, 20, 2, 40), step.Timestamp);
        }

        [Fact]
        public void MegatronDeepSpeed_ReadsSecondsAndNamesRecompute()
        {
            var (records, _) = LogFiles.Read(TestData.Log("megatron-ds-bloom176b-tr11-main.log"));
            var step = records.Step(12695);

            // "elapsed time per iteration (s): 105.22 | ... samples per second: 19.463 | TFLOPs: 149.02 |"
            Assert.Equal(105.22, step.StepSeconds.Value, 12);
            Assert.Equal(149.02e12, step.ReportedFlopsPerSecondPerDevice.Value, 0);
            Assert.Equal(19.463, step.SamplesPerSecond.Value, 12);
            Assert.Equal(2048, step.GlobalBatchSize);
            Assert.Equal(LogQuirks.HardwareFlopsWithRecompute, step.Quirk);

            // consumed tokens 20155564032 / consumed samples 9841584 = 2048 exactly.
            Assert.Equal(2048, step.SequenceLength);

            // The BigScience lines carry only the launcher prefix, no time.
            Assert.Null(step.Timestamp);
        }

        [Fact]
        public void Torchtitan_ReadsRunFactsStatedBeforeTheSteps()
        {
            var (records, _) = LogFiles.Read(TestData.Log("torchtitan-llama3-8b-8xh200.log"));

            // Step 10 is the line with the "mmemory:" typo.
            var step = records.Step(10);
            Assert.Equal(7026, step.TokensPerSecondPerDevice);
            Assert.Equal(0.4115, step.ReportedMfu.Value, 12);
            Assert.Equal(9.8821, step.Loss.Value, 12);

            // "Peak FLOPS used for computing MFU: 9.890e+14"; "global batch size 8, sequence length 8192";
            // "Building 1-D device mesh with ['dp_shard'], [8]".
            Assert.Equal(9.89e14, step.ReportedPeakFlopsPerSecond.Value, 0);
            Assert.Equal(8, step.GlobalBatchSize);
            Assert.Equal(8192, step.SequenceLength);
            Assert.Equal(8, step.DeviceCount);
            Assert.Null(step.StepSeconds);

            // "[rank0]:2025-02-13 11:33:45,521 - root - INFO - step: 10 ..."
            Assert.Equal(new System.DateTime(2025, 2, 13, 11, 33, 45, 521), step.Timestamp);
        }

        [Fact]
        public void NanoGpt_QuirksAndNanLosses()
        {
            var (records, warnings) = LogFiles.Read(TestData.Log("nanogpt-gpt2-124m-1xv100-issue215.log"));

            // "iter 3000: loss 4.2490, time 35392.33ms, mfu 13.85%", after "step 3000: train loss ..." and "saving checkpoint".
            var checkpoint = records.Step(3000);
            Assert.Equal(11, checkpoint.Line);
            Assert.Equal(35.39233, checkpoint.StepSeconds.Value, 12);
            Assert.Equal(0.1385, checkpoint.ReportedMfu.Value, 12);
            Assert.Equal(312e12, checkpoint.ReportedPeakFlopsPerSecond.Value, 0);
            Assert.Equal("A100PeakOnAnyGpu, RunningAverage", checkpoint.Quirk);

            // Six iterations print "loss nan": Loss is empty and one warning reports it.
            Assert.Equal(6, records.Count(r => r.Loss == null));
            var note = Assert.Single(warnings);
            Assert.Contains("nan", note);
            Assert.Contains("line 12", note);
        }

        [Fact]
        public void TrainerState_ReadsLossStepsAndRunTotals()
        {
            var (records, _) = LogFiles.Read(TestData.Log("hf-trainer_state-qwen2.5-0.5b-rtx4090.json"));

            var first = records.First();
            Assert.Equal(5, first.Step);
            Assert.Equal(1.2847743034362793, first.Loss.Value, 15);

            // The closing entry: "total_flos": 597695573409792.0, "train_runtime": 80.2776,
            // "train_samples_per_second": 23.917, "train_steps_per_second": 1.495.
            var totals = records.Last();
            Assert.Equal(120, totals.Step);
            Assert.Equal(597695573409792m, totals.ReportedTotalFlops);
            Assert.Equal(23.917, totals.SamplesPerSecond.Value, 12);
            Assert.Equal(1 / 1.495, totals.StepSeconds.Value, 12);
            Assert.Equal(LogQuirks.TotalFlosOmitsAttentionAndTiedLogits, totals.Quirk);
            Assert.Null(totals.Loss);
        }
    }
}
