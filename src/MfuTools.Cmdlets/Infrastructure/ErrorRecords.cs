using System;
using System.Management.Automation;
using MfuTools.Core.Errors;

namespace MfuTools.Cmdlets.Infrastructure
{
    /// <summary>Builds PowerShell error records from engine exceptions, keeping their ids and targets.</summary>
    internal static class ErrorRecords
    {
        public static ErrorRecord From(MfuException ex, object fallbackTarget = null)
        {
            return new ErrorRecord(ex, ex.ErrorId, CategoryOf(ex.Kind), ex.Target ?? fallbackTarget);
        }

        public static ErrorRecord Create(string errorId, ErrorCategory category, string message, object target, Exception inner = null)
        {
            var exception = inner == null ? new ArgumentException(message) : new ArgumentException(message, inner);
            return new ErrorRecord(exception, errorId, category, target);
        }

        public static ErrorCategory CategoryOf(MfuErrorKind kind)
        {
            switch (kind)
            {
                case MfuErrorKind.InvalidArgument: return ErrorCategory.InvalidArgument;
                case MfuErrorKind.InvalidData: return ErrorCategory.InvalidData;
                case MfuErrorKind.ObjectNotFound: return ErrorCategory.ObjectNotFound;
                case MfuErrorKind.NotImplemented: return ErrorCategory.NotImplemented;
                case MfuErrorKind.LimitsExceeded: return ErrorCategory.LimitsExceeded;
                case MfuErrorKind.ReadError: return ErrorCategory.ReadError;
                default: return ErrorCategory.InvalidOperation;
            }
        }
    }
}
