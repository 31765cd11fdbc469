# Get-TrainingLogSummary against the staged module.
BeforeAll {
    Import-Module MfuTools -Force
    $logs = Join-Path $PSScriptRoot '../../../shared/data/logs'
}

Describe 'Get-TrainingLogSummary' {
    It 'gives one summary per log file' {
        $summaries = Get-ChildItem (Join-Path $logs '*.log') | Import-TrainingLog -WarningAction SilentlyContinue | Get-TrainingLogSummary
        $summaries.Count | Should -Be 4
    }

    It 'gives the median MFU of measured torchtitan steps' {
        # Under torchtitan's convention and stated peak (9.890e+14), our median is the printed median, 41.24 %.
        $summary = Import-TrainingLog (Join-Path $logs 'torchtitan-llama3-8b-8xh200.log') |
            Measure-Mfu -Model Llama-3-8B -Convention Torchtitan -PeakFlopsPerSecond 9.89e14 |
            Get-TrainingLogSummary
        [math]::Round($summary.MedianMfu, 4) | Should -Be 0.4124
    }

    It 'rejects input that is not a step record' {
        { 'not a record' | Get-TrainingLogSummary -ErrorAction Stop } |
            Should -Throw -ErrorId 'StepRecordInvalid,MfuTools.Cmdlets.Commands.GetTrainingLogSummaryCommand'
    }
}
