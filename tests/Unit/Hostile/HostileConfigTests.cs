using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using MfuTools.Core.Config;
using MfuTools.Core.Errors;
using Xunit;

namespace MfuTools.Tests.Hostile
{
    /// <summary>
    /// Every file of the hostile-input corpus in tests/Hostile, read through the engine.
    /// expected.csv lists each file's error id and category. A bad file must raise one
    /// MfuException with that id, quickly and with bounded allocation, and a valid oddity
    /// must read as the model it describes.
    /// </summary>
    public class HostileConfigTests
    {
        /// <summary>
        /// Parameters of the corpus's base model, a Llama with h = 64, I = 128, L = 2, nh = 4,
        /// nkv = 2 (d = 16), V = 100, untied: embed 100·64 = 6,400; per layer two norms 2·64,
        /// q and o 64·64 each, k and v 64·32 each, MLP 3·64·128, so 128 + 8,192 + 4,096 +
        /// 24,576 = 36,992; final norm 64; lm_head 6,400. Total 6,400 + 2·36,992 + 64 + 6,400.
        /// </summary>
        private const long BaseModelParameters = 6_400 + 2 * 36_992 + 64 + 6_400;

        /// <summary>Largest allocation one rejected file may cause: 16 times the 4 MiB size limit.</summary>
        private const long MaxAllocatedBytes = 16 * ConfigFile.MaxBytes;

        private static readonly TimeSpan MaxReadTime = TimeSpan.FromSeconds(2);

        public static IEnumerable<object[]> BadFiles() => Corpus().Where(c => c.ErrorId.Length > 0).Select(c => new object[] { c.File, c.ErrorId, c.Category });

        public static IEnumerable<object[]> ValidFiles() => Corpus().Where(c => c.ErrorId.Length == 0).Select(c => new object[] { c.File });

        [Fact]
        public void Corpus_HasAtLeastForty()
        {
            Assert.True(Corpus().Count() >= 40, "The hostile corpus lists fewer than 40 files.");
            Assert.All(Corpus(), c => Assert.True(File.Exists(PathOf(c.File)), c.File + " is listed but missing."));
        }

        [Theory]
        [MemberData(nameof(BadFiles))]
        public void BadFile_GivesItsErrorId(string file, string errorId, string category)
        {
            var error = ReadExpectingError(PathOf(file), out _, out _);

            Assert.Equal(errorId, error.ErrorId);
            Assert.Equal(category, error.Kind.ToString());
            Assert.Equal(PathOf(file), error.Target);
        }

        [Theory]
        [MemberData(nameof(BadFiles))]
        public void BadFile_IsRejectedQuicklyInBoundedMemory(string file, string errorId, string category)
        {
            _ = errorId;
            _ = category;
            ReadExpectingError(PathOf(file), out var elapsed, out var allocated);

            Assert.True(elapsed < MaxReadTime, $"{file} took {elapsed.TotalMilliseconds} ms.");
            Assert.True(allocated < MaxAllocatedBytes, $"{file} allocated {allocated:N0} bytes.");
        }

        [Theory]
        [MemberData(nameof(ValidFiles))]
        public void ValidOddity_ReadsAsTheBaseModel(string file)
        {
            var model = ConfigReader.Read(PathOf(file));

            Assert.Equal(64, model.HiddenSize);
            Assert.Equal(BaseModelParameters, model.Parameters);
        }

        [Fact]
        public void HundredMegabyteFile_IsRejectedBeforeReading()
        {
            var folder = NewTempFolder();
            try
            {
                var file = Path.Combine(folder, "config.json");
                using (var stream = File.Create(file))
                {
                    stream.SetLength(100L * 1024 * 1024);
                }

                var error = ReadExpectingError(file, out var elapsed, out var allocated);

                Assert.Equal(ErrorIds.ConfigTooLarge, error.ErrorId);
                Assert.Equal(MfuErrorKind.LimitsExceeded, error.Kind);
                Assert.True(elapsed < MaxReadTime, $"took {elapsed.TotalMilliseconds} ms");
                Assert.True(allocated < 1024 * 1024, $"allocated {allocated:N0} bytes for a file it never reads");
            }
            finally
            {
                Directory.Delete(folder, true);
            }
        }

        [Fact]
        public void EndlessDevice_IsTooLarge()
        {
            // /dev/zero reports a length of 0 and never ends; only Unix-like systems have it.
            if (!File.Exists("/dev/zero"))
            {
                return;
            }

            var error = ReadExpectingError("/dev/zero", out var elapsed, out var allocated);

            Assert.Equal(ErrorIds.ConfigTooLarge, error.ErrorId);
            Assert.True(elapsed < MaxReadTime, $"took {elapsed.TotalMilliseconds} ms");
            Assert.True(allocated < MaxAllocatedBytes, $"allocated {allocated:N0} bytes");
        }

        [Fact]
        public void OneByteOverTheLimit_IsTooLarge()
        {
            var folder = NewTempFolder();
            try
            {
                var file = Path.Combine(folder, "config.json");
                File.WriteAllText(file, "{}" + new string(' ', (int)ConfigFile.MaxBytes - 1));

                Assert.Equal(ErrorIds.ConfigTooLarge, ReadExpectingError(file, out _, out _).ErrorId);
            }
            finally
            {
                Directory.Delete(folder, true);
            }
        }

        [Fact]
        public void FileAtTheLimit_IsRead()
        {
            var folder = NewTempFolder();
            try
            {
                var file = Path.Combine(folder, "config.json");
                var config = File.ReadAllText(PathOf("valid-crlf.json"));
                File.WriteAllText(file, config + new string(' ', (int)ConfigFile.MaxBytes - Encoding.UTF8.GetByteCount(config)));

                Assert.Equal(ConfigFile.MaxBytes, new FileInfo(file).Length);
                Assert.Equal(BaseModelParameters, ConfigReader.Read(file).Parameters);
            }
            finally
            {
                Directory.Delete(folder, true);
            }
        }

        [Fact]
        public void DirectoryNamedConfigJson_IsNotFound()
        {
            var folder = NewTempFolder();
            try
            {
                var directory = Directory.CreateDirectory(Path.Combine(folder, "config.json")).FullName;

                var error = ReadExpectingError(directory, out _, out _);

                Assert.Equal(ErrorIds.ConfigNotFound, error.ErrorId);
                Assert.Equal(MfuErrorKind.ObjectNotFound, error.Kind);
            }
            finally
            {
                Directory.Delete(folder, true);
            }
        }

        [Fact]
        public void FolderWithConfigJsonDirectory_IsNotFound()
        {
            var folder = NewTempFolder();
            try
            {
                Directory.CreateDirectory(Path.Combine(folder, "config.json"));

                Assert.Equal(ErrorIds.ConfigNotFound, ReadExpectingError(folder, out _, out _).ErrorId);
            }
            finally
            {
                Directory.Delete(folder, true);
            }
        }

        [Fact]
        public void ObjectsNestedHundredThousandDeep_AreInvalidJson()
        {
            const int depth = 100_000;
            var text = new StringBuilder(depth * 7);
            for (var i = 0; i < depth; i++)
            {
                text.Append("{\"a\": ");
            }

            text.Append('1').Append('}', depth);

            var error = Assert.Throws<MfuException>(() => ConfigFile.Parse(text.ToString(), "deep.json"));

            Assert.Equal(ErrorIds.ConfigJsonInvalid, error.ErrorId);
        }

        [Theory]
        [InlineData("0", true)]
        [InlineData("-0", true)]
        [InlineData("64", true)]
        [InlineData("-64", true)]
        [InlineData("1e-05", true)]
        [InlineData("500000.0", true)]
        [InlineData("1E+400", true)]
        [InlineData("064", false)]
        [InlineData("0x40", false)]
        [InlineData("1.", false)]
        [InlineData(".5", false)]
        [InlineData("1e", false)]
        [InlineData("+1", false)]
        [InlineData("--1", false)]
        [InlineData("1_000", false)]
        public void JsonNumberGrammar_MatchesRfc8259(string literal, bool valid)
        {
            Assert.Equal(valid, JsonNumbers.IsJsonNumber(literal));
        }

        private static MfuException ReadExpectingError(string path, out TimeSpan elapsed, out long allocated)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            MfuException error = null;
            try
            {
                ConfigReader.Read(path);
            }
            catch (MfuException ex)
            {
                error = ex;
            }

            elapsed = clock.Elapsed;
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.True(error != null, $"{path} was read without an error.");
            return error;
        }

        private static string PathOf(string file) => Path.Combine(TestData.RepoRoot, "tests", "Hostile", file);

        private static string NewTempFolder() => Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "mfutools-" + Guid.NewGuid().ToString("N"))).FullName;

        private static IEnumerable<(string File, string ErrorId, string Category)> Corpus()
        {
            // expected.csv columns: File,ErrorId,Category,Case. Case is quoted prose for readers, so it is not parsed.
            foreach (var line in File.ReadLines(PathOf("expected.csv")).Skip(1))
            {
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                var fields = line.Split(new[] { ',' }, 4);
                yield return (fields[0], fields[1], fields[2]);
            }
        }
    }
}
