namespace MfuTools.Core.Errors
{
    /// <summary>
    /// The kind of failure, independent of PowerShell. The cmdlet layer maps each kind to
    /// an ErrorCategory, so the engine can be used without a runspace.
    /// </summary>
    public enum MfuErrorKind
    {
        InvalidArgument,
        InvalidData,
        ObjectNotFound,
        NotImplemented,
        LimitsExceeded,
        ReadError,
    }
}
