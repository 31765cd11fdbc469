namespace MfuTools.Core.Errors
{
    public static partial class ErrorIds
    {
        // Measuring MFU.
        public const string ThroughputMissing = "ThroughputMissing";
        public const string ThroughputInvalid = "ThroughputInvalid";
        public const string DeviceCountInvalid = "DeviceCountInvalid";
        public const string HardwareMissing = "HardwareMissing";
        public const string HardwareConflict = "HardwareConflict";
        public const string ReportedValueInvalid = "ReportedValueInvalid";
    }
}
