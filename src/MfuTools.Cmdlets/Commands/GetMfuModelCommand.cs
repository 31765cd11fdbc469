using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using MfuTools.Cmdlets.Infrastructure;
using MfuTools.Core.Catalogs;
using MfuTools.Core.Config;
using MfuTools.Core.Models;

namespace MfuTools.Cmdlets.Commands
{
    /// <summary>
    /// Gets model descriptions: the built-in presets, filtered by name with wildcards, or
    /// the model a config.json describes. The objects pipe into every other MfuTools cmdlet.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "MfuModel", DefaultParameterSetName = NameSet)]
    [OutputType(typeof(ModelConfig))]
    public sealed class GetMfuModelCommand : PSCmdlet
    {
        private const string NameSet = "Name";
        private const string PathSet = "Path";

        /// <summary>Preset names or repository ids to list; wildcards allowed, case ignored. All presets when omitted.</summary>
        [Parameter(ParameterSetName = NameSet, Position = 0, ValueFromPipeline = true)]
        [ArgumentCompleter(typeof(PresetNameCompleter))]
        [SupportsWildcards]
        public string[] Name { get; set; }

        /// <summary>A config.json, or a folder holding one, to describe instead of a preset.</summary>
        [Parameter(ParameterSetName = PathSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "FullName", "LiteralPath")]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == PathSet)
            {
                foreach (var path in Path)
                {
                    foreach (var file in ExpandPath(path))
                    {
                        try
                        {
                            WriteObject(ConfigReader.Read(file));
                        }
                        catch (Core.Errors.MfuException ex)
                        {
                            WriteError(ErrorRecords.From(ex, path));
                        }
                    }
                }

                return;
            }

            if (Name == null || Name.Length == 0)
            {
                WriteObject(PresetCatalog.All, enumerateCollection: true);
                return;
            }

            foreach (var name in Name)
            {
                if (WildcardPattern.ContainsWildcardCharacters(name))
                {
                    var pattern = new WildcardPattern(name, WildcardOptions.IgnoreCase);
                    WriteObject(PresetCatalog.All.Where(m => pattern.IsMatch(m.Name)), enumerateCollection: true);
                    continue;
                }

                try
                {
                    WriteObject(FromCacheOrPreset(name));
                }
                catch (Core.Errors.MfuException ex)
                {
                    WriteError(ErrorRecords.From(ex, name));
                }
            }
        }

        /// <summary>
        /// Returns the cached config of a repository id the user downloaded, as -Model does on
        /// the other cmdlets, else the preset of that name.
        /// </summary>
        private ModelConfig FromCacheOrPreset(string name)
        {
            if (HuggingFaceCache.IsRepoId(name))
            {
                var file = HuggingFaceCache.FindConfig(name, HuggingFaceCache.HubFolder(System.Environment.GetEnvironmentVariable));
                if (file != null)
                {
                    WriteVerbose($"'{name}' found in the local Hugging Face cache: reading {file}.");
                    return ConfigReader.Read(file);
                }
            }

            return PresetCatalog.Find(name);
        }

        /// <summary>
        /// Returns the files a -Path value names. A path that exists is taken literally (as
        /// Get-ChildItem pipes it); otherwise wildcards expand, as -Path does on the other cmdlets.
        /// </summary>
        private IEnumerable<string> ExpandPath(string path)
        {
            var literal = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
            if (File.Exists(literal) || Directory.Exists(literal) || !WildcardPattern.ContainsWildcardCharacters(path))
            {
                return new[] { literal };
            }

            try
            {
                var files = SessionState.Path.GetResolvedProviderPathFromPSPath(path, out _).ToList();
                files.Sort(StringComparer.Ordinal);
                return files;
            }
            catch (ItemNotFoundException)
            {
                // No match: let the reader report the path as not found.
                return new[] { literal };
            }
        }
    }
}
