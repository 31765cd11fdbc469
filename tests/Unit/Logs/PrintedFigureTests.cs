using System;
using System.Collections.Generic;
using System.Linq;
using MfuTools.Core.Counting;
using MfuTools.Core.Logs;
using MfuTools.Core.Results;
using MfuTools.Tests.Cmdlets;
using Xunit;

namespace MfuTools.Tests.Logs
{
    /// <summary>
    /// Recomputes the throughput and MFU that each framework printed, from the step time or
    /// token rate in the same line, each within the precision the log prints it with. Where
    /// the printed number follows a quirk rather than model FLOPs, the test checks that the
    /// record names it.
    /// </summary>
    public class PrintedFigureTests
    {
        private static Dictionary<string, object> Log(string fileName) => new Dictionary<string, object> { ["log"] = TestData.Log(fileName) };

        [Fact]
        public void MegatronLM_TflopsPerGpu_Reproduced()
        {
            using (var shell = new PowerShellRunner())
            {
                // Mixtral 8x7B on 16 H100, global batch 128; the log does not state the sequence
                // length, and 2048 is the value that reproduces its numbers. Megatron-LM before
                // March 2025 counted full (not causal) attention, so no -CausalAttention.
                var results = shell.Run<MfuResult>(
                    "Import-TrainingLog $log | Measure-Mfu -Model Mixtral-8x7B-v0.1 -DeviceCount 16 -Accelerator H100 -SequenceLength 2048 -Convention Megatron -Verbose",
                    Log("megatron-lm-mixtral8x7b-16xh100-run1.log"));

                Assert.Empty(shell.Errors);
                Assert.Equal(3, results.Count);
                Assert.Single(shell.Verbose, v => v.Contains("dated 2024-03-30, before Megatron-LM halved"));
                foreach (var result in results)
                {
                    // Printed with one decimal in TFLOP/s; the step time's own rounding (0.05 ms in
                    // about 10 s) moves the figure by less than 0.001.
                    var printed = result.ReportedFlopsPerSecondPerDevice.Value / 1e12;
                    Assert.InRange(result.AchievedFlopsPerSecondPerDevice / 1e12, printed - 0.051, printed + 0.051);
                    Assert.Equal(Convention.Megatron, result.Convention);
                    Assert.Equal(string.Empty, result.Quirk);
                }

                // Megatron-LM's num_floating_point_operations (March 2024) for this model:
                //   12·B·S·L·h²·[(1 + nkv/nh + S/h) + (I/h)·k·3/2 + V/(2·L·h)]
                //   = 12·B·S·L·(1.75·h² + 3·I·h) + 6·B·S·h·V, with B 128, S 2048, L 32, h 4096,
                //   I 14336, k 2 experts per token, V 32000 (already a multiple of 128).
                decimal b = 128, s = 2048, l = 32, h = 4096, i = 14336, v = 32000;
                var megatron = 12 * b * s * l * (1.75m * h * h + 3 * i * h) + 6 * b * s * h * v;
                Assert.Equal(megatron, results[0].ModelFlopsPerStep);
            }
        }

        [Fact]
        public void Torchtitan_Mfu_Reproduced()
        {
            using (var shell = new PowerShellRunner())
            {
                // Llama 3 8B on 8 H200, sequence 8192. "Peak FLOPS used for computing MFU: 9.890e+14".
                var results = shell.Run<MfuResult>(
                    "Import-TrainingLog $log | ForEach-Object { $_ | Measure-Mfu -Model Llama-3-8B -Convention Torchtitan -PeakFlopsPerSecond $_.ReportedPeakFlopsPerSecond }",
                    Log("torchtitan-llama3-8b-8xh200.log"));

                Assert.Empty(shell.Errors);
                Assert.Equal(11, results.Count);
                foreach (var result in results)
                {
                    // mfu is printed to 0.01 %, tps to a whole token and the peak to four digits:
                    // allow each rounding's effect on our figure.
                    var tps = result.TokensPerSecondPerDevice;
                    var allowance = 0.00005 + result.Mfu * (0.5 / tps + 0.0005 / 9.89);
                    Assert.InRange(result.Mfu, result.ReportedMfu.Value - allowance, result.ReportedMfu.Value + allowance);
                }

                // torchtitan's FLOPs per token: 6·(parameters − token embedding) + 12·L·h·S, with the
                // 8,030,261,248 parameters the log prints, a 128256 × 4096 embedding, L 32, h 4096, S 8192.
                var perToken = 6 * (8_030_261_248m - 128_256m * 4096) + 12m * 32 * 4096 * 8192;
                Assert.Equal(perToken, results[0].ModelFlopsPerToken);
            }
        }

        [Fact]
        public void MegatronDeepSpeed_Tflops_CountRecompute()
        {
            var (records, _) = LogFiles.Read(TestData.Log("megatron-ds-bloom176b-tr11-main.log"));

            // BLOOM-176B is not an architecture MfuTools counts, so this is the BigScience fork's
            // own formula (megatron/utils.py, throughput_calculator) with the run's stated shape:
            //   FLOPs per step = 24·c·B·s·L·h²·(1 + s/(6h) + V/(16·L·h)), c = 4 with activation
            //   checkpointing (forward, recomputed forward, backward at 2×), B 2048, s 2048, L 70,
            //   h 14336, V 250880 (padded), over 384 GPUs.
            const double b = 2048, s = 2048, l = 70, h = 14336, v = 250880, gpus = 384;
            var modelFlopsPerStep = 24 * 3 * b * s * l * h * h * (1 + s / (6 * h) + v / (16 * l * h));
            var hardwareFlopsPerStep = modelFlopsPerStep * 4 / 3;

            Assert.Equal(13, records.Count);
            foreach (var record in records)
            {
                // TFLOPs printed with two decimals; the step time's rounding (0.005 s) adds about 0.007.
                var ours = hardwareFlopsPerStep / (record.StepSeconds.Value * gpus) / 1e12;
                var printed = record.ReportedFlopsPerSecondPerDevice.Value / 1e12;
                var allowance = 0.005 + ours * 0.005 / record.StepSeconds.Value;
                Assert.InRange(ours, printed - allowance, printed + allowance);
                Assert.Equal(LogQuirks.HardwareFlopsWithRecompute, record.Quirk);
            }

            // In model FLOPs the first step (105.22 s) ran at about 111.8 TFLOP/s per GPU: 35.8 % of an A100's 312.
            var first = records[0];
            var modelRate = modelFlopsPerStep / (first.StepSeconds.Value * gpus);
            Assert.Equal(111.8, modelRate / 1e12, 1);
            Assert.Equal(0.358, modelRate / 312e12, 3);
        }

        [Fact]
        public void NanoGpt_Mfu_IsTheA100RunningAverage()
        {
            var (records, _) = LogFiles.Read(TestData.Log("nanogpt-gpt2-124m-1xv100-issue215.log"));

            // nanoGPT's estimate_mfu for GPT-2 124M (12 layers, 12 heads of 64, 768 wide, block
            // 1024, vocabulary 50304, no biases), 60 sequences per iteration:
            //   N = 50304·768 + 12·(2·768 + 768·2304 + 768² + 2·768·3072) + 768 = 123,587,328
            //   (position embedding left out, tied token embedding counted once);
            //   FLOPs per token = 6·N + 12·L·H·Q·T = 6·N + 12·12·12·64·1024;
            //   per iteration × 1024 tokens × 60 sequences, divided by the A100's 312 TFLOP/s.
            const double parameters = 123_587_328;
            var flopsPerIteration = (6 * parameters + 12.0 * 12 * 12 * 64 * 1024) * 1024 * 60;

            // Start from the first printed value, then apply the running average line by line:
            // 0.9·previous + 0.1·(this line's FLOPs / time / 312e12).
            var running = records[0].ReportedMfu.Value;
            foreach (var record in records.Skip(1))
            {
                var instant = flopsPerIteration / record.StepSeconds.Value / 312e12;
                running = 0.9 * running + 0.1 * instant;

                // Printed to 0.01 %; the starting value's own rounding adds at most 0.005 %.
                Assert.InRange(running, record.ReportedMfu.Value - 0.0001, record.ReportedMfu.Value + 0.0001);
                Assert.Equal("A100PeakOnAnyGpu, RunningAverage", record.Quirk);
            }

            // The checkpoint iteration (35.4 s) pulls the average from 15.34 % to 13.85 %.
            Assert.Equal(0.1385, records.Step(3000).ReportedMfu.Value, 4);

            // The run was on a V100, whose dense fp16 tensor peak is 125 TFLOP/s: at 1097.30 ms
            // per iteration the same FLOPs are about 38 % of it, not 15 %.
            Assert.Equal(0.383, flopsPerIteration / records.Step(2930).StepSeconds.Value / 125e12, 3);
        }

        [Fact]
        public void TrainerTotalFlos_IsSixNTokens()
        {
            var (records, _) = LogFiles.Read(TestData.Log("hf-trainer_state-qwen2.5-0.5b-rtx4090.json"));
            var totals = records.Last();

            using (var shell = new PowerShellRunner())
            {
                var summary = shell.Run<ModelFlopsSummary>("Get-ModelFlops -Model Qwen2.5-0.5B -Summary").Single();

                // The Trainer's floating_point_ops is 6 × num_parameters(exclude_embeddings=True) × tokens.
                // Qwen2.5-0.5B ties its 151936 × 896 embedding to lm_head, so the logits go uncounted too.
                var withoutEmbedding = summary.Parameters - 151_936m * 896;
                Assert.Equal(357_898_112m, withoutEmbedding);

                var tokens = totals.ReportedTotalFlops.Value / (6 * withoutEmbedding);
                Assert.Equal(decimal.Truncate(tokens), tokens);

                // 278,336 tokens in 1,920 samples (120 steps of 16): about 145 tokens per sample.
                Assert.Equal(278_336m, tokens);
            }

            Assert.Equal(LogQuirks.TotalFlosOmitsAttentionAndTiedLogits, totals.Quirk);
        }
    }
}
