using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using MfuTools.Core.Catalogs;
using MfuTools.Core.Config;
using MfuTools.Core.Errors;
using MfuTools.Core.Models;

namespace MfuTools.Cmdlets.Infrastructure
{
    /// <summary>
    /// The model parameters every model-taking cmdlet shares: a config path, a preset name
    /// or a piped model. Each input is resolved on its own, so one bad input writes one
    /// error and the rest of the pipeline goes on.
    /// </summary>
    public abstract class ModelCmdletBase : PSCmdlet
    {
        protected const string ModelSet = "Model";
        protected const string PathSet = "Path";
        protected const string LiteralPathSet = "LiteralPath";
        protected const string InputObjectSet = "InputObject";

        /// <summary>A preset name or Hugging Face repository id; an existing file or folder path also works.</summary>
        [Parameter(ParameterSetName = ModelSet, Mandatory = true, Position = 0)]
        [ArgumentCompleter(typeof(PresetNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] Model { get; set; }

        /// <summary>A config.json, or a folder holding one; wildcards allowed.</summary>
        [Parameter(ParameterSetName = PathSet, Mandatory = true, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; }

        /// <summary>A config.json, or a folder holding one, taken literally.</summary>
        [Parameter(ParameterSetName = LiteralPathSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "FullName")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; }

        /// <summary>A model object from Get-MfuModel.</summary>
        [Parameter(ParameterSetName = InputObjectSet, Mandatory = true, ValueFromPipeline = true)]
        public ModelConfig[] InputObject { get; set; }

        /// <summary>
        /// Models already resolved from -Model names in this pipeline. The piped records of a
        /// step log repeat one name, so the preset lookup and the model's verbose description
        /// happen once, not once per record.
        /// </summary>
        private static readonly HashSet<string> HardwareErrorIds = new HashSet<string>(StringComparer.Ordinal)
        {
            ErrorIds.AcceleratorNotFound, ErrorIds.AcceleratorAmbiguous, ErrorIds.PrecisionNotSupported,
            ErrorIds.HardwareMissing, ErrorIds.HardwareConflict,
        };

        private readonly HashSet<string> hardwareErrorsWritten = new HashSet<string>(StringComparer.Ordinal);

        private readonly HashSet<string> failedNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        private readonly Dictionary<string, ModelConfig> modelsByName = new Dictionary<string, ModelConfig>(StringComparer.OrdinalIgnoreCase);

        /// <summary>
        /// Returns the models this record's input names, writing an error for each that
        /// cannot be read and moving on to the next.
        /// </summary>
        protected IEnumerable<ModelConfig> ResolveModels()
        {
            switch (ParameterSetName)
            {
                case InputObjectSet:
                    foreach (var model in InputObject ?? new ModelConfig[0])
                    {
                        if (model != null)
                        {
                            OnModelResolved(model);
                            yield return model;
                        }
                    }

                    break;

                case ModelSet:
                    foreach (var name in Model)
                    {
                        if (modelsByName.TryGetValue(name, out var known))
                        {
                            OnModelResolved(known);
                            yield return known;
                            continue;
                        }

                        // A name that failed once fails for every record of the pipeline: its
                        // error was written for the first record only.
                        if (failedNames.Contains(name))
                        {
                            continue;
                        }

                        var model = Attempt(() => FromModelName(name), name);
                        if (model != null)
                        {
                            modelsByName[name] = model;
                            yield return Announce(model);
                        }
                        else
                        {
                            failedNames.Add(name);
                        }
                    }

                    break;

                case PathSet:
                case LiteralPathSet:
                    var literal = ParameterSetName == LiteralPathSet;
                    foreach (var file in ExpandPaths(literal ? LiteralPath : Path, literal))
                    {
                        var model = Attempt(() => ConfigReader.Read(file), file);
                        if (model != null)
                        {
                            yield return Announce(model);
                        }
                    }

                    break;
            }
        }

        /// <summary>Checks a model against the cmdlet's other parameters once it is resolved; the default checks nothing.</summary>
        protected virtual void OnModelResolved(ModelConfig model)
        {
        }

        /// <summary>Runs <paramref name="action"/>, turning an engine failure into a non-terminating error.</summary>
        protected T Attempt<T>(Func<T> action, object target) where T : class
        {
            try
            {
                return action();
            }
            catch (MfuException ex)
            {
                WriteEngineError(ex, target);
                return null;
            }
        }

        /// <summary>Runs <paramref name="action"/>, turning an engine failure into a non-terminating error.</summary>
        protected bool Attempt(Action action, object target)
        {
            try
            {
                action();
                return true;
            }
            catch (MfuException ex)
            {
                WriteEngineError(ex, target);
                return false;
            }
        }

        /// <summary>
        /// Writes an engine failure as a non-terminating error. A failure about the hardware
        /// (an unknown accelerator, a precision it has no peak for) is the same for every
        /// record that names it, so each distinct one is written once per pipeline.
        /// </summary>
        protected void WriteEngineError(MfuException ex, object target)
        {
            if (HardwareErrorIds.Contains(ex.ErrorId) && !hardwareErrorsWritten.Add(ex.ErrorId + "\n" + ex.Message))
            {
                return;
            }

            WriteError(ErrorRecords.From(ex, target));
        }

        private ModelConfig FromModelName(string name)
        {
            // A repository id the user downloaded names the config they actually run, so the
            // cached file wins over a preset of the same id.
            var cached = FromHuggingFaceCache(name, out var hub);
            if (cached != null)
            {
                return cached;
            }

            var preset = PresetCatalog.TryFind(name, out var note);
            if (preset != null)
            {
                return preset;
            }

            // A path typed where a name was expected is what the user meant: read it.
            var provider = ToProviderPath(name);
            if (provider != null && (File.Exists(provider) || Directory.Exists(provider)))
            {
                WriteVerbose($"'{name}' is not a preset name but an existing path: reading it as a config.");
                return ConfigReader.Read(provider);
            }

            if (LooksLikePath(name))
            {
                throw new MfuException(ErrorIds.ConfigNotFound, MfuErrorKind.ObjectNotFound,
                    $"The config file '{name}' was not found, and it is not a preset name. Check the path, or run Get-MfuModel to list the presets.", name);
            }

            if (HuggingFaceCache.IsRepoId(name))
            {
                throw new MfuException(ErrorIds.PresetNotFound, MfuErrorKind.ObjectNotFound,
                    $"'{name}' is neither a preset nor a model in the local Hugging Face cache ({hub}). {note}MfuTools never downloads: fetch the config with 'huggingface-cli download {name} config.json', or pass a config.json with -Path.", name);
            }

            return PresetCatalog.Find(name);
        }

        /// <summary>Returns the file-system path a name would mean, or null when it cannot be a path here.</summary>
        private string ToProviderPath(string name)
        {
            try
            {
                return SessionState.Path.GetUnresolvedProviderPathFromPSPath(name);
            }
            catch (Exception ex) when (ex is ItemNotFoundException || ex is System.Management.Automation.DriveNotFoundException || ex is ProviderNotFoundException
                                       || ex is NotSupportedException || ex is ArgumentException || ex is PSInvalidOperationException)
            {
                return null;
            }
        }

        /// <summary>
        /// Returns whether a -Model value is meant as a path rather than a preset name or a
        /// repository id: a .json file, or a name that starts like a relative or rooted path.
        /// </summary>
        private static bool LooksLikePath(string name)
        {
            var trimmed = name.Trim();
            return trimmed.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
                   || trimmed.StartsWith(".", StringComparison.Ordinal)
                   || trimmed.StartsWith("/", StringComparison.Ordinal)
                   || trimmed.StartsWith("~", StringComparison.Ordinal)
                   || trimmed.IndexOf('\\') >= 0
                   || (trimmed.Length >= 2 && trimmed[1] == ':');
        }

        private ModelConfig FromHuggingFaceCache(string name, out string hub)
        {
            hub = null;
            if (!HuggingFaceCache.IsRepoId(name))
            {
                return null;
            }

            hub = HuggingFaceCache.HubFolder(Environment.GetEnvironmentVariable);
            var file = HuggingFaceCache.FindConfig(name, hub);
            if (file == null)
            {
                WriteVerbose($"'{name}' is not in the local Hugging Face cache at {hub}.");
                return null;
            }

            WriteVerbose($"'{name}' found in the local Hugging Face cache: reading {file}" +
                         (PresetCatalog.TryFind(name, out _) != null ? " instead of the preset of the same id." : "."));
            return ConfigReader.Read(file);
        }

        private ModelConfig Announce(ModelConfig model)
        {
            WriteVerbose($"Model '{model.Name}' ({model.ModelType}) from {model.Source}: hidden_size {model.HiddenSize}, intermediate_size {model.IntermediateSize}, " +
                         $"{model.NumHiddenLayers} layers, {model.NumAttentionHeads} query heads and {model.NumKeyValueHeads} key/value heads of {model.HeadDim}, " +
                         $"vocab_size {model.VocabSize}, tie_word_embeddings {model.TieWordEmbeddings}, {model.Parameters:N0} parameters.");
            foreach (var line in model.GetDerivations())
            {
                WriteVerbose(line);
            }

            if (!string.IsNullOrEmpty(model.Notes))
            {
                WriteVerbose("Preset note: " + model.Notes);
            }

            if (model.NumExperts > 0)
            {
                WriteVerbose($"'{model.Name}' is a mixture of experts: {model.ActiveParameters:N0} of its {model.Parameters:N0} parameters are used per token.");
            }

            OnModelResolved(model);

            if (model.HasVisionTower)
            {
                WriteWarning($"'{model.Name}' is a vision-language model: only its language model is counted, not the vision tower or projector.");
            }

            return model;
        }

        private IEnumerable<string> ExpandPaths(IEnumerable<string> paths, bool literal)
        {
            foreach (var path in paths)
            {
                var resolved = Attempt(() => Resolve(path, literal), path);
                if (resolved == null)
                {
                    continue;
                }

                foreach (var file in resolved)
                {
                    yield return file;
                }
            }
        }

        private List<string> Resolve(string path, bool literal)
        {
            if (literal || !WildcardPattern.ContainsWildcardCharacters(path))
            {
                return new List<string> { SessionState.Path.GetUnresolvedProviderPathFromPSPath(path) };
            }

            try
            {
                var files = new List<string>(SessionState.Path.GetResolvedProviderPathFromPSPath(path, out _));
                files.Sort(StringComparer.Ordinal);
                return files;
            }
            catch (ItemNotFoundException ex)
            {
                throw new MfuException(ErrorIds.ConfigNotFound, MfuErrorKind.ObjectNotFound,
                    $"No file matches '{path}'. Check the path and the wildcard.", path, ex);
            }
        }
    }
}
