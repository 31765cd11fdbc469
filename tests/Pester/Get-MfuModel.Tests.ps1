# Get-MfuModel against the staged module, as a user runs it.
BeforeAll {
    Import-Module MfuTools -Force
    $configs = Join-Path $PSScriptRoot '../../../shared/data/configs'
}

Describe 'Get-MfuModel' {
    Context 'listing presets' {
        It 'lists every Qwen3 preset for Qwen3*' {
            $names = (Get-MfuModel Qwen3*).Name
            $names | Should -Contain 'Qwen3-8B'
            $names | Should -Contain 'Qwen3-30B-A3B'
        }

        It 'lists only names that match the wildcard' {
            Get-MfuModel Qwen3* | ForEach-Object { $_.Name | Should -BeLike 'Qwen3*' }
        }

        It 'matches wildcards without regard to case' {
            (Get-MfuModel gpt-2-*).Name | Should -Be @('GPT-2-small', 'GPT-2-medium', 'GPT-2-large', 'GPT-2-xl')
        }

        It 'finds a preset by its repository id' {
            (Get-MfuModel mistralai/Mixtral-8x7B-v0.1).Name | Should -Be 'Mixtral-8x7B-v0.1'
        }

        It 'reports active parameters of an MoE preset' {
            # DeepSeek-V3 report: 37B activated of 671B.
            (Get-MfuModel DeepSeek-V3).ActiveParameters | Should -Be 37552297472
        }

        It 'reports an unknown name' {
            { Get-MfuModel NoSuchModel -ErrorAction Stop } |
                Should -Throw -ErrorId 'PresetNotFound,MfuTools.Cmdlets.Commands.GetMfuModelCommand'
        }
    }

    Context 'a config file' {
        It 'describes the model of a config.json' {
            (Get-MfuModel -Path (Join-Path $configs 'mistralai__Mixtral-8x7B-v0.1.json')).NumExperts | Should -Be 8
        }
    }

    Context 'the pipeline' {
        It 'pipes presets into Get-ModelFlops' {
            $summaries = Get-MfuModel Mixtral* | Get-ModelFlops -Summary
            $summaries.Model | Should -Be @('Mixtral-8x7B-v0.1', 'Mixtral-8x22B-v0.1')
        }

        It 'pipes presets into Get-LayerBreakdown' {
            $rows = Get-MfuModel GPT-2-small | Get-LayerBreakdown -Layer 0
            $rows.Module | Should -Contain 'transformer.h.0.attn.c_attn'
        }
    }

    Context 'tab completion' {
        It 'completes -Model of Get-ModelFlops from the presets' {
            $line = 'Get-ModelFlops -Model Mixt'
            $completions = TabExpansion2 -inputScript $line -cursorColumn $line.Length
            $completions.CompletionMatches.CompletionText | Should -Be @('Mixtral-8x7B-v0.1', 'Mixtral-8x22B-v0.1')
        }

        It 'completes -Name of Get-MfuModel from the presets' {
            $line = 'Get-MfuModel DeepSeek-V2'
            $completions = TabExpansion2 -inputScript $line -cursorColumn $line.Length
            $completions.CompletionMatches.CompletionText | Should -Contain 'DeepSeek-V2-Lite'
        }
    }
}

Describe 'Get-MfuModel -Path wildcards' {
    It 'expands a wildcard like the other cmdlets' {
        $configs = Join-Path $PSScriptRoot '../../../shared/data/configs'
        $models = Get-MfuModel -Path (Join-Path $configs 'Qwen__Qwen2.5-*.json') -WarningAction SilentlyContinue
        # Qwen2.5-0.5B, 1.5B, 7B, 72B and VL-7B-Instruct configs.
        @($models).Count | Should -Be 5
    }
}
