using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using MfuTools.Cmdlets.Infrastructure;
using MfuTools.Core.Errors;
using MfuTools.Core.Logs;
using MfuTools.Core.Results;

namespace MfuTools.Cmdlets.Commands
{
    /// <summary>
    /// Summarizes step records per log file: steps read, median and spread of step time and
    /// of MFU, and the slowest steps. Takes records from Import-TrainingLog or results from
    /// Measure-Mfu (which carry the MFU), or any objects with the same property names.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "TrainingLogSummary")]
    [OutputType(typeof(TrainingLogSummary))]
    public sealed class GetTrainingLogSummaryCommand : PSCmdlet
    {
        private readonly Dictionary<string, TrainingLogSummaryBuilder> _byFile = new Dictionary<string, TrainingLogSummaryBuilder>(StringComparer.Ordinal);
        private readonly List<TrainingLogSummaryBuilder> _inOrder = new List<TrainingLogSummaryBuilder>();

        /// <summary>A step record: an Import-TrainingLog record, a Measure-Mfu result, or an object with their property names.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        public PSObject InputObject { get; set; }

        protected override void ProcessRecord()
        {
            if (InputObject == null)
            {
                return;
            }

            if (InputObject.BaseObject is TrainingLogRecord record)
            {
                Builder(record.File).Add(record);
                return;
            }

            var step = Integer("Step");
            var stepSeconds = Number("StepSeconds");
            var mfu = Number("Mfu");
            var reportedMfu = Number("ReportedMfu");
            var reportedFlops = Number("ReportedFlopsPerSecondPerDevice");
            if (step == null && stepSeconds == null && mfu == null && reportedMfu == null)
            {
                var error = new MfuException(ErrorIds.StepRecordInvalid, MfuErrorKind.InvalidArgument,
                    "The input has none of Step, StepSeconds, Mfu or ReportedMfu. Pipe records from Import-TrainingLog or results from Measure-Mfu.", InputObject);
                WriteError(ErrorRecords.From(error, InputObject));
                return;
            }

            Builder(Text("File")).Add(Text("Framework"), step, stepSeconds, mfu, reportedMfu, reportedFlops);
        }

        protected override void EndProcessing()
        {
            foreach (var builder in _inOrder)
            {
                WriteObject(builder.Build(null));
            }
        }

        private TrainingLogSummaryBuilder Builder(string file)
        {
            file = file ?? string.Empty;
            if (!_byFile.TryGetValue(file, out var builder))
            {
                builder = new TrainingLogSummaryBuilder(file);
                _byFile.Add(file, builder);
                _inOrder.Add(builder);
            }

            return builder;
        }

        private object Value(string name)
        {
            var value = InputObject.Properties[name]?.Value;
            return value is PSObject wrapped ? wrapped.BaseObject : value;
        }

        private string Text(string name)
        {
            var value = Value(name);
            return value == null ? null : Convert.ToString(value, CultureInfo.InvariantCulture);
        }

        // Values from Import-Csv are strings: read them with the invariant culture.
        private double? Number(string name)
        {
            var value = Value(name);
            switch (value)
            {
                case null:
                    return null;
                case string text:
                    return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : (double?)null;
                case IConvertible number:
                    try
                    {
                        return number.ToDouble(CultureInfo.InvariantCulture);
                    }
                    catch (Exception ex) when (ex is FormatException || ex is InvalidCastException)
                    {
                        return null;
                    }

                default:
                    return null;
            }
        }

        private long? Integer(string name)
        {
            var number = Number(name);
            return number.HasValue && number.Value == Math.Floor(number.Value) && Math.Abs(number.Value) < long.MaxValue ? (long)number.Value : (long?)null;
        }
    }
}
