using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using MfuTools.Core.Catalogs;
using MfuTools.Core.Config;

namespace MfuTools.Cmdlets.Infrastructure
{
    /// <summary>Completes -Model with the names of the built-in presets.</summary>
    public sealed class PresetNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            var pattern = new WildcardPattern(prefix + "*", WildcardOptions.IgnoreCase);
            var presets = PresetCatalog.All
                .Where(m => pattern.IsMatch(m.Name))
                .Select(m => new CompletionResult(Quote(m.Name), m.Name, CompletionResultType.ParameterValue,
                    $"{m.Name}: {m.ModelType}, {m.NumHiddenLayers} layers, hidden {m.HiddenSize}"));

            // Models downloaded into the local Hugging Face cache complete by repository id
            // once the typed text contains a slash, so preset names stay first and uncluttered.
            if (prefix.IndexOf('/') < 0)
            {
                return presets;
            }

            var hub = HuggingFaceCache.HubFolder(Environment.GetEnvironmentVariable);
            var cached = HuggingFaceCache.CachedRepoIds(hub)
                .Where(id => pattern.IsMatch(id))
                .Select(id => new CompletionResult(id, id, CompletionResultType.ParameterValue, $"{id}: in the local Hugging Face cache"));
            return presets.Concat(cached);
        }

        private static string Quote(string name) =>
            name.IndexOfAny(new[] { ' ', '\'', '(', ')' }) >= 0 ? "'" + name.Replace("'", "''") + "'" : name;
    }
}
