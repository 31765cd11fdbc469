using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Management.Automation;
using MfuTools.Cmdlets.Infrastructure;
using MfuTools.Core.Errors;
using MfuTools.Core.Logs;
using MfuTools.Core.Results;

namespace MfuTools.Cmdlets.Commands
{
    /// <summary>
    /// Reads the step records that Megatron-LM, Megatron-DeepSpeed, torchtitan, nanoGPT and
    /// the Hugging Face Trainer print, as one typed record per step. With -Summary it writes
    /// one summary per log instead. Lines that start like a record but cannot be read become
    /// warnings.
    /// </summary>
    [Cmdlet(VerbsData.Import, "TrainingLog", DefaultParameterSetName = PathSet)]
    [OutputType(typeof(TrainingLogRecord), typeof(TrainingLogSummary))]
    public sealed class ImportTrainingLogCommand : PSCmdlet
    {
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";

        // Files smaller than this read in well under a second, so they show no progress.
        private const long ProgressMinimumBytes = 1024 * 1024;
        private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);

        private int _progressId;

        /// <summary>Log files; wildcards allowed.</summary>
        [Parameter(ParameterSetName = PathSet, Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; }

        /// <summary>Log files, taken literally; binds FullName from Get-ChildItem.</summary>
        [Parameter(ParameterSetName = LiteralPathSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "FullName")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; }

        /// <summary>Emit one summary per log instead of its records.</summary>
        [Parameter]
        public SwitchParameter Summary { get; set; }

        protected override void ProcessRecord()
        {
            var literal = ParameterSetName == LiteralPathSet;
            foreach (var path in literal ? LiteralPath : Path)
            {
                foreach (var file in ResolveFiles(path, literal))
                {
                    try
                    {
                        ReadFile(file);
                    }
                    catch (MfuException ex)
                    {
                        WriteError(ErrorRecords.From(ex, file));
                    }
                }
            }
        }

        private void ReadFile(string file)
        {
            using (var reader = TrainingLogReader.Open(file))
            {
                WriteVerbose($"Reading '{file}' ({reader.Length:N0} bytes).");
                var summary = Summary ? new TrainingLogSummaryBuilder(file) : null;
                var showProgress = reader.Length >= ProgressMinimumBytes;
                var activity = "Reading training log " + System.IO.Path.GetFileName(file);
                var clock = Stopwatch.StartNew();
                var progressId = ++_progressId;
                long records = 0;
                long skipped = 0;

                foreach (var result in reader.Read())
                {
                    if (result.Record != null)
                    {
                        records++;
                        Emit(result.Record, summary);
                    }
                    else
                    {
                        if (result.SkippedLine != null)
                        {
                            skipped++;
                        }

                        WriteWarning(result.Warning);
                    }

                    if (showProgress && clock.Elapsed >= ProgressInterval)
                    {
                        clock.Restart();
                        WriteProgress(Progress(progressId, activity, reader, records));
                    }
                }

                if (showProgress)
                {
                    WriteProgress(new ProgressRecord(progressId, activity, "Done") { RecordType = ProgressRecordType.Completed });
                }

                WriteVerbose($"Read {records:N0} step records from '{file}'; skipped {skipped:N0} lines.");
                if (records == 0 && skipped == 0)
                {
                    WriteWarning($"'{file}' holds no step records of Megatron-LM, Megatron-DeepSpeed, torchtitan, nanoGPT or the Hugging Face Trainer.");
                }

                if (summary != null)
                {
                    WriteObject(summary.Build(skipped));
                }
            }
        }

        private void Emit(TrainingLogRecord record, TrainingLogSummaryBuilder summary)
        {
            if (summary != null)
            {
                summary.Add(record);
            }
            else
            {
                WriteObject(record);
            }
        }

        private static ProgressRecord Progress(int id, string activity, TrainingLogReader reader, long records)
        {
            var percent = reader.Length > 0 ? (int)Math.Min(100, reader.Position * 100 / reader.Length) : 0;
            return new ProgressRecord(id, activity, $"{records:N0} step records, {reader.Position / (1024 * 1024):N0} of {reader.Length / (1024 * 1024):N0} MiB")
            {
                PercentComplete = percent,
            };
        }

        private IEnumerable<string> ResolveFiles(string path, bool literal)
        {
            if (literal || !WildcardPattern.ContainsWildcardCharacters(path))
            {
                return new[] { SessionState.Path.GetUnresolvedProviderPathFromPSPath(path) };
            }

            try
            {
                var files = new List<string>(SessionState.Path.GetResolvedProviderPathFromPSPath(path, out _));
                if (files.Count == 0)
                {
                    throw new ItemNotFoundException(path);
                }

                files.Sort(StringComparer.Ordinal);
                return files;
            }
            catch (ItemNotFoundException ex)
            {
                WriteError(ErrorRecords.From(new MfuException(ErrorIds.TrainingLogNotFound, MfuErrorKind.ObjectNotFound,
                    $"No file matches '{path}'. Check the path and the wildcard.", path, ex)));
                return new string[0];
            }
        }
    }
}
