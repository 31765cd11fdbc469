using System.Linq;
using System.Management.Automation;
using MfuTools.Cmdlets.Infrastructure;
using MfuTools.Core.Errors;
using MfuTools.Core.Hardware;

namespace MfuTools.Cmdlets.Commands
{
    /// <summary>
    /// Gets accelerators from the built-in catalog: every entry, those whose name matches a
    /// wildcard, or the one a typed or nvidia-smi name resolves to. The objects pipe into
    /// Measure-Mfu.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "MfuAccelerator")]
    [OutputType(typeof(Accelerator))]
    public sealed class GetMfuAcceleratorCommand : PSCmdlet
    {
        /// <summary>Names to look up: wildcards match catalog names; other names resolve as Measure-Mfu resolves -Accelerator.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(AcceleratorNameCompleter))]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Name { get; set; }

        protected override void ProcessRecord()
        {
            if (Name == null || Name.Length == 0)
            {
                WriteObject(AcceleratorCatalog.All, enumerateCollection: true);
                return;
            }

            foreach (var name in Name)
            {
                if (WildcardPattern.ContainsWildcardCharacters(name))
                {
                    var pattern = new WildcardPattern(name, WildcardOptions.IgnoreCase);
                    WriteObject(AcceleratorCatalog.All.Where(a => pattern.IsMatch(a.Name)), enumerateCollection: true);
                    continue;
                }

                try
                {
                    var accelerator = AcceleratorCatalog.Resolve(name, out var explanation);
                    WriteVerbose(explanation);
                    WriteObject(accelerator);
                }
                catch (MfuException ex)
                {
                    WriteError(ErrorRecords.From(ex, name));
                }
            }
        }
    }
}
