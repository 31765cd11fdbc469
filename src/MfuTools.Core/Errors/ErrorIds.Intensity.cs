namespace MfuTools.Core.Errors
{
    public static partial class ErrorIds
    {
        // Compute intensity and the roofline.
        public const string HardwareInvalid = "HardwareInvalid";
        public const string HardwareMissing = "HardwareMissing";
        public const string LayerWithSummary = "LayerWithSummary";
    }
}
