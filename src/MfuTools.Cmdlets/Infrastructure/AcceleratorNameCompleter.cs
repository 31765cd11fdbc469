using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using MfuTools.Core.Hardware;

namespace MfuTools.Cmdlets.Infrastructure
{
    /// <summary>Completes accelerator names from the catalog; a typed fragment may match anywhere in the name ("h100" finds "NVIDIA H100 ...").</summary>
    public sealed class AcceleratorNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var fragment = (wordToComplete ?? string.Empty).Trim('\'', '"');
            var pattern = new WildcardPattern("*" + fragment + "*", WildcardOptions.IgnoreCase);
            return AcceleratorCatalog.All
                .Where(a => pattern.IsMatch(a.Name))
                .Select(a => new CompletionResult(Quote(a.Name), a.Name, CompletionResultType.ParameterValue, Tooltip(a)));
        }

        private static string Tooltip(Accelerator accelerator)
        {
            var bf16 = accelerator.PeakBF16FlopsPerSecond;
            return bf16.HasValue ? $"{accelerator.Name}: {bf16.Value / 1e12:0.#} TFLOP/s dense BF16" : accelerator.Name;
        }

        private static string Quote(string name) => "'" + name.Replace("'", "''") + "'";
    }
}
