# Get-ModelFlops against the staged module, as a user runs it.
BeforeAll {
    Import-Module MfuTools -Force
    $configs = Join-Path $PSScriptRoot '../../../shared/data/configs'
}

Describe 'Get-ModelFlops' {
    Context 'the configs of real models' {
        It 'gives a summary for every supported config and one error for each other' {
            $summaries = Get-ChildItem (Join-Path $configs '*.json') |
                Get-ModelFlops -Summary -ErrorVariable failures -ErrorAction SilentlyContinue -WarningAction SilentlyContinue

            # Qwen2 (2), Qwen2.5 (4), Qwen2.5-VL, Qwen3, Llama (2), llava and Mistral configs have rows.
            $summaries.Model | Should -Contain 'Qwen__Qwen2.5-7B'
            $summaries.Model | Should -Contain 'llava-hf__llava-1.5-7b-hf'
            @($summaries).Count + @($failures).Count | Should -Be (Get-ChildItem (Join-Path $configs '*.json')).Count
        }

        It 'names the model_type of an unsupported config' {
            { Get-ModelFlops -LiteralPath (Join-Path $configs 'openai-community__gpt2__resaved.json') -ErrorAction Stop } |
                Should -Throw -ErrorId 'ModelTypeNotSupported,MfuTools.Cmdlets.Commands.GetModelFlopsCommand'
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
