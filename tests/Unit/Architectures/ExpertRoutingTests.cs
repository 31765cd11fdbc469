using System;
using MfuTools.Core.Counting;
using Xunit;

namespace MfuTools.Tests.Architectures
{
    /// <summary>
    /// Expected distinct experts per layer, E·(1 − (1 − k/E)^B) rounded up, worked by hand.
    /// </summary>
    public class ExpertRoutingTests
    {
        [Theory]
        // One token uses exactly its k experts.
        [InlineData(8, 2, 1, 2)]
        // Mixtral, 4 tokens: 8·(1 − 0.75⁴) = 5.47 → 6.
        [InlineData(8, 2, 4, 6)]
        // Many tokens reach every expert.
        [InlineData(8, 2, 1000, 8)]
        // DeepSeek-V3, 32 tokens: 256·(1 − (31/32)³²) = 163.3 → 164.
        [InlineData(256, 8, 32, 164)]
        // Qwen1.5-MoE, 16 tokens: 60·(1 − (56/60)¹⁶) = 40.1 → 41.
        [InlineData(60, 4, 16, 41)]
        // k = E: every expert, whatever the batch.
        [InlineData(4, 4, 3, 4)]
        [InlineData(8, 2, 0, 0)]
        public void ExpectedDistinctExperts_WorkedByHand(int experts, int k, long tokens, int expected)
        {
            Assert.Equal(expected, ExpertRouting.ExpectedDistinctExperts(experts, k, tokens));
        }

        [Fact]
        public void MoreExpertsPerTokenThanExperts_Throws()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => ExpertRouting.ExpectedDistinctExperts(4, 5, 1));
        }
    }
}
