using System;
using System.IO;
using System.Text;
using MfuTools.Core.Errors;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace MfuTools.Core.Config
{
    /// <summary>
    /// Finds a config.json on disk and parses it into a JSON object, turning every way a
    /// file can be wrong into an <see cref="MfuException"/> that names the file.
    /// </summary>
    public static class ConfigFile
    {
        /// <summary>
        /// Largest file read, in bytes. Real config.json files are a few kilobytes; the
        /// limit keeps a mistaken path (a weights file, a log) from being read into memory.
        /// </summary>
        public const long MaxBytes = 4 * 1024 * 1024;

        /// <summary>
        /// Deepest JSON nesting accepted. Real configs nest three levels; the limit makes a
        /// maliciously deep file fail fast instead of exhausting the stack.
        /// </summary>
        public const int MaxDepth = 64;

        /// <summary>
        /// Returns the config.json a path names: the file itself, or config.json inside a folder.
        /// </summary>
        public static string Resolve(string path)
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                throw new MfuException(ErrorIds.ConfigNotFound, MfuErrorKind.InvalidArgument,
                    "The config path is empty. Pass the path of a config.json or of a folder that holds one.", path);
            }

            if (Directory.Exists(path))
            {
                var inside = Path.Combine(path, "config.json");
                if (File.Exists(inside))
                {
                    return inside;
                }

                throw new MfuException(ErrorIds.ConfigNotFound, MfuErrorKind.ObjectNotFound,
                    $"'{path}' is a folder without a config.json file. Pass the path of a config.json, or of a model folder that holds one.", path);
            }

            if (!File.Exists(path))
            {
                throw new MfuException(ErrorIds.ConfigNotFound, MfuErrorKind.ObjectNotFound,
                    $"The config file '{path}' was not found. Check the path, or use -Model with a preset name.", path);
            }

            return path;
        }

        /// <summary>
        /// Reads and parses a config file into its top-level JSON object. The file may be
        /// UTF-8 (with or without a byte-order mark), UTF-16 (with a byte-order mark, as Windows
        /// PowerShell writes it, or without) or UTF-32 with a byte-order mark.
        /// </summary>
        public static JObject Load(string file)
        {
            var text = ReadText(file);
            return Parse(text, file);
        }

        /// <summary>Parses config text; <paramref name="file"/> only names the source in errors.</summary>
        public static JObject Parse(string text, string file)
        {
            JsonNumbers.RequireStrict(text, file);
            using (var reader = new JsonTextReader(new StringReader(text)))
            {
                reader.MaxDepth = MaxDepth;
                reader.DateParseHandling = DateParseHandling.None;
                reader.FloatParseHandling = FloatParseHandling.Double;

                JToken root;
                try
                {
                    // A comment changes no value, so one before the object is skipped like
                    // one anywhere else in the file.
                    var hasToken = reader.Read();
                    while (hasToken && reader.TokenType == JsonToken.Comment)
                    {
                        hasToken = reader.Read();
                    }

                    if (!hasToken)
                    {
                        throw new MfuException(ErrorIds.ConfigJsonInvalid, MfuErrorKind.InvalidData,
                            $"'{file}' is empty. A config.json holds one JSON object such as {{\"model_type\": \"llama\", ...}}.", file);
                    }

                    if (reader.TokenType != JsonToken.StartObject)
                    {
                        throw new MfuException(ErrorIds.ConfigNotAnObject, MfuErrorKind.InvalidData,
                            $"'{file}' holds a JSON {Describe(reader.TokenType)}, not an object. A config.json holds one JSON object of model settings.", file);
                    }

                    var settings = new JsonLoadSettings
                    {
                        DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
                        CommentHandling = CommentHandling.Ignore,
                        LineInfoHandling = LineInfoHandling.Load,
                    };
                    root = JToken.ReadFrom(reader, settings);

                    // Anything after the object means the file is not the config we think it is
                    // (two objects pasted together, or a stray edit).
                    while (reader.Read())
                    {
                        if (reader.TokenType != JsonToken.Comment)
                        {
                            throw new MfuException(ErrorIds.ConfigJsonInvalid, MfuErrorKind.InvalidData,
                                $"'{file}' has content after its JSON object, at line {reader.LineNumber}, position {reader.LinePosition}. Keep one JSON object in the file.", file);
                        }
                    }
                }
                catch (JsonReaderException ex) when (IsDuplicateKey(ex))
                {
                    throw new MfuException(ErrorIds.ConfigDuplicateKey, MfuErrorKind.InvalidData,
                        $"'{file}' has a key twice, at line {ex.LineNumber}, position {ex.LinePosition}. Remove one copy: which one Hugging Face would use is not obvious.", file, ex);
                }
                catch (JsonReaderException ex) when (ex.Message.IndexOf("MaxDepth", StringComparison.Ordinal) >= 0)
                {
                    // Newtonsoft's own message repeats the whole path, [0] per level.
                    throw new MfuException(ErrorIds.ConfigJsonInvalid, MfuErrorKind.InvalidData,
                        $"'{file}' nests JSON more than {MaxDepth} levels deep (line {ex.LineNumber}, position {ex.LinePosition}); a config.json nests three or four. Check that the path names a model's config.json.", file, ex);
                }
                catch (JsonReaderException ex)
                {
                    throw new MfuException(ErrorIds.ConfigJsonInvalid, MfuErrorKind.InvalidData,
                        $"'{file}' is not valid JSON: {ex.Message}", file, ex);
                }
                catch (ArgumentException ex)
                {
                    // JObject raises ArgumentException for a duplicate key on some code paths.
                    throw new MfuException(ErrorIds.ConfigDuplicateKey, MfuErrorKind.InvalidData,
                        $"'{file}' has a key twice: {ex.Message} Remove one copy.", file, ex);
                }

                return (JObject)root;
            }
        }

        /// <summary>
        /// Returns whether Newtonsoft.Json rejected the text for a repeated key. Version 13.0.3
        /// words this "Property with the name 'x' already exists in the current JSON object";
        /// the other phrasings are matched in case another version is loaded, since
        /// PowerShell 7 brings its own copy.
        /// </summary>
        private static bool IsDuplicateKey(JsonReaderException ex) =>
            ex.Message.IndexOf("already exists", StringComparison.OrdinalIgnoreCase) >= 0
            || ex.Message.IndexOf("Duplicate property", StringComparison.OrdinalIgnoreCase) >= 0
            || ex.Message.IndexOf("Can not add property", StringComparison.OrdinalIgnoreCase) >= 0;

        private static string ReadText(string file)
        {
            byte[] bytes;
            try
            {
                var info = new FileInfo(file);
                if (info.Length > MaxBytes)
                {
                    throw TooLarge(file, $"is {info.Length:N0} bytes");
                }

                bytes = ReadAtMost(file, MaxBytes);
            }
            catch (IOException ex)
            {
                throw new MfuException(ErrorIds.ConfigReadFailed, MfuErrorKind.ReadError,
                    $"'{file}' could not be read: {ex.Message}", file, ex);
            }
            catch (UnauthorizedAccessException ex)
            {
                throw new MfuException(ErrorIds.ConfigReadFailed, MfuErrorKind.ReadError,
                    $"'{file}' could not be read: {ex.Message}", file, ex);
            }

            return Decode(bytes, file);
        }

        /// <summary>
        /// Reads a file but stops after <paramref name="limit"/> bytes. The length on disk is
        /// not enough: a device such as /dev/zero, or a file still being written, reports a
        /// length of 0 or less than it yields.
        /// </summary>
        private static byte[] ReadAtMost(string file, long limit)
        {
            // NOTE: a named pipe with no writer blocks here until one appears, as any reader would.
            using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            using (var content = new MemoryStream())
            {
                var chunk = new byte[81920];
                int read;
                while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
                {
                    if (content.Length + read > limit)
                    {
                        throw TooLarge(file, $"yields more than {limit:N0} bytes when read");
                    }

                    content.Write(chunk, 0, read);
                }

                return content.ToArray();
            }
        }

        private static MfuException TooLarge(string file, string size) =>
            new MfuException(ErrorIds.ConfigTooLarge, MfuErrorKind.LimitsExceeded,
                $"'{file}' {size}; a config.json is a few kilobytes and MfuTools reads at most {MaxBytes:N0} bytes. Check that the path names the model's config.json, not a weights or log file.", file);

        /// <summary>
        /// Decodes file bytes, honouring a byte-order mark and otherwise requiring valid UTF-8,
        /// so that a binary file or a Latin-1 file is reported instead of read as garbage.
        /// </summary>
        internal static string Decode(byte[] bytes, string file)
        {
            Encoding encoding;
            int skip;
            if (bytes.Length >= 4 && bytes[0] == 0xFF && bytes[1] == 0xFE && bytes[2] == 0 && bytes[3] == 0)
            {
                encoding = new UTF32Encoding(false, true, true);
                skip = 4;
            }
            else if (bytes.Length >= 4 && bytes[0] == 0 && bytes[1] == 0 && bytes[2] == 0xFE && bytes[3] == 0xFF)
            {
                encoding = new UTF32Encoding(true, true, true);
                skip = 4;
            }
            else if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
            {
                encoding = new UTF8Encoding(false, true);
                skip = 3;
            }
            else if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
            {
                encoding = new UnicodeEncoding(false, true, true);
                skip = 2;
            }
            else if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
            {
                encoding = new UnicodeEncoding(true, true, true);
                skip = 2;
            }
            else if (bytes.Length >= 2 && bytes[0] != 0 && bytes[1] == 0)
            {
                // A JSON text starts with an ASCII character, so a zero second byte means
                // UTF-16 LE without a byte-order mark (RFC 4627, section 3).
                encoding = new UnicodeEncoding(false, false, true);
                skip = 0;
            }
            else if (bytes.Length >= 2 && bytes[0] == 0 && bytes[1] != 0)
            {
                encoding = new UnicodeEncoding(true, false, true);
                skip = 0;
            }
            else
            {
                encoding = new UTF8Encoding(false, true);
                skip = 0;
            }

            try
            {
                return encoding.GetString(bytes, skip, bytes.Length - skip);
            }
            catch (DecoderFallbackException ex)
            {
                throw new MfuException(ErrorIds.ConfigEncodingInvalid, MfuErrorKind.InvalidData,
                    $"'{file}' is not valid {encoding.WebName} text (bad byte at offset {ex.Index + skip}). Save the config as UTF-8.", file, ex);
            }
        }

        private static string Describe(JsonToken token)
        {
            switch (token)
            {
                case JsonToken.StartArray: return "array";
                case JsonToken.String: return "string";
                case JsonToken.Integer:
                case JsonToken.Float: return "number";
                case JsonToken.Boolean: return "boolean";
                case JsonToken.Null: return "null";
                default: return token.ToString().ToLowerInvariant();
            }
        }
    }
}
