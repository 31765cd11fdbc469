# Measure-Mfu against the staged module, as a user runs it.
BeforeAll {
    Import-Module MfuTools -Force
}

Describe 'Measure-Mfu' {
    Context 'published and hand-worked runs' {
        It 'reproduces PaLM 540B at 46.2 % MFU' {
            # PaLM paper (Chowdhery et al. 2022), section 4 and Appendix B: 238.3K tokens/s on
            # 6144 TPU v4 chips of 275 TFLOP/s bf16, 6N + 12·L·nh·d·S FLOPs per token.
            $result = Measure-Mfu -Model PaLM-540B -Convention PaLM -TokensPerSecond 238300 -DeviceCount 6144 -Accelerator 'TPU v4'

            [math]::Round($result.Mfu, 3) | Should -Be 0.462
            $result.Convention | Should -Be 'PaLM'
        }

        It 'gives a new user their MFU for Qwen2.5-7B on 8 H100s at 3,000 tokens/s per GPU' {
            # 44,887,965,696 Matmul training FLOPs per token (Qwen2.5-7B config, S = 2048)
            # × 3000 tokens/s / 989.4e12 FLOP/s (H100 SXM dense BF16) = 0.136107.
            $result = Measure-Mfu -Model Qwen2.5-7B -TokensPerSecondPerDevice 3000 -DeviceCount 8 -Accelerator H100

            $result.Mfu | Should -BeGreaterThan 0.13610
            $result.Mfu | Should -BeLessThan 0.13611
            $result.Accelerator | Should -Be 'NVIDIA H100 SXM5 80GB'
            $result.PeakFlopsPerSecond | Should -Be 989.4e12
        }
    }

    Context 'step logs' {
        BeforeAll {
            $log = Join-Path $TestDrive 'steps.csv'
            @(
                'iteration,iteration_time,tokens_per_second'
                '10,1.75,'
                '20,,37449.1'
                '30,0,'
                '40,n/a,'
                '50,1.8,'
            ) | Set-Content -LiteralPath $log
        }

        It 'gives the same MFU under de-DE and en-US' {
            $saved = [cultureinfo]::CurrentCulture
            try {
                [cultureinfo]::CurrentCulture = 'en-US'
                $english = Import-Csv $log | Measure-Mfu -Model Qwen2.5-7B -BatchSize 32 -DeviceCount 8 -Accelerator H100 -ErrorAction SilentlyContinue
                [cultureinfo]::CurrentCulture = 'de-DE'
                $german = Import-Csv $log | Measure-Mfu -Model Qwen2.5-7B -BatchSize 32 -DeviceCount 8 -Accelerator H100 -ErrorAction SilentlyContinue
            }
            finally {
                [cultureinfo]::CurrentCulture = $saved
            }

            $english.Count | Should -Be 3
            $german.Mfu | Should -Be $english.Mfu
            # 32 · 91,930,553,745,408 FLOPs per step / (1.75 s · 8 · 989.4e12) = 0.21238.
            [math]::Round($english[0].Mfu, 5) | Should -Be 0.21238
            $english[1].ThroughputSource | Should -Be 'TokensPerSecond'
        }

        It 'writes one error per bad row and goes on' {
            $results = Import-Csv $log | Measure-Mfu -Model Qwen2.5-7B -BatchSize 32 -DeviceCount 8 -Accelerator H100 -ErrorVariable failures -ErrorAction SilentlyContinue

            @($results).Count | Should -Be 3
            $failures.FullyQualifiedErrorId | Should -Be @(
                'ThroughputInvalid,MfuTools.Cmdlets.Commands.MeasureMfuCommand'
                'ParameterArgumentTransformationError,MfuTools.Cmdlets.Commands.MeasureMfuCommand')
        }
    }

    Context 'framework records' {
        It 'binds the summary of a Hugging Face Trainer state by its key names' {
            # A full fine-tune of Qwen2.5-0.5B-Instruct on an RTX 4090 whose trainer_state.json
            # ends with train_samples_per_second 23.917; its 1,920 samples held 278,336
            # tokens, about 145 per sample.
            $log = Join-Path $PSScriptRoot '../../../shared/data/logs/hf-trainer_state-qwen2.5-0.5b-rtx4090.json'
            $summary = (Get-Content -Raw $log | ConvertFrom-Json).log_history[-1]

            $result = $summary | Measure-Mfu -Model Qwen2.5-0.5B -SequenceLength 145 -BatchSize 16 -Accelerator 'NVIDIA GeForce RTX 4090'

            $result.ThroughputSource | Should -Be 'SamplesPerSecond'
            $result.TokensPerSecond | Should -BeGreaterThan (23.917 * 145 - 1e-6)
            $result.TokensPerSecond | Should -BeLessThan (23.917 * 145 + 1e-6)
            $result.PeakFlopsPerSecond | Should -Be 165.2e12
        }
    }

    Context 'hardware' {
        It 'takes accelerators piped from Get-MfuAccelerator' {
            $results = Get-MfuAccelerator H100, A100 | Measure-Mfu -Model Qwen2.5-7B -TokensPerSecondPerDevice 3000 -DeviceCount 8

            $results.Accelerator | Should -Be @('NVIDIA H100 SXM5 80GB', 'NVIDIA A100 SXM4 80GB')
            # The same achieved FLOP/s over 989.4 and 312 TFLOP/s peaks (NVIDIA datasheets).
            $results[1].Mfu / $results[0].Mfu | Should -BeGreaterThan (989.4 / 312 - 1e-9)
            $results[1].Mfu / $results[0].Mfu | Should -BeLessThan (989.4 / 312 + 1e-9)
        }

        It 'rejects bf16 on a V100 and lists its precisions' {
            { Measure-Mfu -Model Qwen2.5-7B -TokensPerSecond 1000 -Accelerator V100 -ErrorAction Stop } |
                Should -Throw -ErrorId 'PrecisionNotSupported,MfuTools.Cmdlets.Commands.MeasureMfuCommand'
            { Measure-Mfu -Model Qwen2.5-7B -TokensPerSecond 1000 -Accelerator V100 -ErrorAction Stop } |
                Should -Throw '*FP16*'
        }

        It 'accepts a peak instead of a name' {
            $result = Measure-Mfu -Model Qwen2.5-7B -TokensPerSecondPerDevice 3000 -PeakFlopsPerSecond 500e12

            $result.PeakSource | Should -Be 'given by the user'
            $result.PeakFlopsPerSecond | Should -Be 500e12
        }

        It 'warns when MFU is above 1' {
            $null = Measure-Mfu -Model Qwen2.5-7B -SequenceLength 2048 -TokensPerSecondPerDevice 1e6 -Accelerator H100 -WarningVariable warnings -WarningAction SilentlyContinue

            $warnings | Should -Match 'above 100 %'
        }

        It 'says which peak an fp8 run is measured against' {
            $result = Measure-Mfu -Model Qwen2.5-7B -SequenceLength 2048 -TokensPerSecondPerDevice 3000 -Accelerator H100 -Precision FP8 -WarningVariable warnings -WarningAction SilentlyContinue

            $result.PeakFlopsPerSecond | Should -Be 1978.9e12
            $warnings | Should -Match 'BF16 peak \(989.4'
        }
    }

    Context 'recomputation' {
        It 'reports HFU only when a mode is given' {
            $plain = Measure-Mfu -Model Qwen2.5-7B -TokensPerSecondPerDevice 3000 -Accelerator H100
            $full = Measure-Mfu -Model Qwen2.5-7B -TokensPerSecondPerDevice 3000 -Accelerator H100 -Recompute Full

            $plain.Hfu | Should -BeNullOrEmpty
            $full.Mfu | Should -Be $plain.Mfu
            # Full recomputation adds 28 · 1,014,686,023,680 FLOPs (one Matmul forward of each layer).
            $full.HardwareFlopsPerStep - $full.ModelFlopsPerStep | Should -Be 28411208663040
        }
    }
}

Describe 'Measure-Mfu over many records' {
    BeforeAll {
        # The step FLOPs are counted once per model and run shape in a pipeline; these check
        # that a record with another shape is counted anew and a repeated shape gets the same numbers.
        $records = @(
            [pscustomobject]@{ StepSeconds = 4.4; GlobalBatchSize = 512; SequenceLength = 4096 }
            [pscustomobject]@{ StepSeconds = 4.4; GlobalBatchSize = 1024; SequenceLength = 4096 }
            [pscustomobject]@{ StepSeconds = 4.4; GlobalBatchSize = 512; SequenceLength = 4096 }
        )
        $results = $records | Measure-Mfu -Model Llama-3.1-8B -Accelerator H100 -DeviceCount 64 -Verbose 4>&1
        $verbose = @($results | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })
        $rows = @($results | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })
    }

    It 'doubles the step FLOPs for the record with twice the batch' {
        # Every Matmul count is linear in the batch at a fixed sequence length.
        $rows[1].ModelFlopsPerStep | Should -Be (2 * $rows[0].ModelFlopsPerStep)
    }

    It 'gives a repeated record the same FLOPs as the first' {
        $rows[2].ModelFlopsPerStep | Should -Be $rows[0].ModelFlopsPerStep
    }

    It 'matches a record measured on its own' {
        $alone = Measure-Mfu -Model Llama-3.1-8B -Accelerator H100 -DeviceCount 64 -StepSeconds 4.4 -BatchSize 1024 -SequenceLength 4096
        $rows[1].Mfu | Should -Be $alone.Mfu
    }

    It 'describes the model once, not once per record' {
        @($verbose | Where-Object Message -like "Model 'Llama-3.1-8B'*").Count | Should -Be 1
    }

    It 'still reports the step of every record under -Verbose' {
        @($verbose | Where-Object Message -like 'Step time*').Count | Should -Be 3
    }
}

Describe 'Measure-Mfu and Get-MfuAccelerator help sources' {
    It 'describes every parameter of <Name>' -ForEach @(
        @{ Name = 'Measure-Mfu' }
        @{ Name = 'Get-MfuAccelerator' }
    ) {
        $help = Import-PowerShellDataFile (Join-Path $PSScriptRoot "../../docs/help/$Name.help.psd1")
        $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
        $parameters = (Get-Command $Name).Parameters.Keys | Where-Object { $_ -notin $common }

        @($help.Parameters.Keys | Sort-Object) | Should -Be @($parameters | Sort-Object)
    }
}
