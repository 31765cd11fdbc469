using MfuTools.Core.Results;

namespace MfuTools.Core.Logs
{
    /// <summary>
    /// Reads one framework's printed step lines. Text given to it is already cleaned of
    /// colour codes, launcher prefixes and timestamps (see <see cref="LogText"/>).
    /// </summary>
    internal abstract class StepLineParser
    {
        public abstract TrainingFramework Framework { get; }

        /// <summary>True when the text begins a step record of this format.</summary>
        public abstract bool StartsRecord(string text);

        /// <summary>True when a started record ends as this format's records end; false means cut off or wrapped.</summary>
        public abstract bool IsComplete(string text);

        /// <summary>
        /// True when <paramref name="continuation"/>, a line with no prefix of its own, continues
        /// the record begun in <paramref name="pending"/>. By default only an incomplete record
        /// continues. A format whose end marker also appears inside a record overrides this.
        /// </summary>
        public virtual bool Continues(string pending, string continuation) => !IsComplete(pending);

        /// <summary>
        /// True when text that does not start a record still carries this format's step
        /// fields, so that a garbled step line is reported instead of passed over.
        /// </summary>
        public abstract bool Resembles(string text);

        /// <summary>Reads a complete record; throws <see cref="LogLineException"/> when a field it needs is missing or unreadable.</summary>
        public abstract TrainingLogRecord Parse(string text, LogContext context, string file, long line);

        /// <summary>Takes note of run-wide facts that a non-step line states.</summary>
        public virtual void Observe(string text, LogContext context)
        {
        }
    }
}
