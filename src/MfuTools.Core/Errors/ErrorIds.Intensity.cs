namespace MfuTools.Core.Errors
{
    public static partial class ErrorIds
    {
        // Compute intensity and the roofline (HardwareMissing and HardwareConflict are shared with Measure-Mfu).
        public const string LayerWithSummary = "LayerWithSummary";
    }
}
