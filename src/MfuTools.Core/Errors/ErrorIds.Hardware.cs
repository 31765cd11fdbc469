namespace MfuTools.Core.Errors
{
    public static partial class ErrorIds
    {
        // Choosing an accelerator and its peak.
        public const string AcceleratorNotFound = "AcceleratorNotFound";
        public const string AcceleratorAmbiguous = "AcceleratorAmbiguous";
        public const string PrecisionNotSupported = "PrecisionNotSupported";
        public const string PeakInvalid = "PeakInvalid";
    }
}
