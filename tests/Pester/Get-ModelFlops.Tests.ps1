# Get-ModelFlops against the staged module, as a user runs it.
BeforeAll {
    Import-Module MfuTools -Force
    $configs = Join-Path $PSScriptRoot '../../../shared/data/configs'
}

Describe 'Get-ModelFlops' {
    Context 'the configs of real models' {
        It 'gives a summary for every config' {
            $files = Get-ChildItem (Join-Path $configs '*.json')
            $summaries = $files |
                Get-ModelFlops -Summary -ErrorVariable failures -ErrorAction SilentlyContinue -WarningAction SilentlyContinue

            $failures | Should -BeNullOrEmpty
            @($summaries).Count | Should -Be $files.Count
        }

        It 'counts <Model> with <Parameters> parameters' -ForEach @(
            # Mixtral-8x7B-v0.1 config.json: every expert counted (Mistral AI: 46.7B).
            @{ Model = 'mistralai__Mixtral-8x7B-v0.1'; Parameters = 46702792704 }
            # gpt2 config.json with position embeddings, tied lm_head (the 124M checkpoint).
            @{ Model = 'openai-community__gpt2__resaved'; Parameters = 124439808 }
            # DeepSeek-V3 config.json without the multi-token-prediction layer (the 671B of its report).
            @{ Model = 'deepseek-ai__DeepSeek-V3'; Parameters = 671026419200 }
        ) {
            $summary = Get-ModelFlops -LiteralPath (Join-Path $configs "$Model.json") -Summary
            $summary.Parameters | Should -Be $Parameters
        }

        It 'names the model_type of an unsupported config' {
            $bert = Join-Path $TestDrive 'bert.json'
            '{"model_type": "bert", "hidden_size": 768, "num_hidden_layers": 12, "num_attention_heads": 12, "vocab_size": 30522}' |
                Set-Content $bert
            { Get-ModelFlops -LiteralPath $bert -ErrorAction Stop } |
                Should -Throw -ErrorId 'ModelTypeNotSupported,MfuTools.Cmdlets.Commands.GetModelFlopsCommand'
        }

        It 'puts the model_type in the message of an unsupported config' {
            $bert = Join-Path $TestDrive 'bert.json'
            '{"model_type": "bert", "hidden_size": 768}' | Set-Content $bert
            Get-ModelFlops -LiteralPath $bert -ErrorAction SilentlyContinue -ErrorVariable failure
            $failure[0].Exception.Message | Should -Match "'bert'"
        }
    }

    Context 'a repository id in the local Hugging Face cache' {
        BeforeAll {
            $savedHubCache = $env:HF_HUB_CACHE
            $env:HF_HUB_CACHE = Join-Path $TestDrive 'hub'
            $revision = '0123456789abcdef0123456789abcdef01234567'
            $repo = Join-Path $env:HF_HUB_CACHE 'models--example-org--tiny-qwen'
            New-Item -ItemType Directory (Join-Path $repo "snapshots/$revision") -Force | Out-Null
            New-Item -ItemType Directory (Join-Path $repo 'refs') -Force | Out-Null
            Set-Content (Join-Path $repo 'refs/main') $revision -NoNewline
            Copy-Item (Join-Path $configs 'Qwen__Qwen2.5-0.5B.json') (Join-Path $repo "snapshots/$revision/config.json")
        }

        AfterAll {
            $env:HF_HUB_CACHE = $savedHubCache
        }

        It 'reads the cached config' {
            # The cached file is Qwen2.5-0.5B's config.json: 494,032,768 parameters.
            $summary = Get-ModelFlops -Model example-org/tiny-qwen -Summary
            $summary.Parameters | Should -Be 494032768
        }

        It 'names rows after the repository id' {
            (Get-ModelFlops -Model example-org/tiny-qwen -Summary).Model | Should -Be 'example-org/tiny-qwen'
        }

        It 'prefers the cached config to a preset of the same id' {
            # The cache holds Qwen2.5-0.5B's config.json under the id of the 7B preset.
            $repo = Join-Path $env:HF_HUB_CACHE 'models--Qwen--Qwen2.5-7B/snapshots/abc1234'
            New-Item -ItemType Directory $repo -Force | Out-Null
            Copy-Item (Join-Path $configs 'Qwen__Qwen2.5-0.5B.json') (Join-Path $repo 'config.json')
            (Get-ModelFlops -Model Qwen/Qwen2.5-7B -Summary).Parameters | Should -Be 494032768
        }

        It 'completes cached repository ids' {
            $line = 'Get-ModelFlops -Model example-org/'
            $completions = TabExpansion2 -inputScript $line -cursorColumn $line.Length
            $completions.CompletionMatches.CompletionText | Should -Contain 'example-org/tiny-qwen'
        }

        It 'reports an id that is neither cached nor a preset' {
            { Get-ModelFlops -Model example-org/absent -ErrorAction Stop } |
                Should -Throw -ErrorId 'PresetNotFound,MfuTools.Cmdlets.Commands.GetModelFlopsCommand'
        }
    }

    Context 'export' {
        It 'round-trips projection FLOPs through Export-Csv without losing digits' {
            $file = Join-Path $TestDrive 'flops.csv'
            $rows = Get-ModelFlops -Model Qwen2.5-7B | Where-Object Module -like '*proj'
            $rows | Export-Csv $file -NoTypeInformation

            $back = Import-Csv $file
            $back.Count | Should -Be 7
            # 28 layers of q_proj: 28 · (2·2048·3584·3584 + 2048·3584), from the Qwen2.5-7B config.
            [decimal]($back | Where-Object Module -eq 'self_attn.q_proj').ForwardFlops | Should -Be 1473379303424
            ($back | Where-Object Module -eq 'mlp.up_proj').TrainingFlops | Should -Not -Match 'E'
        }
    }
}
