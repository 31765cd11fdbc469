using MfuTools.Core.Results;

namespace MfuTools.Core.Logs
{
    /// <summary>One result of reading a log: a step record, or a warning about a line that could not be read.</summary>
    public sealed class LogReadResult
    {
        private LogReadResult(TrainingLogRecord record, string warning, long? skippedLine)
        {
            Record = record;
            Warning = warning;
            SkippedLine = skippedLine;
        }

        /// <summary>The record read; null for a warning.</summary>
        public TrainingLogRecord Record { get; }

        /// <summary>Why a line was skipped, naming the file and line; null for a record.</summary>
        public string Warning { get; }

        /// <summary>The line skipped, for a warning about one line; null otherwise.</summary>
        public long? SkippedLine { get; }

        internal static LogReadResult Of(TrainingLogRecord record) => new LogReadResult(record, null, null);

        internal static LogReadResult Skipped(string file, long line, string reason) =>
            new LogReadResult(null, $"Skipped line {line} of '{file}': {reason}.", line);

        internal static LogReadResult Note(string message) => new LogReadResult(null, message, null);
    }
}
