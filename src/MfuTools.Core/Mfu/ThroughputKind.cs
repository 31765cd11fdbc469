namespace MfuTools.Core.Mfu
{
    /// <summary>The form in which a run's speed was measured.</summary>
    public enum ThroughputKind
    {
        /// <summary>Wall seconds per optimizer step.</summary>
        StepSeconds,

        /// <summary>Tokens per second over the whole job.</summary>
        TokensPerSecond,

        /// <summary>Tokens per second on one device.</summary>
        TokensPerSecondPerDevice,

        /// <summary>Sequences per second over the whole job.</summary>
        SamplesPerSecond,
    }
}
