using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using MfuTools.Cmdlets.Commands;

namespace MfuTools.Tests.Cmdlets
{
    /// <summary>
    /// Runs MfuTools cmdlets in-process, in a fresh runspace with every cmdlet of the module
    /// registered, and collects output, errors, warnings and verbose messages.
    /// </summary>
    internal sealed class PowerShellRunner : IDisposable
    {
        private readonly Runspace _runspace;

        public PowerShellRunner()
        {
            var state = InitialSessionState.CreateDefault2();
            var assembly = typeof(GetModelFlopsCommand).Assembly;
            foreach (var type in assembly.GetTypes())
            {
                var attribute = type.GetCustomAttributes(typeof(CmdletAttribute), false).OfType<CmdletAttribute>().FirstOrDefault();
                if (attribute != null)
                {
                    state.Commands.Add(new SessionStateCmdletEntry(attribute.VerbName + "-" + attribute.NounName, type, null));
                }
            }

            _runspace = RunspaceFactory.CreateRunspace(state);
            _runspace.Open();
        }

        public Collection<PSObject> Output { get; private set; }

        public List<ErrorRecord> Errors { get; } = new List<ErrorRecord>();

        public List<string> Warnings { get; } = new List<string>();

        public List<string> Verbose { get; } = new List<string>();

        public List<ProgressRecord> Progress { get; } = new List<ProgressRecord>();

        /// <summary>Runs a script and returns its output; errors, warnings and verbose lines are collected.</summary>
        public Collection<PSObject> Run(string script, IDictionary<string, object> variables = null)
        {
            using (var shell = PowerShell.Create())
            {
                shell.Runspace = _runspace;
                if (variables != null)
                {
                    foreach (var pair in variables)
                    {
                        _runspace.SessionStateProxy.SetVariable(pair.Key, pair.Value);
                    }
                }

                shell.AddScript(script);
                Errors.Clear();
                Warnings.Clear();
                Verbose.Clear();
                Progress.Clear();
                Output = shell.Invoke();
                Errors.AddRange(shell.Streams.Error);
                Warnings.AddRange(shell.Streams.Warning.Select(w => w.Message));
                Verbose.AddRange(shell.Streams.Verbose.Select(v => v.Message));
                Progress.AddRange(shell.Streams.Progress);
                return Output;
            }
        }

        /// <summary>Runs a script and returns its output cast to <typeparamref name="T"/>.</summary>
        public List<T> Run<T>(string script, IDictionary<string, object> variables = null) =>
            Run(script, variables).Select(o => (T)o.BaseObject).ToList();

        public void Dispose() => _runspace.Dispose();
    }
}
