using MfuTools.Core.Catalogs;
using MfuTools.Core.Counting;
using Xunit;

namespace MfuTools.Tests.Engine
{
    /// <summary>
    /// Training FLOPs per step of Qwen2.5-7B at B = 1, S = 2048 under each convention,
    /// worked by hand from each formula with the config's dimensions and N = 7,615,616,512.
    /// </summary>
    public class ConventionTotalTests
    {
        private static decimal Training(Convention convention, bool causal = false) =>
            FlopCounter.Summary(PresetCatalog.Find("Qwen2.5-7B"), new RunShape(1, 2048, causal), convention).TrainingFlops;

        [Fact]
        public void Matmul_IsThreeTimesNoteTotalPlusLogits()
        {
            // 3 · (28 · (180,388,626,432 + 834,297,397,248) + 2·2048·3584·152064)
            Assert.Equal(91_930_553_745_408m, Training(Convention.Matmul));
        }

        [Fact]
        public void Megatron_EqualsMatmulWhenVocabDividesBy128()
        {
            // Megatron-LM's num_floating_point_operations: 152,064 = 1188 · 128, so no padding.
            Assert.Equal(91_930_553_745_408m, Training(Convention.Megatron));
        }

        [Fact]
        public void Megatron_CausalHalvesAttention()
        {
            // Matmul total minus half of 3 · 28 · 4·nh·S²·d = 3 · 28 · 4·28·2048²·128 / 2.
            Assert.Equal(89_405_112_975_360m, Training(Convention.Megatron, causal: true));
        }

        [Fact]
        public void PaLM_SixNPlusAttention()
        {
            // PaLM Appendix B: (6·N + 12·L·nh·d·S) · T = (6·7,615,616,512 + 12·28·28·128·2048) · 2048.
            Assert.Equal(98_631_577_239_552m, Training(Convention.PaLM));
        }

        [Fact]
        public void Torchtitan_LeavesOutUntiedEmbedding()
        {
            // torchtitan: (6·(N − V·h) + 12·L·h·S) · T
            //   = (6·(7,615,616,512 − 152,064·3584) + 12·28·3584·2048) · 2048.
            var expected = (6m * (7_615_616_512m - 152_064m * 3584) + 12m * 28 * 3584 * 2048) * 2048;
            Assert.Equal(expected, Training(Convention.Torchtitan));
        }
    }
}
