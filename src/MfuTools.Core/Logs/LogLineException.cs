using System;

namespace MfuTools.Core.Logs
{
    /// <summary>A line that starts like a step record but cannot be read; the message gives the reason.</summary>
    internal sealed class LogLineException : Exception
    {
        public LogLineException(string message)
            : base(message)
        {
        }
    }
}
