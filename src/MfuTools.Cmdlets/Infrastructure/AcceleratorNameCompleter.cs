using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using MfuTools.Core.Hardware;

namespace MfuTools.Cmdlets.Infrastructure
{
    /// <summary>Completes -Accelerator with the catalog's names; a short family name such as H100 also resolves.</summary>
    public sealed class AcceleratorNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var text = (wordToComplete ?? string.Empty).Trim('\'', '"');
            var pattern = new WildcardPattern("*" + text + "*", WildcardOptions.IgnoreCase);
            return AcceleratorCatalog.All
                .Where(a => pattern.IsMatch(a.Name))
                .Select(a => new CompletionResult("'" + a.Name.Replace("'", "''") + "'", a.Name, CompletionResultType.ParameterValue, a.Name));
        }
    }
}
