using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace MfuTools.Core.Logs
{
    /// <summary>
    /// Removes what launchers, loggers and terminals wrap around a framework's own output:
    /// ANSI colour codes, rank prefixes, timestamps and logger headers.
    /// </summary>
    internal static class LogText
    {
        // An ANSI escape sequence, or what is left of a colour code once a copy dropped its
        // ESC byte ("[31m"), which real logs pasted from a terminal contain.
        private static readonly Regex Ansi = new Regex(@"\x1B\[[0-9;?]*[A-Za-z]|\x1B[()][A-Za-z0-9]|\[\d{1,3}(?:;\d{1,3})*m", RegexOptions.Compiled | RegexOptions.CultureInvariant);

        // Launcher prefixes: torchrun's "[rank0]:" and "[default7]:", Open MPI's "[1,0]<stdout>:",
        // srun -l's "0: ", torchtitan's "[titan]".
        private static readonly Regex RankPrefix = new Regex(@"^\s*(?:\[(?:rank\d+|default\d+|\d+,\d+|titan)\](?:<std(?:out|err)>)?:?|\d{1,5}:\s)\s*", RegexOptions.Compiled | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        // A timestamp, bracketed or not ("[2024-03-30 20:02:40]", "2025-02-13 11:33:35,026"),
        // optionally followed by a Python logging header (" - root - INFO - ").
        private static readonly Regex Timestamp = new Regex(@"^\s*\[?(?<time>\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2})(?:[.,](?<fraction>\d+))?\]?\s*(?:-\s*\S+\s+-\s+(?:DEBUG|INFO|WARNING|ERROR|CRITICAL)\s+-\s+)?", RegexOptions.Compiled | RegexOptions.CultureInvariant);

        /// <summary>
        /// Returns the framework's own text of a raw log line. Trailing whitespace is kept when
        /// asked, because a line wrapped after a space must keep that space when joined.
        /// </summary>
        public static string Clean(string raw, bool trimEnd = true)
        {
            var text = Ansi.Replace(raw, string.Empty);
            text = StripPrefixes(text, out _).TrimStart();
            return trimEnd ? text.TrimEnd() : text;
        }

        /// <summary>
        /// True when a raw line starts as a new log line does, with a launcher prefix or a
        /// timestamp, so it cannot be the continuation of a wrapped record. A terminal or
        /// fold(1) wraps lines after the launcher has prefixed them, so the pieces carry none.
        /// </summary>
        public static bool StartsNewLogLine(string raw)
        {
            var text = Ansi.Replace(raw, string.Empty);
            StripPrefixes(text, out var hadPrefix);
            return hadPrefix;
        }

        /// <summary>Returns the time a raw line's timestamp states, as written (logs give no time zone); null without one.</summary>
        public static DateTime? TimestampOf(string raw)
        {
            var text = Ansi.Replace(raw, string.Empty);
            for (var match = RankPrefix.Match(text); match.Success && match.Length > 0; match = RankPrefix.Match(text))
            {
                text = text.Substring(match.Length);
            }

            var timestamp = Timestamp.Match(text);
            if (!timestamp.Success ||
                !DateTime.TryParseExact(timestamp.Groups["time"].Value.Replace('T', ' '), "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            {
                return null;
            }

            // Fractions of a second: milliseconds in Python logging, up to ticks elsewhere.
            var fraction = timestamp.Groups["fraction"].Value;
            if (fraction.Length > 0)
            {
                var digits = fraction.Length > 7 ? fraction.Substring(0, 7) : fraction.PadRight(7, '0');
                time = time.AddTicks(long.Parse(digits, CultureInfo.InvariantCulture));
            }

            return time;
        }

        /// <summary>Returns a continuation line's text with only its colour codes removed.</summary>
        public static string CleanContinuation(string raw) => Ansi.Replace(raw, string.Empty);

        // Launchers nest (srun -l around torchrun gives "0: [rank0]:"), so prefixes are
        // removed until none is left, then one timestamp.
        private static string StripPrefixes(string text, out bool hadPrefix)
        {
            hadPrefix = false;
            for (var match = RankPrefix.Match(text); match.Success && match.Length > 0; match = RankPrefix.Match(text))
            {
                text = text.Substring(match.Length);
                hadPrefix = true;
            }

            var timestamp = Timestamp.Match(text);
            if (timestamp.Success)
            {
                hadPrefix = true;
                text = text.Substring(timestamp.Length);
            }

            return text;
        }
    }
}
