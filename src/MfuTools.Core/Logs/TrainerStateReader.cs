using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using MfuTools.Core.Errors;
using MfuTools.Core.Results;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace MfuTools.Core.Logs
{
    /// <summary>
    /// Reads the Hugging Face Trainer's trainer_state.json, one log_history entry at a time.
    /// Fields read: from each training entry, step and loss; from the closing entry, step,
    /// train_runtime, train_samples_per_second, train_steps_per_second and total_flos.
    /// Evaluation entries (eval_loss) are passed over.
    /// </summary>
    internal static class TrainerStateReader
    {
        private const int MaxDepth = 64;

        public static IEnumerable<LogReadResult> Read(Stream stream, string file)
        {
            var text = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
            var json = new JsonTextReader(text)
            {
                MaxDepth = MaxDepth,
                DateParseHandling = DateParseHandling.None,
                FloatParseHandling = FloatParseHandling.Double,
            };

            if (!Advance(json, file) || json.TokenType != JsonToken.StartObject)
            {
                throw Invalid(file, json, "it is not a JSON object");
            }

            var sawHistory = false;
            while (Advance(json, file) && json.TokenType == JsonToken.PropertyName)
            {
                var name = (string)json.Value;
                Advance(json, file);
                if (name != "log_history")
                {
                    Skip(json, file);
                    continue;
                }

                if (json.TokenType != JsonToken.StartArray)
                {
                    throw Invalid(file, json, "log_history is not an array");
                }

                sawHistory = true;
                while (Advance(json, file) && json.TokenType != JsonToken.EndArray)
                {
                    var line = json.LineNumber;
                    if (json.TokenType != JsonToken.StartObject)
                    {
                        Skip(json, file);
                        yield return LogReadResult.Skipped(file, line, "a log_history entry is not a JSON object");
                        continue;
                    }

                    var entry = LoadEntry(json, file);
                    var result = ToResult(entry, file, line);
                    if (result != null)
                    {
                        yield return result;
                    }
                }
            }

            if (!sawHistory)
            {
                throw new MfuException(ErrorIds.TrainingLogJsonInvalid, MfuErrorKind.InvalidData,
                    $"'{file}' has no log_history array, so it is not a Hugging Face trainer_state.json. Pass a trainer_state.json or a text log.", file);
            }
        }

        private static LogReadResult ToResult(JObject entry, string file, long line)
        {
            try
            {
                if (entry["train_runtime"] != null)
                {
                    return LogReadResult.Of(RunTotals(entry, file, line));
                }

                if (entry["loss"] != null)
                {
                    return LogReadResult.Of(Step(entry, file, line));
                }

                return null;
            }
            catch (LogLineException ex)
            {
                return LogReadResult.Skipped(file, line, ex.Message);
            }
        }

        private static TrainingLogRecord Step(JObject entry, string file, long line)
        {
            var record = new TrainingLogRecord(TrainingFramework.HuggingFaceTrainer, file, line)
            {
                Step = Integer(entry, "step"),
            };

            var loss = entry["loss"];
            if (IsNonFinite(loss))
            {
                record.LossWasNonFinite = true;
            }
            else
            {
                record.Loss = Number(entry, "loss");
            }

            return record;
        }

        // The closing entry describes the whole run: train_runtime is wall time including
        // evaluation and checkpoints, and total_flos is the Trainer's 6·N·tokens estimate.
        private static TrainingLogRecord RunTotals(JObject entry, string file, long line)
        {
            var record = new TrainingLogRecord(TrainingFramework.HuggingFaceTrainer, file, line)
            {
                Step = Integer(entry, "step"),
            };

            Number(entry, "train_runtime");
            if (entry["train_samples_per_second"] != null)
            {
                record.SamplesPerSecond = Number(entry, "train_samples_per_second");
            }

            if (entry["train_steps_per_second"] != null)
            {
                var stepsPerSecond = Number(entry, "train_steps_per_second");
                record.StepSeconds = stepsPerSecond > 0 ? 1 / stepsPerSecond : (double?)null;
            }

            var flops = entry["total_flos"];
            if (flops != null)
            {
                if (flops.Type != JTokenType.Float && flops.Type != JTokenType.Integer)
                {
                    throw new LogLineException($"total_flos '{flops}' is not a number");
                }

                // Python accumulates total_flos as a float, so a double keeps every digit it has.
                record.ReportedTotalFlops = decimal.Round((decimal)Number(entry, "total_flos"));
                record.ReportedUnit = "total_flos";
                record.Quirk = LogQuirks.TotalFlosOmitsAttentionAndTiedLogits;
            }

            return record;
        }

        private static double Number(JObject entry, string name)
        {
            var token = entry[name];
            if (token == null || (token.Type != JTokenType.Float && token.Type != JTokenType.Integer))
            {
                throw new LogLineException($"{name} '{token}' is not a number");
            }

            double value;
            try
            {
                value = token.Value<double>();
            }
            catch (Exception ex) when (ex is OverflowException || ex is InvalidCastException || ex is FormatException)
            {
                throw new LogLineException($"{name} '{token}' is not a readable number");
            }

            if (double.IsNaN(value) || double.IsInfinity(value))
            {
                throw new LogLineException($"{name} is {token}, not a finite number");
            }

            return value;
        }

        // Python's json module writes NaN and Infinity bare; some writers quote them.
        private static bool IsNonFinite(JToken token)
        {
            if (token.Type == JTokenType.String)
            {
                return LogFields.IsNonFinite((string)token);
            }

            if (token.Type == JTokenType.Float)
            {
                var value = token.Value<double>();
                return double.IsNaN(value) || double.IsInfinity(value);
            }

            return false;
        }

        private static long? Integer(JObject entry, string name)
        {
            var token = entry[name];
            if (token == null)
            {
                return null;
            }

            if (token.Type != JTokenType.Integer)
            {
                throw new LogLineException($"{name} '{token}' is not a whole number");
            }

            try
            {
                return token.Value<long>();
            }
            catch (Exception ex) when (ex is OverflowException || ex is InvalidCastException)
            {
                throw new LogLineException($"{name} '{token}' is too large");
            }
        }

        private static JObject LoadEntry(JsonTextReader json, string file)
        {
            try
            {
                return JObject.Load(json);
            }
            catch (JsonReaderException ex)
            {
                throw Invalid(file, json, ex.Message, ex);
            }
        }

        private static bool Advance(JsonTextReader json, string file)
        {
            try
            {
                return json.Read();
            }
            catch (JsonReaderException ex)
            {
                throw Invalid(file, json, ex.Message, ex);
            }
        }

        private static void Skip(JsonTextReader json, string file)
        {
            try
            {
                json.Skip();
            }
            catch (JsonReaderException ex)
            {
                throw Invalid(file, json, ex.Message, ex);
            }
        }

        private static MfuException Invalid(string file, JsonTextReader json, string reason, Exception inner = null) =>
            new MfuException(ErrorIds.TrainingLogJsonInvalid, MfuErrorKind.InvalidData,
                string.Format(CultureInfo.InvariantCulture, "'{0}' is not a readable trainer_state.json (line {1}): {2}", file, json.LineNumber, reason), file, inner);
    }
}
