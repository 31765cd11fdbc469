namespace MfuTools.Core.Logs
{
    /// <summary>
    /// What a log states once, before its step lines, about the whole run (torchtitan's
    /// peak, batch, sequence length and device mesh). Step records copy it.
    /// </summary>
    internal sealed class LogContext
    {
        public double? PeakFlopsPerSecond { get; set; }

        public long? GlobalBatchSize { get; set; }

        public long? SequenceLength { get; set; }

        public int? DeviceCount { get; set; }
    }
}
