using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using MfuTools.Core.Logs;
using Xunit;

namespace MfuTools.Tests.Logs
{
    /// <summary>
    /// The ways real logs are messy: garbled and cut-off lines, colour codes, launcher
    /// prefixes, records wrapped over several lines, typos in field names. Built from lines
    /// of the published excerpts, changed one way at a time.
    /// </summary>
    public class MessyLogTests
    {
        // Every field a record carries, for comparing two readings of the same steps.
        private static string Describe(MfuTools.Core.Results.TrainingLogRecord r) =>
            string.Join("|", r.Framework, r.Step, r.StepSeconds, r.GlobalBatchSize, r.SequenceLength, r.TokensPerSecondPerDevice, r.SamplesPerSecond,
                r.DeviceCount, r.Loss, r.ReportedFlopsPerSecondPerDevice, r.ReportedMfu, r.ReportedPeakFlopsPerSecond, r.Quirk);

        private const string NanoGpt = "nanogpt-gpt2-124m-1xv100-issue215.log";
        private const string MegatronLM = "megatron-lm-mixtral8x7b-16xh100-run1.log";
        private const string Bloom = "megatron-ds-bloom176b-tr11-main.log";
        private const string Torchtitan = "torchtitan-llama3-8b-8xh200.log";

        [Fact]
        public void GarbledLine_KeepsGoodRecords()
        {
            var lines = LogFiles.Lines(NanoGpt);
            lines[3] = "2023-03-22 09:31:12 iter 2950: loss 4.0977, time 10#6.94ms, mfu 15.34%";
            var file = LogFiles.Write(".log", lines);

            var (records, warnings) = LogFiles.Read(file);

            Assert.Equal(14, records.Count);
            Assert.DoesNotContain(records, r => r.Step == 2950);
            var skipped = warnings.Where(w => w.StartsWith("Skipped")).ToList();
            var warning = Assert.Single(skipped);
            Assert.Contains("line 4 ", warning);
            Assert.Contains(file, warning);
        }

        [Fact]
        public void GarbledRecordStart_IsWarnedNotPassedOver()
        {
            var lines = LogFiles.Lines(Bloom).Take(3).ToArray();
            lines[1] = lines[1].Replace("iteration    31214/", "iterat#on    31214/");

            var (records, warnings) = LogFiles.Read(LogFiles.Write(".log", lines));

            Assert.Equal(new long?[] { 12695, 31215 }, records.Select(r => r.Step));
            Assert.Contains("line 2 ", Assert.Single(warnings));
        }

        [Fact]
        public void AnsiColourCodes_AreRemoved()
        {
            // torchtitan colours each field; the published excerpt lost the ESC bytes of one code.
            var line = "[rank0]:2025-02-13 11:33:45,521 - root - INFO - \u001b[34mstep: 10  \u001b[32mloss:  9.8821  \u001b[33mmemory: 49.59GiB(35.46%)  \u001b[34mtps: 7,026  \u001b[35mmfu: 41.15%\u001b[39m";

            var (records, warnings) = LogFiles.Read(LogFiles.Write(".log", new[] { line }));

            Assert.Empty(warnings);
            Assert.Equal(7026, Assert.Single(records).TokensPerSecondPerDevice);
            Assert.Equal(0.4115, records[0].ReportedMfu.Value, 12);
        }

        [Theory]
        [InlineData("[default7]: ")]
        [InlineData("[1,7]<stdout>:")]
        [InlineData("7: ")]
        [InlineData("")]
        public void RankPrefixes_AreRemoved(string prefix)
        {
            var line = prefix + LogFiles.Lines(MegatronLM)[0].TrimStart();

            var (records, warnings) = LogFiles.Read(LogFiles.Write(".log", new[] { line }));

            Assert.Empty(warnings);
            Assert.Equal(10, Assert.Single(records).Step);
        }

        [Theory]
        [InlineData(80)]
        [InlineData(133)]
        public void HardWrappedRecord_IsJoined(int width)
        {
            // Hard-wrapped at a fixed width, as a terminal or fold(1) does, between two whole lines.
            var lines = LogFiles.Lines(Bloom).Take(3).ToList();
            var wrapped = new List<string> { lines[0] };
            for (var i = 0; i < lines[1].Length; i += width)
            {
                wrapped.Add(lines[1].Substring(i, System.Math.Min(width, lines[1].Length - i)));
            }

            wrapped.Add(lines[2]);

            var (records, warnings) = LogFiles.Read(LogFiles.Write(".log", wrapped));

            Assert.Empty(warnings);
            Assert.Equal(3, records.Count);
            var joined = records.Step(31214);
            Assert.Equal(2, joined.Line);
            Assert.Equal(106.46, joined.StepSeconds.Value, 12);
            Assert.Equal(147.29e12, joined.ReportedFlopsPerSecondPerDevice.Value, 0);
        }

        public static TheoryData<string> TextLogs => new TheoryData<string> { MegatronLM, Bloom, Torchtitan, NanoGpt };

        [Theory]
        [MemberData(nameof(TextLogs))]
        public void EveryRecordWrapped_GivesTheSameRecords(string fileName)
        {
            var original = LogFiles.Read(TestData.Log(fileName));
            var wrapped = new List<string>();
            foreach (var line in LogFiles.Lines(fileName))
            {
                // Wrap only the step lines: the run facts torchtitan states before its steps are read line by line.
                var isStep = original.Records.Any(r => LogFiles.Lines(fileName)[r.Line - 1] == line);
                for (var i = 0; isStep && i < line.Length; i += 64)
                {
                    wrapped.Add(line.Substring(i, System.Math.Min(64, line.Length - i)));
                }

                if (!isStep)
                {
                    wrapped.Add(line);
                }
            }

            var (records, warnings) = LogFiles.Read(LogFiles.Write(".log", wrapped));

            Assert.Equal(original.Warnings.Count, warnings.Count);
            Assert.Equal(original.Records.Select(Describe), records.Select(Describe));
        }

        [Theory]
        [MemberData(nameof(TextLogs))]
        public void EveryLineColouredAndPrefixed_GivesTheSameRecords(string fileName)
        {
            var original = LogFiles.Read(TestData.Log(fileName));
            var messy = LogFiles.Lines(fileName).Select(line => "[rank3]:\u001b[32m" + line.TrimStart() + "\u001b[0m");

            var (records, warnings) = LogFiles.Read(LogFiles.Write(".log", messy));

            Assert.Equal(original.Warnings.Count, warnings.Count);
            Assert.Equal(original.Records.Select(Describe), records.Select(Describe));
        }

        [Fact]
        public void TorchtitanTitanPrefixAndTflops_AreRead()
        {
            // Later torchtitan versions prefix "[titan]" and print grad_norm and tflops too.
            var line = "[titan] 2025-06-01 10:00:00,000 - root - INFO - step: 20  loss:  7.1234  grad_norm:  1.5000  memory: 60.12GiB(63.27%)  tps: 6,543  tflops: 379.02  mfu: 38.32%";

            var (records, warnings) = LogFiles.Read(LogFiles.Write(".log", new[] { line }));

            Assert.Empty(warnings);
            var record = Assert.Single(records);
            Assert.Equal(6543, record.TokensPerSecondPerDevice);
            Assert.Equal(379.02e12, record.ReportedFlopsPerSecondPerDevice.Value, 0);
            Assert.Equal(0.3832, record.ReportedMfu.Value, 12);
        }

        [Fact]
        public void MicrosoftDeepSpeed_Tgs_IsRead()
        {
            // Microsoft's Megatron-DeepSpeed prints the step time in ms, tgs and TFLOPs.
            var line = " iteration      100/  143051 | consumed samples:        51200 | consumed tokens:    104857600 | elapsed time per iteration (ms): 5423.1 | learning rate: 1.000E-04 | global batch size:   512 | lm loss: 6.512345E+00 | loss scale: 1.0 | grad norm: 0.812 | actual seqlen:  2048 | number of skipped iterations:   0 | number of nan iterations:   0 | samples per second: 94.411 | tokens per gpu per second (tgs): 3020.7 | TFLOPs: 131.24 |";

            var (records, warnings) = LogFiles.Read(LogFiles.Write(".log", new[] { line }));

            Assert.Empty(warnings);
            var record = Assert.Single(records);
            Assert.Equal(TrainingFramework.MegatronDeepSpeed, record.Framework);
            Assert.Equal(5.4231, record.StepSeconds.Value, 12);
            Assert.Equal(3020.7, record.TokensPerSecondPerDevice.Value, 12);
            Assert.Equal(2048, record.SequenceLength);
            Assert.Equal(LogQuirks.HardwareFlopsWithRecompute, record.Quirk);
        }

        [Fact]
        public void MegatronTimerLines_AreNotJoined()
        {
            // Megatron-LM prints its timers and memory report after an iteration line, without timestamps.
            var lines = new List<string>
            {
                LogFiles.Lines(MegatronLM)[0],
                "[Rank 0] (after 10 iterations) memory (MB) | allocated: 20512.3 | max allocated: 60321.9 | reserved: 65214.0 | max reserved: 65214.0",
                "(min, max) time across ranks (ms):",
                "    forward-backward ...............................: (9410.75, 9411.47)",
                "    optimizer ......................................: (80.22, 80.61)",
                LogFiles.Lines(MegatronLM)[1],
            };

            var (records, warnings) = LogFiles.Read(LogFiles.Write(".log", lines));

            Assert.Empty(warnings);
            Assert.Equal(new long?[] { 10, 11 }, records.Select(r => r.Step));
            Assert.Equal(137.5e12, records[0].ReportedFlopsPerSecondPerDevice.Value, 0);
        }

        [Fact]
        public void NestedLauncherPrefixes_AreRemoved()
        {
            var line = "3: [rank3]:" + LogFiles.Lines(Torchtitan).First(l => l.Contains("step: 20 "));

            var (records, warnings) = LogFiles.Read(LogFiles.Write(".log", new[] { line }));

            Assert.Empty(warnings);
            Assert.Equal(7080, Assert.Single(records).TokensPerSecondPerDevice);
        }

        [Fact]
        public void UnreadableValues_AreWarnedNotThrown()
        {
            var lines = new[]
            {
                "iter 99999999999999999999999: loss 3.9883, time 1099.34ms, mfu 15.34%",
                "{'loss': , 'grad_norm': 3.19, 'epoch': 1.12}",
                "Building 2-D device mesh with ['dp', 'tp'], [99999999999, 8]",
                "step: 10  loss:  9.8821  memory: 49.59GiB(35.46%)  tps: 7,026  mfu: 41.15%",
            };

            var (records, warnings) = LogFiles.Read(LogFiles.Write(".log", lines));

            Assert.Equal(2, warnings.Count);
            Assert.Contains("line 1 ", warnings[0]);
            Assert.Contains("line 2 ", warnings[1]);
            Assert.Null(Assert.Single(records).DeviceCount);
        }

        [Fact]
        public void TypoInFieldName_IsForgiven()
        {
            var line = LogFiles.Lines(MegatronLM)[0].Replace("elapsed time per iteration (ms)", "elapsed time per iteraton (ms)");

            var (records, warnings) = LogFiles.Read(LogFiles.Write(".log", new[] { line }));

            Assert.Empty(warnings);
            Assert.Equal(9.4964, Assert.Single(records).StepSeconds.Value, 12);
        }

        [Fact]
        public void TypoInUnit_IsNotGuessed()
        {
            // "(ms)" and "(s)" differ by one letter: a unit is never matched loosely.
            var line = LogFiles.Lines(MegatronLM)[0].Replace("(ms)", "(mss)");

            var (records, warnings) = LogFiles.Read(LogFiles.Write(".log", new[] { line }));

            Assert.Empty(records);
            Assert.Contains("(mss)", Assert.Single(warnings));
        }

        [Fact]
        public void CutOffLines_AreWarned()
        {
            var lines = LogFiles.Lines(Torchtitan).ToList();
            var step20 = lines.FindIndex(l => l.Contains("step: 20 "));
            lines[step20] = lines[step20].Substring(0, lines[step20].IndexOf("tps:") + 8);
            var last = lines.FindLastIndex(l => l.Contains("step: 100"));
            lines.RemoveRange(last + 1, lines.Count - last - 1);
            lines[last] = lines[last].Substring(0, lines[last].Length - 3);

            var (records, warnings) = LogFiles.Read(LogFiles.Write(".log", lines));

            Assert.DoesNotContain(records, r => r.Step == 20 || r.Step == 100);
            Assert.Equal(9, records.Count);
            Assert.Equal(2, warnings.Count);
            Assert.Contains($"line {step20 + 1} ", warnings[0]);
            Assert.Contains("cut off", warnings[0]);
            Assert.Contains("end of the file", warnings[1]);
        }

        [Fact]
        public void CrLfLineEndings_AreRead()
        {
            var file = LogFiles.Write(".log", LogFiles.Lines(NanoGpt), "\r\n");

            var (records, _) = LogFiles.Read(file);

            Assert.Equal(15, records.Count);
            Assert.Equal(1.0993400000000001, records[0].StepSeconds.Value, 12);
        }

        [Fact]
        public void NanoGptBeforeFiveIterations_HasNoMfu()
        {
            // nanoGPT prints its running MFU's start value, -1.0, as "-100.00%" until it has measured.
            var (records, warnings) = LogFiles.Read(LogFiles.Write(".log", new[] { "iter 0: loss 10.9855, time 31268.66ms, mfu -100.00%" }));

            Assert.Empty(warnings);
            Assert.Null(Assert.Single(records).ReportedMfu);
            Assert.Equal(string.Empty, records[0].Quirk);
        }

        [Fact]
        public void PrintedTrainerDictionaries_AreRead()
        {
            var lines = new[]
            {
                " 4%|▍         | 5/120 [00:03<01:10,  1.63it/s]{'loss': 1.2848, 'grad_norm': 33.36528015136719, 'learning_rate': 6.666666666666667e-06, 'epoch': 0.12}",
                "{'eval_loss': 0.10790343582630157, 'eval_runtime': 0.6448, 'eval_samples_per_second': 248.135, 'eval_steps_per_second': 31.017, 'epoch': 0.5}",
                "{'loss': np.float64(0.5039), 'grad_norm': 11.8250732421875, 'learning_rate': 9.98292246503335e-06, 'epoch': 0.25}",
                "{'train_runtime': 80.2776, 'train_samples_per_second': 23.917, 'train_steps_per_second': 1.495, 'train_loss': 0.11913943774998188, 'epoch': 3.0}",
                "{'grad_norm': 3.19, 'learning_rate': 7.5e-06, 'loss': 0.0458, 'epoch': 1.12}",
            };

            var (records, warnings) = LogFiles.Read(LogFiles.Write(".log", lines));

            Assert.Empty(warnings);
            Assert.Equal(4, records.Count);
            Assert.All(records, r => Assert.Equal(TrainingFramework.HuggingFaceTrainer, r.Framework));
            Assert.Equal(0.0458, records[3].Loss.Value, 12);
            Assert.Equal(1.2848, records[0].Loss.Value, 12);
            Assert.Equal(0.5039, records[1].Loss.Value, 12);
            Assert.Equal(23.917, records[2].SamplesPerSecond.Value, 12);
            Assert.Null(records[2].Step);
        }

        [Fact]
        public void Numbers_ParseTheSameUnderGermanCulture()
        {
            var saved = Thread.CurrentThread.CurrentCulture;
            try
            {
                Thread.CurrentThread.CurrentCulture = new CultureInfo("de-DE");
                var (records, _) = LogFiles.Read(TestData.Log(Torchtitan));

                Assert.Equal(7026, records.Step(10).TokensPerSecondPerDevice);
                Assert.Equal(9.8821, records.Step(10).Loss.Value, 12);
            }
            finally
            {
                Thread.CurrentThread.CurrentCulture = saved;
            }
        }

        [Fact]
        public void BrokenTrainerState_KeepsRecordsBeforeTheBreak()
        {
            var text = System.IO.File.ReadAllText(TestData.Log("hf-trainer_state-qwen2.5-0.5b-rtx4090.json"));
            var cut = text.Substring(0, text.IndexOf("\"step\": 25"));
            var file = LogFiles.Write(".json", new[] { cut });

            var records = new List<MfuTools.Core.Results.TrainingLogRecord>();
            var error = Assert.Throws<MfuTools.Core.Errors.MfuException>(() =>
            {
                using (var reader = TrainingLogReader.Open(file))
                {
                    foreach (var result in reader.Read())
                    {
                        records.Add(result.Record);
                    }
                }
            });

            Assert.Equal("TrainingLogJsonInvalid", error.ErrorId);
            Assert.Equal(new long?[] { 5, 10, 15, 20 }, records.Select(r => r.Step));
        }
    }
}
