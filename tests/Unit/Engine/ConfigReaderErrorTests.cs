using System.IO;
using MfuTools.Core.Config;
using MfuTools.Core.Errors;
using Newtonsoft.Json.Linq;
using Xunit;

namespace MfuTools.Tests.Engine
{
    /// <summary>Each way a config can be wrong gives one MfuException with a stable id that names the key.</summary>
    public class ConfigReaderErrorTests
    {
        // A valid Llama config (Llama-2-7b-hf dimensions) that each case breaks in one place.
        private const string Valid = "{\"model_type\":\"llama\",\"hidden_size\":4096,\"intermediate_size\":11008,\"num_hidden_layers\":32,\"num_attention_heads\":32,\"num_key_value_heads\":32,\"vocab_size\":32000}";

        private static MfuException Fail(string json)
        {
            return Assert.Throws<MfuException>(() => ConfigReader.FromJson(ConfigFile.Parse(json, "test.json"), "test.json", "test"));
        }

        private static string With(string key, string value)
        {
            var json = JObject.Parse(Valid);
            json[key] = JToken.Parse(value);
            return json.ToString();
        }

        private static string Without(string key)
        {
            var json = JObject.Parse(Valid);
            json.Remove(key);
            return json.ToString();
        }

        [Fact]
        public void ValidConfig_Reads()
        {
            var model = ConfigReader.FromJson(ConfigFile.Parse(Valid, "test.json"), "test.json", "test");

            // Llama-2-7B's published parameter count, 6,738,415,616.
            Assert.Equal(6_738_415_616m, model.Parameters);
        }

        [Theory]
        [InlineData("hidden_size")]
        [InlineData("intermediate_size")]
        [InlineData("num_hidden_layers")]
        [InlineData("num_attention_heads")]
        [InlineData("vocab_size")]
        public void MissingKey_NamesKey(string key)
        {
            var ex = Fail(Without(key));

            Assert.Equal(ErrorIds.ConfigKeyMissing, ex.ErrorId);
            Assert.Contains("'" + key + "'", ex.Message);
            Assert.Contains("test.json", ex.Message);
        }

        [Theory]
        [InlineData("hidden_size", "0")]
        [InlineData("hidden_size", "-4096")]
        [InlineData("hidden_size", "4096.5")]
        [InlineData("hidden_size", "\"4096\"")]
        [InlineData("hidden_size", "true")]
        [InlineData("num_hidden_layers", "[32]")]
        [InlineData("num_key_value_heads", "0")]
        [InlineData("tie_word_embeddings", "\"yes\"")]
        [InlineData("hidden_size", "99999999999999999999999")]
        [InlineData("vocab_size", "1000000000")]
        public void BadValue_NamesKey(string key, string value)
        {
            var ex = Fail(With(key, value));

            Assert.Equal(ErrorIds.ConfigValueInvalid, ex.ErrorId);
            Assert.Equal(MfuErrorKind.InvalidData, ex.Kind);
            Assert.Contains("'" + key + "'", ex.Message);
        }

        [Fact]
        public void HeadsNotDividingHidden_WithoutHeadDim_IsShapeError()
        {
            var ex = Fail(With("num_attention_heads", "30"));

            Assert.Equal(ErrorIds.ConfigShapeInvalid, ex.ErrorId);
            Assert.Contains("num_attention_heads", ex.Message);
        }

        [Fact]
        public void HeadsNotDividingHidden_WithHeadDim_Reads()
        {
            // Qwen3 and Llama 3.2 set head_dim explicitly; then h need not divide by nh.
            var json = JObject.Parse(With("num_attention_heads", "30"));
            json["num_key_value_heads"] = 10;
            json["head_dim"] = 128;
            var model = ConfigReader.FromJson(json, "test.json", "test");

            Assert.Equal(128, model.HeadDim);
        }

        [Fact]
        public void KvHeadsNotDividingHeads_IsShapeError()
        {
            var ex = Fail(With("num_key_value_heads", "5"));

            Assert.Equal(ErrorIds.ConfigShapeInvalid, ex.ErrorId);
            Assert.Contains("num_key_value_heads", ex.Message);
        }

        [Fact]
        public void NullKvHeads_MeansMultiHead()
        {
            var json = JObject.Parse(With("num_key_value_heads", "null"));
            var model = ConfigReader.FromJson(json, "test.json", "test");

            Assert.Equal(32, model.NumKeyValueHeads);
        }

        [Theory]
        [InlineData("")]
        [InlineData("{\"model_type\": \"llama\",")]
        [InlineData("{\"model_type\": llama}")]
        [InlineData("{} {}")]
        public void InvalidJson_IsJsonError(string text)
        {
            var ex = Fail(text);

            Assert.Equal(ErrorIds.ConfigJsonInvalid, ex.ErrorId);
        }

        [Theory]
        [InlineData("[1, 2]")]
        [InlineData("\"config\"")]
        [InlineData("42")]
        public void NonObject_IsNotAnObject(string text)
        {
            Assert.Equal(ErrorIds.ConfigNotAnObject, Fail(text).ErrorId);
        }

        [Fact]
        public void DuplicateKey_IsRejected()
        {
            var text = Valid.Replace("\"vocab_size\":32000", "\"vocab_size\":32000,\"vocab_size\":64000");

            Assert.Equal(ErrorIds.ConfigDuplicateKey, Fail(text).ErrorId);
        }

        [Fact]
        public void DeepNesting_FailsFast()
        {
            var text = "{\"a\":" + new string('[', 5000) + new string(']', 5000) + "}";

            Assert.Equal(ErrorIds.ConfigJsonInvalid, Fail(text).ErrorId);
        }

        [Fact]
        public void UnknownModelType_NamesIt()
        {
            var ex = Fail(With("model_type", "\"bert\""));

            Assert.Equal(ErrorIds.ModelTypeNotSupported, ex.ErrorId);
            Assert.Equal(MfuErrorKind.NotImplemented, ex.Kind);
            Assert.Contains("'bert'", ex.Message);
        }

        [Fact]
        public void MissingModelType_UsesArchitectures()
        {
            var json = JObject.Parse(Without("model_type"));
            json["architectures"] = new JArray("LlamaForCausalLM");

            Assert.Equal("llama", ConfigReader.FromJson(json, "test.json", "test").ModelType);
        }

        [Fact]
        public void MissingFile_IsNotFound()
        {
            var ex = Assert.Throws<MfuException>(() => ConfigReader.Read(Path.Combine(Path.GetTempPath(), "no-such-dir-mfu", "config.json")));

            Assert.Equal(ErrorIds.ConfigNotFound, ex.ErrorId);
            Assert.Equal(MfuErrorKind.ObjectNotFound, ex.Kind);
        }

        [Fact]
        public void FolderWithoutConfig_IsNotFound()
        {
            var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "mfu-empty-" + System.Guid.NewGuid().ToString("N")));
            try
            {
                var ex = Assert.Throws<MfuException>(() => ConfigReader.Read(folder.FullName));

                Assert.Equal(ErrorIds.ConfigNotFound, ex.ErrorId);
                Assert.Contains("without a config.json", ex.Message);
            }
            finally
            {
                folder.Delete(true);
            }
        }

        [Fact]
        public void FolderWithConfig_ReadsIt()
        {
            var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "mfu-model-" + System.Guid.NewGuid().ToString("N")));
            try
            {
                File.WriteAllText(Path.Combine(folder.FullName, "config.json"), Valid);
                var model = ConfigReader.Read(folder.FullName);

                Assert.Equal(folder.Name, model.Name);
            }
            finally
            {
                folder.Delete(true);
            }
        }
    }
}
