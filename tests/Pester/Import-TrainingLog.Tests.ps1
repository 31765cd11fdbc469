# Import-TrainingLog against the staged module, as a user runs it on the published log excerpts.
BeforeAll {
    Import-Module MfuTools -Force
    $logs = Join-Path $PSScriptRoot '../../../shared/data/logs'
}

Describe 'Import-TrainingLog' {
    Context 'the published logs' {
        It 'reads every step of <Name>' -ForEach @(
            @{ Name = 'megatron-lm-mixtral8x7b-16xh100-run1.log'; Framework = 'MegatronLM'; Steps = 3 }
            @{ Name = 'megatron-ds-bloom176b-tr11-main.log'; Framework = 'MegatronDeepSpeed'; Steps = 13 }
            @{ Name = 'torchtitan-llama3-8b-8xh200.log'; Framework = 'Torchtitan'; Steps = 11 }
            @{ Name = 'nanogpt-gpt2-124m-1xv100-issue215.log'; Framework = 'NanoGpt'; Steps = 15 }
            @{ Name = 'hf-trainer_state-qwen2.5-0.5b-rtx4090.json'; Framework = 'HuggingFaceTrainer'; Steps = 25 }
        ) {
            $records = Import-TrainingLog -LiteralPath (Join-Path $logs $Name) -WarningAction SilentlyContinue
            @($records | Where-Object { "$($_.Framework)" -eq $Framework }).Count | Should -Be $Steps
        }

        It 'converts Megatron-LM milliseconds to seconds' {
            # "elapsed time per iteration (ms): 9496.4" on iteration 10.
            (Import-TrainingLog (Join-Path $logs 'megatron-lm-*.log') | Select-Object -First 1).StepSeconds | Should -Be 9.4964
        }
    }

    Context 'with Measure-Mfu' {
        It 'reproduces the TFLOP/s per GPU that Megatron-LM printed' {
            # Mixtral 8x7B on 16 H100, sequence 2048; printed 137.5, 130.1 and 128.1 TFLOP/s/GPU.
            $results = Import-TrainingLog (Join-Path $logs 'megatron-lm-mixtral8x7b-16xh100-run1.log') |
                Measure-Mfu -Model Mixtral-8x7B-v0.1 -DeviceCount 16 -Accelerator H100 -SequenceLength 2048 -Convention Megatron
            $results | ForEach-Object { [math]::Round($_.AchievedFlopsPerSecondPerDevice / 1e12, 1) } | Should -Be @(137.5, 130.1, 128.1)
        }

        It 'carries the quirk of a BigScience TFLOPs figure into the result' {
            $result = Import-TrainingLog (Join-Path $logs 'megatron-ds-bloom176b-tr11-main.log') | Select-Object -First 1 |
                Measure-Mfu -Model Llama-3-8B -DeviceCount 384 -Accelerator A100 -WarningAction SilentlyContinue
            $result.Quirk | Should -Be 'HardwareFlopsWithRecompute'
        }

        It 'binds records saved with Export-Csv and read back under de-DE' {
            $file = Join-Path $TestDrive 'steps.csv'
            Import-TrainingLog (Join-Path $logs 'megatron-lm-mixtral8x7b-16xh100-run1.log') | Export-Csv $file -NoTypeInformation
            $saved = [System.Threading.Thread]::CurrentThread.CurrentCulture
            try {
                [System.Threading.Thread]::CurrentThread.CurrentCulture = 'de-DE'
                $results = Import-Csv $file | Measure-Mfu -Model Mixtral-8x7B-v0.1 -DeviceCount 16 -Accelerator H100 -Convention Megatron
            }
            finally {
                [System.Threading.Thread]::CurrentThread.CurrentCulture = $saved
            }

            [math]::Round($results[0].AchievedFlopsPerSecondPerDevice / 1e12, 1) | Should -Be 137.5
        }
    }

    Context 'messy input' {
        It 'skips a garbled line with one warning and keeps the rest' {
            $lines = Get-Content (Join-Path $logs 'nanogpt-gpt2-124m-1xv100-issue215.log')
            $lines[4] = $lines[4] -replace 'time 1097.23ms', 'time 10x7.23ms'
            $file = Join-Path $TestDrive 'garbled.log'
            Set-Content -Path $file -Value $lines

            $records = Import-TrainingLog -LiteralPath $file -WarningVariable warnings -WarningAction SilentlyContinue
            $records.Count | Should -Be 14
            @($warnings | Where-Object { "$_" -like 'Skipped line 5 of*' }).Count | Should -Be 1
        }

        It 'writes a not-found error for a missing file' {
            { Import-TrainingLog (Join-Path $TestDrive 'missing.log') -ErrorAction Stop } |
                Should -Throw -ErrorId 'TrainingLogNotFound,MfuTools.Cmdlets.Commands.ImportTrainingLogCommand'
        }
    }

    Context 'summary' {
        It 'names the slowest step of a nanoGPT log' {
            # Iteration 3000 saved a checkpoint and took 35392.33 ms.
            (Import-TrainingLog (Join-Path $logs 'nanogpt-*.log') -Summary -WarningAction SilentlyContinue).SlowestStep | Should -Be 3000
        }
    }
}
