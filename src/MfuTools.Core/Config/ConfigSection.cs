using System;
using System.Globalization;
using System.Numerics;
using MfuTools.Core.Errors;
using Newtonsoft.Json.Linq;

namespace MfuTools.Core.Config
{
    /// <summary>
    /// Typed, validated reads of one JSON object of a config (the top level, or a nested
    /// text_config). Every failure names the file and the key's full path.
    /// </summary>
    internal sealed class ConfigSection
    {
        private readonly JObject _json;
        private readonly string _file;
        private readonly string _prefix;

        public ConfigSection(JObject json, string file, string prefix)
        {
            _json = json;
            _file = file;
            _prefix = prefix;
        }

        public string File => _file;

        public JObject Json => _json;

        /// <summary>Returns whether the key is present with a non-null value.</summary>
        public bool Has(string key)
        {
            var token = _json[key];
            return token != null && token.Type != JTokenType.Null;
        }

        public string KeyPath(string key) => _prefix + key;

        /// <summary>Reads a positive whole number; a missing or null key returns <paramref name="fallback"/>.</summary>
        public int? PositiveInt(string key, int max, int? fallback = null)
        {
            var token = _json[key];
            if (token == null || token.Type == JTokenType.Null)
            {
                return fallback;
            }

            return ToPositiveInt(token, key, max);
        }

        /// <summary>Reads a required positive whole number.</summary>
        public int RequiredPositiveInt(string key, int max)
        {
            var token = _json[key];
            if (token == null || token.Type == JTokenType.Null)
            {
                throw new MfuException(ErrorIds.ConfigKeyMissing, MfuErrorKind.InvalidData,
                    $"'{_file}' has no '{KeyPath(key)}'. Every Hugging Face config of this architecture sets it; check that the file is complete.", _file);
            }

            return ToPositiveInt(token, key, max);
        }

        /// <summary>Reads a whole number that may be zero; a missing or null key returns <paramref name="fallback"/>.</summary>
        public int NonNegativeInt(string key, int max, int fallback)
        {
            var token = _json[key];
            if (token == null || token.Type == JTokenType.Null)
            {
                return fallback;
            }

            if (token.Type == JTokenType.Integer && IsWithin(token, 0, max, out var value))
            {
                return value;
            }

            throw Invalid(key, token, $"a whole number from 0 to {max.ToString("N0", CultureInfo.InvariantCulture)}");
        }

        /// <summary>Reads a boolean; a missing or null key returns <paramref name="fallback"/>.</summary>
        public bool Bool(string key, bool fallback)
        {
            var token = _json[key];
            if (token == null || token.Type == JTokenType.Null)
            {
                return fallback;
            }

            if (token.Type == JTokenType.Boolean)
            {
                return token.Value<bool>();
            }

            throw Invalid(key, token, "true or false");
        }

        /// <summary>Reads a string; a missing or null key returns <paramref name="fallback"/>.</summary>
        public string String(string key, string fallback)
        {
            var token = _json[key];
            if (token == null || token.Type == JTokenType.Null)
            {
                return fallback;
            }

            if (token.Type == JTokenType.String)
            {
                return token.Value<string>();
            }

            throw Invalid(key, token, "a string");
        }

        /// <summary>Returns the nested object under the key, or null when absent.</summary>
        public JObject Object(string key)
        {
            var token = _json[key];
            if (token == null || token.Type == JTokenType.Null)
            {
                return null;
            }

            if (token is JObject nested)
            {
                return nested;
            }

            throw Invalid(key, token, "a JSON object");
        }

        public MfuException Invalid(string key, JToken token, string expected)
        {
            return new MfuException(ErrorIds.ConfigValueInvalid, MfuErrorKind.InvalidData,
                $"'{_file}': '{KeyPath(key)}' must be {expected}, but is {Show(token)}{Where(token)}. Correct the value in the config.", _file);
        }

        public MfuException Shape(string key, string problem)
        {
            return new MfuException(ErrorIds.ConfigShapeInvalid, MfuErrorKind.InvalidData,
                $"'{_file}': '{KeyPath(key)}' {problem}", _file);
        }

        private int ToPositiveInt(JToken token, string key, int max)
        {
            if (token.Type == JTokenType.Integer && IsWithin(token, 1, max, out var value))
            {
                return value;
            }

            if (token.Type == JTokenType.Integer && IsWithin(token, 1, long.MaxValue, out _))
            {
                throw new MfuException(ErrorIds.ConfigValueInvalid, MfuErrorKind.InvalidData,
                    $"'{_file}': '{KeyPath(key)}' is {Show(token)}, more than the {max.ToString("N0", CultureInfo.InvariantCulture)} MfuTools accepts{Where(token)}; no published model comes close. Correct the value in the config.", _file);
            }

            throw Invalid(key, token, "a positive whole number");
        }

        private static bool IsWithin(JToken token, long min, long max, out int value)
        {
            value = 0;
            var raw = ((JValue)token).Value;
            if (raw is BigInteger)
            {
                return false;
            }

            var number = Convert.ToInt64(raw, CultureInfo.InvariantCulture);
            if (number < min || number > max || number > int.MaxValue)
            {
                return false;
            }

            value = (int)number;
            return true;
        }

        private static string Show(JToken token)
        {
            switch (token.Type)
            {
                case JTokenType.String: return "the string \"" + Truncate(token.Value<string>()) + "\"";
                case JTokenType.Float: return ((JValue)token).Value is double d ? d.ToString("R", CultureInfo.InvariantCulture) : token.ToString();
                case JTokenType.Integer: return Convert.ToString(((JValue)token).Value, CultureInfo.InvariantCulture);
                case JTokenType.Boolean: return token.Value<bool>() ? "true" : "false";
                case JTokenType.Array: return "an array";
                case JTokenType.Object: return "an object";
                default: return token.Type.ToString().ToLowerInvariant();
            }
        }

        private static string Truncate(string text) => text.Length <= 40 ? text : text.Substring(0, 40) + "...";

        private static string Where(JToken token)
        {
            var info = (Newtonsoft.Json.IJsonLineInfo)token;
            return info.HasLineInfo() ? $" (line {info.LineNumber})" : string.Empty;
        }
    }
}
