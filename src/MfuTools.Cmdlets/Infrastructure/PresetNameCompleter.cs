using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using MfuTools.Core.Catalogs;

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
            return PresetCatalog.All
                .Where(m => pattern.IsMatch(m.Name))
                .Select(m => new CompletionResult(Quote(m.Name), m.Name, CompletionResultType.ParameterValue,
                    $"{m.Name}: {m.ModelType}, {m.NumHiddenLayers} layers, hidden {m.HiddenSize}"));
        }

        private static string Quote(string name) =>
            name.IndexOfAny(new[] { ' ', '\'', '(', ')' }) >= 0 ? "'" + name.Replace("'", "''") + "'" : name;
    }
}
