using System;
using System.IO;

namespace MfuTools.Tests
{
    /// <summary>Locates the shared real-world test inputs (configs and logs) beside the repository.</summary>
    internal static class TestData
    {
        private static readonly Lazy<string> SharedData = new Lazy<string>(FindSharedData);

        /// <summary>Returns the path of a real config.json copy under shared/data/configs.</summary>
        public static string Config(string fileName) => Path.Combine(SharedData.Value, "configs", fileName);

        /// <summary>Returns the path of a real training log excerpt under shared/data/logs.</summary>
        public static string Log(string fileName) => Path.Combine(SharedData.Value, "logs", fileName);

        /// <summary>The repository root (the folder holding MfuTools.slnx).</summary>
        public static string RepoRoot
        {
            get
            {
                var folder = new DirectoryInfo(AppContext.BaseDirectory);
                while (folder != null && !File.Exists(Path.Combine(folder.FullName, "MfuTools.slnx")))
                {
                    folder = folder.Parent;
                }

                return folder?.FullName ?? throw new DirectoryNotFoundException("MfuTools.slnx not found above " + AppContext.BaseDirectory);
            }
        }

        private static string FindSharedData()
        {
            // CI and developers keep shared/ beside the repository: <parent>/shared/data.
            var candidate = Path.Combine(Directory.GetParent(RepoRoot).FullName, "shared", "data");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }

            throw new DirectoryNotFoundException($"The shared test data folder was not found at {candidate}.");
        }
    }
}
