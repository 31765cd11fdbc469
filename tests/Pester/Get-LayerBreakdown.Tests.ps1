# Get-LayerBreakdown against the staged module, as a user runs it.
BeforeAll {
    Import-Module MfuTools -Force
    $configs = Join-Path $PSScriptRoot '../../../shared/data/configs'
}

Describe 'Get-LayerBreakdown' {
    It 'names rows with the Hugging Face module path of each layer' {
        $rows = Get-LayerBreakdown -Model Llama-3.1-8B -Layer 0, 31
        $rows.Module | Should -Contain 'model.layers.31.mlp.up_proj'
        ($rows | Where-Object Layer -eq 0).Count | Should -Be 18
    }

    It 'gives Qwen3 its per-head q_norm and k_norm rows' {
        $rows = Get-LayerBreakdown -LiteralPath (Join-Path $configs 'Qwen__Qwen3-8B.json') -Layer 0
        # Qwen3-8B config: 32 query heads and 8 key/value heads of head_dim 128; RMSNorm is
        # 4 FLOPs per element, over T = 2048 tokens: 4·2048·32·128 and 4·2048·8·128.
        ($rows | Where-Object Module -eq 'model.layers.0.self_attn.q_norm').ForwardFlops | Should -Be 33554432
        ($rows | Where-Object Module -eq 'model.layers.0.self_attn.k_norm').ForwardFlops | Should -Be 8388608
    }

    It 'rejects a layer the model does not have, by error id' {
        { Get-LayerBreakdown -Model Qwen2.5-0.5B -Layer 99 -ErrorAction Stop } |
            Should -Throw -ErrorId 'LayerOutOfRange,MfuTools.Cmdlets.Commands.GetLayerBreakdownCommand'
    }

    It 'takes a model piped from Get-MfuModel' {
        $rows = Get-MfuModel Qwen2.5-0.5B | Get-LayerBreakdown -Layer 0
        $rows[0].Model | Should -Be 'Qwen2.5-0.5B'
    }

    It 'exports flat rows that survive Export-Csv' {
        $file = Join-Path $TestDrive 'layers.csv'
        Get-LayerBreakdown -Model Qwen2.5-7B -Layer 0 | Export-Csv $file -NoTypeInformation
        $back = Import-Csv $file
        ($back | Where-Object Module -eq 'model.layers.0.self_attn.q_proj').WeightShape | Should -Be '(3584, 3584)'
        # Qwen2.5-7B gate_proj, one layer: 2·2048·3584·18944.
        [decimal]($back | Where-Object Module -eq 'model.layers.0.mlp.gate_proj').ForwardFlops | Should -Be 278099132416
    }
}
