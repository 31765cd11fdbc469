using System;

namespace MfuTools.Core.Errors
{
    /// <summary>
    /// A failure the user can act on: it carries a stable error id (part of the public
    /// interface, matched by scripts and tests), the kind of failure and the offending input.
    /// </summary>
    public class MfuException : Exception
    {
        public MfuException(string errorId, MfuErrorKind kind, string message, object target = null, Exception inner = null)
            : base(message, inner)
        {
            ErrorId = errorId;
            Kind = kind;
            Target = target;
        }

        /// <summary>Stable PascalCase id, one of the constants in <see cref="ErrorIds"/>.</summary>
        public string ErrorId { get; }

        public MfuErrorKind Kind { get; }

        /// <summary>The input that caused the failure: a path, a name or a value.</summary>
        public object Target { get; }
    }
}
