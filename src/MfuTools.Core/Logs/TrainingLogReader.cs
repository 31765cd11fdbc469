using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using MfuTools.Core.Errors;
using MfuTools.Core.Results;

namespace MfuTools.Core.Logs
{
    /// <summary>
    /// Streams the step records out of one training log, a line at a time, in constant
    /// memory. Each line is matched against every known format, so one file may mix them.
    /// A record wrapped over several lines is joined. A line that starts like a record but
    /// cannot be read, or is cut off, becomes a warning, never a record. A .json file is
    /// read as a Hugging Face trainer_state.json.
    /// </summary>
    public sealed class TrainingLogReader : IDisposable
    {
        /// <summary>Continuation lines joined to one record at most; a longer run means the record was cut off.</summary>
        public const int MaxContinuationLines = 8;

        private readonly string _file;
        private readonly FileStream _stream;
        private readonly StepLineParser[] _parsers =
        {
            new MegatronLineParser(),
            new TorchtitanLineParser(),
            new NanoGptLineParser(),
            new HuggingFaceDictParser(),
        };

        private readonly LogContext _context = new LogContext();
        private long _nonFiniteLosses;
        private long _firstNonFiniteLine;

        private TrainingLogReader(string file, FileStream stream)
        {
            _file = file;
            _stream = stream;
        }

        /// <summary>The file's size in bytes.</summary>
        public long Length => _stream.Length;

        /// <summary>Bytes read so far, for progress.</summary>
        public long Position => _stream.CanSeek ? _stream.Position : 0;

        /// <summary>Opens a log file for reading; throws <see cref="MfuException"/> when it is missing or unreadable.</summary>
        public static TrainingLogReader Open(string file)
        {
            if (Directory.Exists(file))
            {
                throw new MfuException(ErrorIds.TrainingLogNotFound, MfuErrorKind.InvalidArgument,
                    $"'{file}' is a folder, not a log file. Pass the log files, for example with Get-ChildItem '{file}' -File.", file);
            }

            if (!File.Exists(file))
            {
                throw new MfuException(ErrorIds.TrainingLogNotFound, MfuErrorKind.ObjectNotFound,
                    $"The training log '{file}' was not found. Check the path.", file);
            }

            try
            {
                return new TrainingLogReader(file, new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024));
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new MfuException(ErrorIds.TrainingLogReadFailed, MfuErrorKind.ReadError,
                    $"The training log '{file}' could not be opened: {ex.Message}", file, ex);
            }
        }

        /// <summary>Reads the records and warnings of the whole file, in file order.</summary>
        public IEnumerable<LogReadResult> Read()
        {
            var results = string.Equals(Path.GetExtension(_file), ".json", StringComparison.OrdinalIgnoreCase)
                ? TrainerStateReader.Read(_stream, _file)
                : ReadLines();

            foreach (var result in results)
            {
                if (result.Record != null && result.Record.LossWasNonFinite)
                {
                    _nonFiniteLosses++;
                    if (_firstNonFiniteLine == 0)
                    {
                        _firstNonFiniteLine = result.Record.Line;
                    }
                }

                yield return result;
            }

            if (_nonFiniteLosses > 0)
            {
                yield return LogReadResult.Note(
                    $"{_nonFiniteLosses} step records of '{_file}' printed a loss of nan or inf (the first on line {_firstNonFiniteLine}); their Loss is empty.");
            }
        }

        public void Dispose() => _stream.Dispose();

        private IEnumerable<LogReadResult> ReadLines()
        {
            var reader = new StreamReader(_stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024);
            StepLineParser pendingParser = null;
            StringBuilder pendingText = null;
            long pendingLine = 0;
            DateTime? pendingTimestamp = null;
            var continuations = 0;
            long lineNumber = 0;
            string raw;

            while ((raw = ReadLine(reader)) != null)
            {
                lineNumber++;
                var clean = LogText.Clean(raw);

                if (pendingParser != null)
                {
                    var continuation = LogText.CleanContinuation(raw);
                    if (IsContinuation(raw, clean) && continuations < MaxContinuationLines &&
                        pendingParser.Continues(pendingText.ToString(), continuation))
                    {
                        pendingText.Append(continuation);
                        continuations++;
                        continue;
                    }

                    yield return Close(pendingParser, pendingText.ToString(), pendingLine, pendingTimestamp, atEnd: false);
                    pendingParser = null;
                }

                if (clean.Length == 0)
                {
                    continue;
                }

                // A record stays pending until the next line shows whether it goes on.
                var parser = FindStart(clean);
                if (parser != null)
                {
                    pendingParser = parser;
                    pendingText = new StringBuilder(LogText.Clean(raw, trimEnd: false));
                    pendingLine = lineNumber;
                    pendingTimestamp = LogText.TimestampOf(raw);
                    continuations = 0;
                    continue;
                }

                foreach (var each in _parsers)
                {
                    each.Observe(clean, _context);
                }

                foreach (var each in _parsers)
                {
                    if (each.Resembles(clean))
                    {
                        yield return LogReadResult.Skipped(_file, lineNumber, $"it looks like a {each.Framework} step record but does not start as one ('{Shorten(clean)}')");
                        break;
                    }
                }
            }

            if (pendingParser != null)
            {
                yield return Close(pendingParser, pendingText.ToString(), pendingLine, pendingTimestamp, atEnd: true);
            }
        }

        private LogReadResult Close(StepLineParser parser, string text, long line, DateTime? timestamp, bool atEnd)
        {
            if (parser.IsComplete(text))
            {
                var result = Finish(parser, text, line);
                if (result.Record != null)
                {
                    result.Record.Timestamp = timestamp;
                }

                return result;
            }

            var where = atEnd ? " at the end of the file" : string.Empty;
            return LogReadResult.Skipped(_file, line, $"the {parser.Framework} step record is cut off{where} ('{Shorten(text)}')");
        }

        // A wrapped record continues on lines that carry no timestamp of their own and do not
        // start another record.
        private bool IsContinuation(string raw, string clean) =>
            clean.Length > 0 && !LogText.StartsNewLogLine(raw) && FindStart(clean) == null;

        private StepLineParser FindStart(string clean)
        {
            foreach (var parser in _parsers)
            {
                if (parser.StartsRecord(clean))
                {
                    return parser;
                }
            }

            return null;
        }

        private LogReadResult Finish(StepLineParser parser, string text, long line)
        {
            try
            {
                return LogReadResult.Of(parser.Parse(text.Trim(), _context, _file, line));
            }
            catch (LogLineException ex)
            {
                return LogReadResult.Skipped(_file, line, ex.Message + $" ('{Shorten(text.Trim())}')");
            }
        }

        private string ReadLine(StreamReader reader)
        {
            try
            {
                return reader.ReadLine();
            }
            catch (IOException ex)
            {
                throw new MfuException(ErrorIds.TrainingLogReadFailed, MfuErrorKind.ReadError,
                    $"Reading the training log '{_file}' failed: {ex.Message}", _file, ex);
            }
        }

        private static string Shorten(string text)
        {
            const int MaxShown = 80;
            return text.Length <= MaxShown ? text : text.Substring(0, MaxShown) + "...";
        }
    }
}
