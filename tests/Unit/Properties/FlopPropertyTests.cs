using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using CsCheck;
using MfuTools.Core.Counting;
using MfuTools.Core.Errors;
using MfuTools.Core.Modules;
using MfuTools.Core.Results;
using Xunit;

namespace MfuTools.Tests.Properties
{
    /// <summary>
    /// Relations every count must keep, checked over random valid configs (dense, and with
    /// routed experts) and run shapes. A failure prints the config and shape CsCheck shrank
    /// it to, with a seed to replay it.
    /// </summary>
    public class FlopPropertyTests
    {
        /// <summary>Samples per property: enough to reach every family and window case, a second or less each.</summary>
        private const int Iterations = 150;

        private static readonly ModuleKind[] AttentionKinds =
        {
            ModuleKind.AttentionScores, ModuleKind.AttentionScaling, ModuleKind.AttentionSoftmax, ModuleKind.AttentionValues,
        };

        private static readonly Gen<RunShape> Shapes =
            Gen.Select(Gen.Int[1, 1 << 16], Gen.Int[1, 16_384], Gen.Bool, (b, s, causal) => new RunShape(b, s, causal));

        private static readonly Gen<Convention> RowConventions = Gen.OneOf(Convention.Detailed, Convention.Matmul);

        [Fact]
        public void Totals_EqualSumOfRows()
        {
            Gen.Select(DecoderConfigGen.Small, Shapes, RowConventions).Sample((config, run, convention) =>
            {
                var model = config.Build();
                var breakdown = FlopCounter.Breakdown(model, run, convention);
                var byModule = FlopCounter.ByModule(model, run, convention);
                var summary = FlopCounter.Summary(model, run, convention);

                Assert.Equal(summary.ForwardFlops, breakdown.Sum(r => r.ForwardFlops));
                Assert.Equal(summary.ForwardFlops, byModule.Sum(r => r.ForwardFlops));
                Assert.Equal(summary.TrainingFlops, byModule.Sum(r => r.TrainingFlops));
                Assert.Equal(model.Parameters, breakdown.Sum(r => r.Parameters));
                Assert.Equal(model.Parameters, byModule.Sum(r => r.Parameters));
            }, iter: Iterations);
        }

        [Fact]
        public void Training_IsThreeTimesForward()
        {
            Gen.Select(DecoderConfigGen.Small, Shapes, RowConventions).Sample((config, run, convention) =>
            {
                var model = config.Build();
                var summary = FlopCounter.Summary(model, run, convention);

                Assert.Equal(3 * summary.ForwardFlops, summary.TrainingFlops);
                Assert.Equal(2 * summary.ForwardFlops, summary.BackwardFlops);
                Assert.All(FlopCounter.Breakdown(model, run, convention), r => Assert.Equal(3 * r.ForwardFlops, r.TrainingFlops));
            }, iter: Iterations);
        }

        [Fact]
        public void DoublingBatch_DoublesEveryCount()
        {
            Gen.Select(DecoderConfigGen.Small, Shapes, RowConventions).Sample((config, run, convention) =>
            {
                var model = config.Build();
                var doubled = new RunShape(run.BatchSize * 2, run.SequenceLength, run.CausalAttention);

                var single = FlopCounter.Breakdown(model, run, convention);
                var twice = FlopCounter.Breakdown(model, doubled, convention);

                Assert.Equal(single.Count, twice.Count);
                for (var i = 0; i < single.Count; i++)
                {
                    Assert.Equal(2 * single[i].ForwardFlops, twice[i].ForwardFlops);
                }
            }, iter: Iterations);
        }

        [Fact]
        public void KeyValueHeads_NeverChangeAttentionRows()
        {
            // Grouped-query attention shares K and V among query heads. Every query head still
            // scores every key, so qk, scaling, softmax and pv depend on nh, never on nkv.
            Gen.Select(DecoderConfigGen.Small, Shapes, RowConventions).Sample((config, run, convention) =>
            {
                var grouped = FlopCounter.Breakdown(config.Build(), run, convention);
                var multiHead = FlopCounter.Breakdown(config.WithKeyValueHeads(config.Heads).Build(), run, convention);
                var multiQuery = FlopCounter.Breakdown(config.WithKeyValueHeads(1).Build(), run, convention);

                Assert.Equal(AttentionRows(grouped), AttentionRows(multiHead));
                Assert.Equal(AttentionRows(grouped), AttentionRows(multiQuery));
            }, iter: Iterations);
        }

        [Fact]
        public void CausalHalving_ChangesOnlyAttentionRows()
        {
            Gen.Select(DecoderConfigGen.Small, Shapes, RowConventions).Sample((config, run, convention) =>
            {
                var model = config.Build();
                var full = FlopCounter.Breakdown(model, new RunShape(run.BatchSize, run.SequenceLength, false), convention);
                var causal = FlopCounter.Breakdown(model, new RunShape(run.BatchSize, run.SequenceLength, true), convention);

                for (var i = 0; i < full.Count; i++)
                {
                    if (AttentionKinds.Contains(full[i].Kind))
                    {
                        Assert.True(causal[i].ForwardFlops <= full[i].ForwardFlops, full[i].Module);
                    }
                    else
                    {
                        Assert.Equal(full[i].ForwardFlops, causal[i].ForwardFlops);
                    }
                }
            }, iter: Iterations);
        }

        [Fact]
        public void CausalHalving_HalvesUnwindowedScores()
        {
            // Without a window the causal count is S²/2 pairs instead of S², so qk and pv halve
            // exactly (their 2·B·nh·d factor is even).
            Gen.Select(DecoderConfigGen.Small.Where(c => c.SlidingWindow == null), Shapes).Sample((config, run) =>
            {
                var model = config.Build();
                var full = FlopCounter.Breakdown(model, new RunShape(run.BatchSize, run.SequenceLength, false), Convention.Matmul);
                var causal = FlopCounter.Breakdown(model, new RunShape(run.BatchSize, run.SequenceLength, true), Convention.Matmul);

                for (var i = 0; i < full.Count; i++)
                {
                    if (full[i].Kind == ModuleKind.AttentionScores || full[i].Kind == ModuleKind.AttentionValues)
                    {
                        Assert.Equal(full[i].ForwardFlops, 2 * causal[i].ForwardFlops);
                    }
                }
            }, iter: Iterations);
        }

        [Fact]
        public void Counts_AreWholeAndNonNegative()
        {
            Gen.Select(DecoderConfigGen.Small, Shapes, RowConventions).Sample((config, run, convention) =>
            {
                foreach (var row in FlopCounter.Breakdown(config.Build(), run, convention))
                {
                    Assert.True(row.ForwardFlops >= 0, row.Module);
                    Assert.True(row.Parameters >= 0, row.Module);
                    Assert.Equal(decimal.Truncate(row.ForwardFlops), row.ForwardFlops);
                    Assert.False(double.IsNaN(row.Share) || double.IsInfinity(row.Share), row.Module);
                    Assert.InRange(row.Share, 0, 1);
                }
            }, iter: Iterations);
        }

        [Fact]
        public void ActiveParameters_FollowRouting()
        {
            // A token uses k of E experts: the active parameters drop below the total exactly
            // when some expert goes unused, and never exceed it.
            DecoderConfigGen.Small.Sample(config =>
            {
                var model = config.Build();

                Assert.True(model.ActiveParameters <= model.Parameters);
                Assert.Equal(config.ExpertsPerToken < config.Experts, model.ActiveParameters < model.Parameters);
            }, iter: Iterations);
        }

        [Fact]
        public void ClosedForms_AreNonNegative()
        {
            var closedForms = Gen.OneOf(Convention.PaLM, Convention.Megatron, Convention.Torchtitan);
            Gen.Select(DecoderConfigGen.Small, Shapes, closedForms).Sample((config, run, convention) =>
            {
                var summary = FlopCounter.Summary(config.Build(), run, convention);

                Assert.True(summary.TrainingFlops >= 0);
                Assert.Equal(3 * summary.ForwardFlops, summary.TrainingFlops);
            }, iter: Iterations);
        }

        [Fact]
        public void HugeShapes_AreExactOrCountTooLarge()
        {
            // Checked against BigInteger arithmetic, which cannot overflow: lm_head is
            // 2·T·h·V, so every view either equals that exact number or raises CountTooLarge.
            // Sizes spread evenly over every power of two up to 2^31, so that some samples fit
            // and others overflow.
            var logUniform = Gen.Int[0, 30].SelectMany(bits => Gen.Int[1 << bits, bits == 30 ? int.MaxValue : (2 << bits) - 1]);
            var hugeShapes = Gen.Select(logUniform, logUniform, Gen.Bool, (b, s, causal) => new RunShape(b, s, causal));
            Gen.Select(DecoderConfigGen.Huge, hugeShapes, RowConventions).Sample((config, run, convention) =>
            {
                var model = config.Build();
                var lmHead = 2 * new BigInteger(run.BatchSize) * run.SequenceLength * model.HiddenSize * model.VocabSize;
                var fits = lmHead * 3 <= new BigInteger(decimal.MaxValue);

                AssertExactOrTooLarge(() => FlopCounter.Breakdown(model, run, convention).Last(), lmHead, fits);
                AssertExactOrTooLarge(() => FlopCounter.ByModule(model, run, convention).Last(), lmHead, fits);
                try
                {
                    var summary = FlopCounter.Summary(model, run, convention);
                    Assert.True(new BigInteger(summary.TrainingFlops) >= 3 * lmHead);
                }
                catch (MfuException ex)
                {
                    Assert.Equal(ErrorIds.CountTooLarge, ex.ErrorId);
                }
            }, iter: Iterations);
        }

        private static void AssertExactOrTooLarge(Func<object> lastRow, BigInteger lmHead, bool fits)
        {
            object row;
            try
            {
                row = lastRow();
            }
            catch (MfuException ex)
            {
                Assert.Equal(ErrorIds.CountTooLarge, ex.ErrorId);
                return;
            }

            Assert.True(fits, "A training count above 7.9·10^28 was returned instead of raising CountTooLarge.");
            var (forward, training) = row is LayerBreakdownRow b ? (b.ForwardFlops, b.TrainingFlops) : (((ModelFlopsRow)row).ForwardFlops, ((ModelFlopsRow)row).TrainingFlops);
            Assert.Equal(lmHead, new BigInteger(forward));
            Assert.Equal(3 * lmHead, new BigInteger(training));
        }

        private static List<(string Module, decimal Flops)> AttentionRows(IEnumerable<LayerBreakdownRow> rows) =>
            rows.Where(r => AttentionKinds.Contains(r.Kind)).Select(r => (r.Module, r.ForwardFlops)).ToList();
    }
}
