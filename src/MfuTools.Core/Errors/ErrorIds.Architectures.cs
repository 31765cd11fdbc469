namespace MfuTools.Core.Errors
{
    public static partial class ErrorIds
    {
        // Architectures beyond the dense decoders.
        public const string LayerTypeNotSupported = "LayerTypeNotSupported";
    }
}
