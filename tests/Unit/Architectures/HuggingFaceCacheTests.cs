using System;
using System.Collections.Generic;
using System.IO;
using MfuTools.Core.Config;
using Xunit;

namespace MfuTools.Tests.Architectures
{
    /// <summary>
    /// Finding a config in a fake Hugging Face cache laid out as huggingface_hub lays it out:
    /// models--Org--Name/refs/main and models--Org--Name/snapshots/&lt;revision&gt;/config.json.
    /// </summary>
    public sealed class HuggingFaceCacheTests : IDisposable
    {
        private const string MainRevision = "0123456789abcdef0123456789abcdef01234567";
        private const string OldRevision = "fedcba9876543210fedcba9876543210fedcba98";
        private readonly string _hub = Path.Combine(Path.GetTempPath(), "mfutools-hub-" + Guid.NewGuid().ToString("N"));

        public void Dispose()
        {
            if (Directory.Exists(_hub))
            {
                Directory.Delete(_hub, recursive: true);
            }
        }

        [Fact]
        public void FindConfig_PrefersRefsMain()
        {
            var repo = Snapshot("Qwen/Qwen2.5-7B", OldRevision);
            Snapshot("Qwen/Qwen2.5-7B", MainRevision);
            Directory.SetLastWriteTimeUtc(Path.Combine(repo, "snapshots", OldRevision), DateTime.UtcNow.AddDays(1));
            Directory.CreateDirectory(Path.Combine(repo, "refs"));
            File.WriteAllText(Path.Combine(repo, "refs", "main"), MainRevision + "\n");

            var file = HuggingFaceCache.FindConfig("Qwen/Qwen2.5-7B", _hub);

            Assert.Equal(Path.Combine(repo, "snapshots", MainRevision, "config.json"), file);
        }

        [Fact]
        public void FindConfig_FallsBackToNewestSnapshot()
        {
            var repo = Snapshot("org/model", OldRevision);
            Snapshot("org/model", MainRevision);
            Directory.SetLastWriteTimeUtc(Path.Combine(repo, "snapshots", MainRevision), DateTime.UtcNow.AddDays(-1));
            Directory.SetLastWriteTimeUtc(Path.Combine(repo, "snapshots", OldRevision), DateTime.UtcNow);

            Assert.Equal(Path.Combine(repo, "snapshots", OldRevision, "config.json"), HuggingFaceCache.FindConfig("org/model", _hub));
        }

        [Fact]
        public void FindConfig_MissingModel_IsNull()
        {
            Directory.CreateDirectory(_hub);

            Assert.Null(HuggingFaceCache.FindConfig("org/absent", _hub));
        }

        [Theory]
        [InlineData("Qwen/Qwen2.5-7B", true)]
        [InlineData("Qwen2.5-7B", false)]
        [InlineData("../etc/passwd", false)]
        [InlineData("org/../x", false)]
        [InlineData("a/b/c", false)]
        public void IsRepoId_AcceptsOrgSlashName(string text, bool expected)
        {
            Assert.Equal(expected, HuggingFaceCache.IsRepoId(text));
        }

        [Fact]
        public void HubFolder_FollowsHuggingFaceOrder()
        {
            var both = new Dictionary<string, string> { ["HF_HUB_CACHE"] = "/a", ["HF_HOME"] = "/b" };
            var home = new Dictionary<string, string> { ["HF_HOME"] = "/b" };

            Assert.Equal("/a", HuggingFaceCache.HubFolder(k => both.TryGetValue(k, out var v) ? v : null));
            Assert.Equal(Path.Combine("/b", "hub"), HuggingFaceCache.HubFolder(k => home.TryGetValue(k, out var v) ? v : null));
            Assert.EndsWith(Path.Combine(".cache", "huggingface", "hub"), HuggingFaceCache.HubFolder(_ => null));
        }

        private string Snapshot(string repoId, string revision)
        {
            var repo = Path.Combine(_hub, "models--" + repoId.Replace("/", "--"));
            var folder = Path.Combine(repo, "snapshots", revision);
            Directory.CreateDirectory(folder);
            File.Copy(TestData.Config("Qwen__Qwen2.5-0.5B.json"), Path.Combine(folder, "config.json"));
            return repo;
        }
    }
}
