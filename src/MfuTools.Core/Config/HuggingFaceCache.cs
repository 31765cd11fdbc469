using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace MfuTools.Core.Config
{
    /// <summary>
    /// Finds the config.json of a model in the local Hugging Face cache, the folder
    /// huggingface_hub downloads into. Nothing is ever downloaded: a model that is not in
    /// the cache is simply not found.
    /// </summary>
    public static class HuggingFaceCache
    {
        /// <summary>Repository ids as the Hub allows them: one organisation or user, a slash, a name.</summary>
        private static readonly Regex RepoId = new Regex(@"^[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*$", RegexOptions.CultureInvariant);

        /// <summary>Returns whether <paramref name="text"/> has the form of a repository id ("Qwen/Qwen2.5-7B").</summary>
        public static bool IsRepoId(string text) =>
            text != null && RepoId.IsMatch(text) && text.IndexOf("..", StringComparison.Ordinal) < 0;

        /// <summary>
        /// Returns the hub cache folder huggingface_hub uses: HF_HUB_CACHE, else the older
        /// HUGGINGFACE_HUB_CACHE, else HF_HOME/hub, else $XDG_CACHE_HOME/huggingface/hub, else
        /// ~/.cache/huggingface/hub. <paramref name="environment"/> reads an environment variable.
        /// </summary>
        public static string HubFolder(Func<string, string> environment)
        {
            var hub = NonEmpty(environment("HF_HUB_CACHE")) ?? NonEmpty(environment("HUGGINGFACE_HUB_CACHE"));
            if (hub != null)
            {
                return hub;
            }

            var home = NonEmpty(environment("HF_HOME"));
            if (home != null)
            {
                return Path.Combine(home, "hub");
            }

            var cache = NonEmpty(environment("XDG_CACHE_HOME"))
                        ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
            return Path.Combine(cache, "huggingface", "hub");
        }

        /// <summary>
        /// Returns the cached config.json of <paramref name="repoId"/> in <paramref name="hubFolder"/>,
        /// or null when the model is not there. The layout is
        /// models--Org--Name/snapshots/&lt;revision&gt;/config.json; the revision refs/main points to
        /// wins, else the most recently written snapshot that contains a config.json.
        /// </summary>
        public static string FindConfig(string repoId, string hubFolder)
        {
            if (!IsRepoId(repoId) || string.IsNullOrEmpty(hubFolder))
            {
                return null;
            }

            var repo = Path.Combine(hubFolder, "models--" + repoId.Replace("/", "--"));
            var snapshots = Path.Combine(repo, "snapshots");
            if (!Directory.Exists(snapshots))
            {
                return null;
            }

            var main = ReadRef(Path.Combine(repo, "refs", "main"));
            if (main != null)
            {
                var pinned = Path.Combine(snapshots, main, "config.json");
                if (File.Exists(pinned))
                {
                    return pinned;
                }
            }

            return new DirectoryInfo(snapshots).GetDirectories()
                .Where(d => File.Exists(Path.Combine(d.FullName, "config.json")))
                .OrderByDescending(d => d.LastWriteTimeUtc)
                .Select(d => Path.Combine(d.FullName, "config.json"))
                .FirstOrDefault();
        }

        /// <summary>
        /// Returns the repository ids of the models in <paramref name="hubFolder"/> (folders named
        /// models--Org--Name), for tab completion; none when the folder does not exist.
        /// </summary>
        public static IEnumerable<string> CachedRepoIds(string hubFolder)
        {
            if (string.IsNullOrEmpty(hubFolder) || !Directory.Exists(hubFolder))
            {
                return Enumerable.Empty<string>();
            }

            try
            {
                return Directory.GetDirectories(hubFolder, "models--*")
                    .Select(folder => Path.GetFileName(folder).Substring("models--".Length).Replace("--", "/"))
                    .Where(IsRepoId)
                    .OrderBy(id => id, StringComparer.OrdinalIgnoreCase)
                    .ToList();
            }
            catch (IOException)
            {
                return Enumerable.Empty<string>();
            }
            catch (UnauthorizedAccessException)
            {
                return Enumerable.Empty<string>();
            }
        }

        private static string ReadRef(string file)
        {
            try
            {
                if (!File.Exists(file))
                {
                    return null;
                }

                // A ref contains a hexadecimal commit hash. Anything else is ignored rather than used as a path.
                var revision = File.ReadAllText(file).Trim();
                return Regex.IsMatch(revision, "^[0-9a-fA-F]{7,64}$") ? revision : null;
            }
            catch (IOException)
            {
                return null;
            }
            catch (UnauthorizedAccessException)
            {
                return null;
            }
        }

        private static string NonEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value;
    }
}
