namespace MfuTools.Core.Counting
{
    /// <summary>Which roof limits a module on the roofline: the compute peak or the memory bandwidth.</summary>
    public enum Bound
    {
        /// <summary>Intensity at or above the ridge point: the FLOP/s peak limits the time.</summary>
        Compute,

        /// <summary>Intensity below the ridge point: memory bandwidth limits the time.</summary>
        Memory,
    }
}
