# The format views of every output type: readable units in tables and lists, tables that
# fit a 120-column console, raw numbers under Format-List *, and the same text in every culture.
BeforeDiscovery {
    $outputs = @(
        @{ Type = 'ModelFlopsRow'; Command = { Get-ModelFlops -Model Qwen2.5-72B -BatchSize 1024 -SequenceLength 32768 } }
        @{ Type = 'LayerBreakdownRow'; Command = { Get-LayerBreakdown -Model Qwen2.5-72B -BatchSize 1024 -SequenceLength 32768 -Layer 79 } }
        @{ Type = 'ModelFlopsSummary'; Command = { Get-ModelFlops -Model Qwen2.5-72B -BatchSize 1024 -SequenceLength 32768 -Summary -CausalAttention } }
        @{ Type = 'ModelConfig'; Command = { Get-MfuModel } }
    )

    Import-Module MfuTools -Force
    $outputTypes = @((Get-Module MfuTools).ExportedCmdlets.Values | ForEach-Object OutputType | ForEach-Object Name |
            Where-Object { $_ -like 'MfuTools.*' } | Sort-Object -Unique | ForEach-Object { @{ TypeName = $_ } })
}

BeforeAll {
    Import-Module MfuTools -Force
    $PSStyle.OutputRendering = 'PlainText'

    # Returns the text a view writes at the given width, in the given culture.
    function Format-Text([scriptblock] $Command, [string] $View = 'Table', [string] $Culture = 'en-US') {
        $previous = [System.Globalization.CultureInfo]::CurrentCulture
        try {
            [System.Globalization.CultureInfo]::CurrentCulture = $Culture
            $objects = & $Command
            if ($View -eq 'Table') { $objects | Format-Table | Out-String -Width 120 } else { $objects | Format-List | Out-String -Width 120 }
        }
        finally {
            [System.Globalization.CultureInfo]::CurrentCulture = $previous
        }
    }
}

Describe '<Type> views' -ForEach $outputs {
    It 'has a table no wider than 120 columns' {
        $lines = (Format-Text $Command) -split '\r?\n'
        ($lines | Measure-Object Length -Maximum).Maximum | Should -BeLessOrEqual 120
    }

    It 'prints the table the same under de-DE' {
        Format-Text $Command -Culture 'de-DE' | Should -Be (Format-Text $Command -Culture 'en-US')
    }

    It 'prints the list the same under de-DE' {
        Format-Text $Command -View List -Culture 'de-DE' | Should -Be (Format-Text $Command -View List -Culture 'en-US')
    }

    It 'shows no NaN or Infinity' {
        (Format-Text $Command) + (Format-Text $Command -View List) | Should -Not -Match '\bNaN\b|\bInfinity\b|∞'
    }
}

Describe 'Tables at 120 columns' {
    BeforeAll {
        $configs = Join-Path $PSScriptRoot '../../../shared/data/configs'
        $logs = Join-Path $PSScriptRoot '../../../shared/data/logs'
    }

    It 'shows whole model and accelerator names in Measure-Mfu' {
        $text = Format-Text { Get-MfuAccelerator 'RTX 4090', 'H100 NVL' | Measure-Mfu -Model Mixtral-8x7B-v0.1 -TokensPerSecondPerDevice 1000 -WarningAction SilentlyContinue }
        $text | Should -Match 'Mixtral-8x7B-v0\.1 '
        $text | Should -Match 'NVIDIA GeForce RTX 4090'
        $text | Should -Match 'NVIDIA H100 NVL 94GB \(per GPU\)'
    }

    It 'shows the longest catalog name whole in Get-MfuAccelerator' {
        Format-Text { Get-MfuAccelerator } | Should -Not -Match '…'
    }

    It 'shows the whole framework name of a Trainer log' {
        Format-Text { Import-TrainingLog (Join-Path $logs 'hf-trainer_state-*.json') | Select-Object -First 1 } | Should -Match 'HuggingFaceTrainer '
    }

    It 'shows Hugging Face model names read from config files' {
        # Config files named as Hugging Face caches name them: organisation__model.
        $text = Format-Text { Get-ChildItem (Join-Path $configs 'meta-llama__*.json') | Get-ModelFlops -Summary }
        $text | Should -Match 'meta-llama__Meta-Llama-3\.1-8B '
        $text | Should -Not -Match '…'
    }

    It 'shows whole preset sources in Get-MfuModel' {
        Format-Text { Get-MfuModel } | Should -Not -Match '…'
    }

    It 'keeps every summary column of Get-TrainingLogSummary on one header line' {
        $text = Format-Text { Get-ChildItem (Join-Path $logs '*') -Include '*.log', '*.json' | ForEach-Object { Import-TrainingLog $_ -WarningAction SilentlyContinue | Get-TrainingLogSummary -WarningAction SilentlyContinue } }
        $header = ($text -split '\r?\n' | Where-Object { $_ -match '^Log\s' })
        $header | Should -Match 'Slowest$'
        $text | Should -Not -Match '…'
    }

    It 'shows PositionEmbeddingAdd whole in the Kind column' {
        Format-Text { Get-ModelFlops -Model GPT-2-small -SequenceLength 1024 } | Should -Match 'PositionEmbeddingAdd '
    }

    It 'leaves the constant ridge point out of the Get-ComputeIntensity rows' {
        Format-Text { Get-ComputeIntensity -Model Qwen2.5-7B -Accelerator H100 | Select-Object -First 2 } | Should -Not -Match 'Ridge'
    }

    It 'keeps the ridge point under Format-List' {
        # H100 SXM datasheet: 989.4 TFLOP/s dense BF16 over 3.35 TB/s of HBM3 is 295.3 FLOPs per byte.
        Get-ComputeIntensity -Model Qwen2.5-7B -Accelerator H100 | Select-Object -First 1 | Format-List * | Out-String | Should -Match 'RidgePoint\s+: 295\.3'
    }

    It 'shows every Get-ComputeIntensity summary column' {
        Format-Text { Get-ComputeIntensity -Model Qwen2.5-7B -Accelerator H100 -Summary } | Should -Match 'MfuCeiling'
    }
}

Describe 'Culture switch of these tests' {
    It 'formats a plain number with a decimal comma under de-DE' {
        # Without this, the de-DE comparisons above could pass without the culture ever changing.
        Format-Text { [pscustomobject]@{ Value = 1.5 } } -View List -Culture 'de-DE' | Should -Match 'Value : 1,5'
    }
}

Describe 'Readable units' {
    It 'scales FLOPs with an SI prefix in the table' {
        Format-Text { Get-ModelFlops -Model Qwen2.5-7B -Summary } | Should -Match '91\.97 T'
    }

    It 'names the unit in the list view' {
        Format-Text { Get-ModelFlops -Model Qwen2.5-7B -Summary } -View List | Should -Match 'TrainingFlops\s+: 91\.97 TFLOP'
    }

    It 'writes a zero count with its unit' {
        Format-Text { Get-LayerBreakdown -Model Qwen2.5-7B | Select-Object -First 1 } -View List | Should -Match 'ForwardFlops\s+: 0 FLOP'
    }

    It 'shows fractions as percentages in the table' {
        # mlp.up_proj of Qwen2.5-7B at S = 2048: 24.6 % of the forward FLOPs.
        Format-Text { Get-ModelFlops -Model Qwen2.5-7B | Where-Object Module -eq 'mlp.up_proj' } | Should -Match '\d+\.\d\d %'
    }

    It 'groups rows by model' {
        Format-Text { Get-ModelFlops -Model Qwen2.5-7B, Llama-3.2-1B } | Should -Match 'Model: Llama-3.2-1B'
    }
}

Describe 'Format-List *' {
    It 'shows exact FLOPs' {
        # Qwen2.5-7B at B = 1, S = 2048: 91,970,366,613,504 training FLOPs (the Get-ModelFlops help example).
        Get-ModelFlops -Model Qwen2.5-7B -Summary | Format-List * | Out-String | Should -Match 'TrainingFlops\s+: 91970366613504'
    }

    It 'shows the share as a fraction' {
        Get-LayerBreakdown -Model Qwen2.5-7B -Layer 3 | Where-Object Module -like '*up_proj' | Format-List * | Out-String |
            Should -Match 'Share\s+: 0[.,]00907'
    }
}

Describe 'Numbers from CSV under de-DE' {
    It 'binds BatchSize and SequenceLength strings as under en-US' {
        $previous = [System.Globalization.CultureInfo]::CurrentCulture
        try {
            [System.Globalization.CultureInfo]::CurrentCulture = 'de-DE'
            $german = 'BatchSize,SequenceLength', '8,4096' | ConvertFrom-Csv | Get-ModelFlops -Model Qwen2.5-7B -Summary
        }
        finally {
            [System.Globalization.CultureInfo]::CurrentCulture = $previous
        }

        $german.TrainingFlops | Should -Be (Get-ModelFlops -Model Qwen2.5-7B -BatchSize 8 -SequenceLength 4096 -Summary).TrainingFlops
    }
}

Describe 'Views of every output type' {
    It '<TypeName> has a table view' -ForEach $outputTypes {
        $views = Get-FormatData -TypeName $TypeName -PowerShellVersion $PSVersionTable.PSVersion
        @($views.FormatViewDefinition.Control | Where-Object { $_ -is [System.Management.Automation.TableControl] }).Count |
            Should -BeGreaterThan 0
    }
}
