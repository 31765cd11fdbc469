using System;
using MfuTools.Core.Counting;
using MfuTools.Core.Errors;

namespace MfuTools.Core.Mfu
{
    /// <summary>One measured speed of a run, in one of the forms training logs print.</summary>
    public sealed class Throughput
    {
        public Throughput(ThroughputKind kind, double value)
        {
            if (double.IsNaN(value) || double.IsInfinity(value) || value <= 0)
            {
                throw new MfuException(ErrorIds.ThroughputInvalid, MfuErrorKind.InvalidArgument,
                    $"The {kind} value must be a positive, finite number, but is {value}.", value);
            }

            Kind = kind;
            Value = value;
        }

        public ThroughputKind Kind { get; }

        /// <summary>The measured value, in the unit its kind names (seconds, tokens or sequences per second).</summary>
        public double Value { get; }

        /// <summary>
        /// Returns the wall seconds of one optimizer step of <paramref name="run"/> on
        /// <paramref name="deviceCount"/> devices:
        ///   StepSeconds as given;
        ///   B·S / (global tokens per second);
        ///   B·S / (tokens per second per device × devices);
        ///   B / (sequences per second).
        /// </summary>
        public double StepSeconds(RunShape run, long deviceCount)
        {
            var tokensPerStep = (double)run.Tokens;
            switch (Kind)
            {
                case ThroughputKind.StepSeconds:
                    return Value;
                case ThroughputKind.TokensPerSecond:
                    return tokensPerStep / Value;
                case ThroughputKind.TokensPerSecondPerDevice:
                    return tokensPerStep / (Value * deviceCount);
                case ThroughputKind.SamplesPerSecond:
                    return run.BatchSize / Value;
                default:
                    throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "Unknown throughput kind.");
            }
        }

        public override string ToString() => $"{Kind} {Value}";
    }
}
