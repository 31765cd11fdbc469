using System;

namespace MfuTools.Core.Counting
{
    /// <summary>
    /// How many experts of a mixture-of-experts layer a batch of tokens touches, which decides
    /// how many expert weights a decode step must read.
    /// </summary>
    public static class ExpertRouting
    {
        /// <summary>
        /// Returns the expected number of distinct experts that <paramref name="tokens"/> tokens
        /// use in one layer when each picks <paramref name="k"/> of <paramref name="experts"/>
        /// experts, rounded up to a whole expert: E·(1 − (1 − k/E)^B).
        /// Derivation, assuming each token's choice is uniform and independent of the others:
        ///   one token leaves a given expert unused with probability 1 − k/E;
        ///   B tokens leave it unused with probability (1 − k/E)^B;
        ///   so E·(1 − (1 − k/E)^B) experts are used on average.
        /// One token uses exactly k experts; many tokens approach all E. Zero tokens use none.
        /// </summary>
        public static int ExpectedDistinctExperts(int experts, int k, long tokens)
        {
            if (experts < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(experts), experts, "An MoE layer has at least one expert.");
            }

            if (k < 1 || k > experts)
            {
                throw new ArgumentOutOfRangeException(nameof(k), k, $"Experts per token must be from 1 to the {experts} experts.");
            }

            if (tokens < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(tokens), tokens, "The token count cannot be negative.");
            }

            if (tokens == 0)
            {
                return 0;
            }

            var unusedShare = Math.Pow(1.0 - (double)k / experts, tokens);
            var expected = experts * (1.0 - unusedShare);

            // Floating-point error must not lift an exact whole number (k for one token) to the
            // next expert, so a result within 1e-9 of a whole number is taken as that number.
            var rounded = (int)Math.Ceiling(expected - 1e-9);
            return Math.Max(k, Math.Min(experts, rounded));
        }
    }
}
