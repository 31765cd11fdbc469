namespace MfuTools.Core.Errors
{
    public static partial class ErrorIds
    {
        // Compute intensity and the roofline.
        public const string HardwareMissing = "HardwareMissing";
        public const string HardwareConflict = "HardwareConflict";
        public const string LayerWithSummary = "LayerWithSummary";
    }
}
