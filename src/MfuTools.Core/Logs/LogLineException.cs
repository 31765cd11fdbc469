using System;

namespace MfuTools.Core.Logs
{
    /// <summary>A line that starts like a step record but cannot be read; the message says why.</summary>
    internal sealed class LogLineException : Exception
    {
        public LogLineException(string message)
            : base(message)
        {
        }
    }
}
