using System.Globalization;
using MfuTools.Core.Errors;

namespace MfuTools.Core.Config
{
    /// <summary>
    /// Rejects number literals that JSON does not allow but Newtonsoft.Json reads anyway:
    /// it takes 064 as octal (52) and 0x40 as hexadecimal, so a config that Python's json
    /// rejects could otherwise be counted with a size the file does not state. The JSON grammar for a
    /// number is -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?.
    /// </summary>
    internal static class JsonNumbers
    {
        /// <summary>Scans the text outside strings and comments, and throws on the first number JSON does not allow.</summary>
        public static void RequireStrict(string text, string file)
        {
            var line = 1;
            var i = 0;
            while (i < text.Length)
            {
                var c = text[i];
                if (c == '\n')
                {
                    line++;
                    i++;
                }
                else if (c == '"' || c == '\'')
                {
                    i = SkipString(text, i, ref line);
                }
                else if (c == '/' && i + 1 < text.Length && (text[i + 1] == '/' || text[i + 1] == '*'))
                {
                    i = SkipComment(text, i, ref line);
                }
                else if (IsIdentifierChar(c) && !IsNumberStart(c))
                {
                    // An unquoted name or literal (true, NaN, Infinity): its digits are no number.
                    while (i < text.Length && IsIdentifierChar(text[i]))
                    {
                        i++;
                    }
                }
                else if (IsNumberStart(c))
                {
                    var end = i + 1;
                    while (end < text.Length && IsNumberChar(text[end]))
                    {
                        end++;
                    }

                    var literal = text.Substring(i, end - i);

                    // -Infinity is read as a value and rejected by the key that contains it.
                    var isNegativeName = literal.Length > 1 && literal[0] == '-' && char.IsLetter(literal[1]);
                    if (!isNegativeName && !IsJsonNumber(literal))
                    {
                        throw new MfuException(ErrorIds.ConfigJsonInvalid, MfuErrorKind.InvalidData,
                            $"'{file}' has the number {Shorten(literal)} at line {line.ToString(CultureInfo.InvariantCulture)}, which is not a JSON number: JSON allows no leading zeros, hexadecimal or other forms. Write the number in decimal, as Hugging Face's config files do.", file);
                    }

                    i = end;
                }
                else
                {
                    i++;
                }
            }
        }

        /// <summary>Returns whether <paramref name="literal"/> matches the JSON number grammar.</summary>
        internal static bool IsJsonNumber(string literal)
        {
            var i = 0;
            if (i < literal.Length && literal[i] == '-')
            {
                i++;
            }

            if (i >= literal.Length || !IsDigit(literal[i]))
            {
                return false;
            }

            if (literal[i] == '0')
            {
                i++;
            }
            else
            {
                i = SkipDigits(literal, i);
            }

            if (i < literal.Length && literal[i] == '.')
            {
                var fraction = SkipDigits(literal, i + 1);
                if (fraction == i + 1)
                {
                    return false;
                }

                i = fraction;
            }

            if (i < literal.Length && (literal[i] == 'e' || literal[i] == 'E'))
            {
                i++;
                if (i < literal.Length && (literal[i] == '+' || literal[i] == '-'))
                {
                    i++;
                }

                var exponent = SkipDigits(literal, i);
                if (exponent == i)
                {
                    return false;
                }

                i = exponent;
            }

            return i == literal.Length;
        }

        private static int SkipString(string text, int start, ref int line)
        {
            var quote = text[start];
            var i = start + 1;
            while (i < text.Length && text[i] != quote)
            {
                if (text[i] == '\n')
                {
                    line++;
                }

                i += text[i] == '\\' ? 2 : 1;
            }

            return i + 1;
        }

        private static int SkipComment(string text, int start, ref int line)
        {
            if (text[start + 1] == '/')
            {
                var newline = text.IndexOf('\n', start);
                return newline < 0 ? text.Length : newline;
            }

            var close = text.IndexOf("*/", start + 2, System.StringComparison.Ordinal);
            var end = close < 0 ? text.Length : close + 2;
            for (var i = start; i < end; i++)
            {
                if (text[i] == '\n')
                {
                    line++;
                }
            }

            return end;
        }

        private static int SkipDigits(string text, int i)
        {
            while (i < text.Length && IsDigit(text[i]))
            {
                i++;
            }

            return i;
        }

        private static bool IsDigit(char c) => c >= '0' && c <= '9';

        private static bool IsNumberStart(char c) => IsDigit(c) || c == '-';

        // Letters are included so that 0x40 and 1e5 are taken as one literal.
        private static bool IsNumberChar(char c) => char.IsLetterOrDigit(c) || c == '.' || c == '+' || c == '-' || c == '_';

        private static bool IsIdentifierChar(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '$';

        private static string Shorten(string literal) => literal.Length <= 40 ? literal : literal.Substring(0, 40) + "...";
    }
}
