@{
    Name        = 'Get-TrainingLogSummary'
    Synopsis    = 'Summarizes training steps per log: steps read, median and spread of step time and MFU, and the slowest steps.'
    Description = @(
        'Get-TrainingLogSummary collects piped step records and, when the input ends, emits one summary per log file, in the order the files first appeared. It takes the records of Import-TrainingLog, the results of Measure-Mfu for those records (which carry our MFU and, for token-rate logs such as torchtitan''s, the step time derived from it), or any objects with the same property names, such as rows of Import-Csv.'
        'Properties read: File (records without one are summarized together), Framework, Step, StepSeconds, Mfu, ReportedMfu and ReportedFlopsPerSecondPerDevice. Text values are read with the invariant culture. An input with none of Step, StepSeconds, Mfu or ReportedMfu is an error, and the other inputs go on.'
        'Spread is given as the 10th and 90th percentiles (linear interpolation between the closest ranks), which one checkpoint or evaluation step does not move the way a minimum, maximum or standard deviation would. The slowest steps are the five with the longest step time.'
    )
    Parameters  = @{
        InputObject = 'A step record from the pipeline: an Import-TrainingLog record, a Measure-Mfu result, or an object with their property names.'
    }
    Inputs      = @(
        @{ Type = 'MfuTools.Core.Results.TrainingLogRecord'; Description = 'Records from Import-TrainingLog.' }
        @{ Type = 'MfuTools.Core.Results.MfuResult'; Description = 'Results of Measure-Mfu for piped log records.' }
        @{ Type = 'System.Management.Automation.PSObject'; Description = 'Any object with the property names above.' }
    )
    Outputs     = @(
        @{ Type = 'MfuTools.Core.Results.TrainingLogSummary'; Description = 'One per log file: File, Framework (several joined with ", "), StepsRead, TimedSteps (records with a step time, which the step-time statistics cover: 1 for a Hugging Face Trainer log, which times the run once), LinesSkipped (empty here; Import-TrainingLog -Summary fills it), FirstStep, LastStep, MedianStepSeconds, StepSecondsP10, StepSecondsP90 (seconds), MedianMfu, MfuP10, MfuP90 (fractions; empty without Measure-Mfu), MedianReportedMfu (fraction), MedianReportedFlopsPerSecondPerDevice (FLOP/s), SlowestStep, SlowestStepSeconds and SlowestSteps (up to five step numbers, slowest first, joined with ", ").' }
    )
    Examples    = @(
        @{
            Title   = 'Median and spread of our MFU over a torchtitan log'
            Code    = 'Import-TrainingLog ./torchtitan-llama3-8b-8xh200.log | Measure-Mfu -Model Llama-3-8B -Accelerator H200 | Get-TrainingLogSummary'
            Remarks = @'
Log                                         Steps Median s         P10-P90 s      MFU       P10-P90 MFU Reported Slowest
---                                         ----- --------         ---------      ---       ----------- -------- -------
torchtitan-llama3-8b-8xh200.log                11    1.163     1.157 - 1.195  41.22 % 40.13 % - 41.44 %  41.24 %       1

The step times come from torchtitan's tokens per second per device and the batch and sequence length the log states. The slowest step is step 1, which includes warm-up; SlowestSteps under Format-List * lists the five slowest. Under the default Matmul convention our median MFU is within 0.02 points of the median torchtitan printed.
'@
        }
    )
    Notes       = 'The summary keeps one step time and one MFU per step until the input ends, so memory grows by a few bytes per step. Import-TrainingLog -Summary gives the same summary straight from the log, without MFU, and also counts the lines it skipped.'
    RelatedLinks = @('Import-TrainingLog', 'Measure-Mfu', 'about_MfuTools')
}
