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
