<#
.SYNOPSIS
    The per-layer breakdown written as a plain PowerShell function, for comparison only.
.DESCRIPTION
    Get-PlainLayerBreakdown applies the same Detailed formulas as Get-LayerBreakdown to a
    Llama-style dense decoder without a sliding window (Qwen2.5-72B, for one), and writes the
    same rows with the same properties as [pscustomobject]. It is what a user would write
    without the module, and Run-Benchmarks.ps1 times it against the cmdlet. It checks nothing
    and is not part of the module.
#>

function Get-PlainLayerBreakdown {
    param($Model, [long] $BatchSize = 1, [long] $SequenceLength = 2048)

    $tokens = [decimal]$BatchSize * $SequenceLength
    $scorePairs = [decimal]$SequenceLength * $SequenceLength
    $h = [long]$Model.HiddenSize
    $nh = [long]$Model.NumAttentionHeads
    $nkv = [long]$Model.NumKeyValueHeads
    $d = [long]$Model.HeadDim
    $intermediate = [long]$Model.IntermediateSize
    $vocab = [long]$Model.VocabSize
    $b = $BatchSize
    $s = $SequenceLength

    $rows = [System.Collections.Generic.List[object]]::new()
    function Add-Row($module, $layer, $kind, $forward, $parameters, $weight, $bias, $in, $out) {
        $rows.Add([pscustomobject]@{
                Model = $Model.Name; Module = $module; Layer = $layer; Kind = $kind
                ForwardFlops = $forward; BackwardFlops = 2 * $forward; TrainingFlops = 3 * $forward
                Parameters = $parameters; Share = 0.0
                WeightShape = $weight; BiasShape = $bias; InputShape = $in; OutputShape = $out
                BatchSize = $b; SequenceLength = $s; Convention = 'Detailed'; CausalAttention = $false
            })
    }
    function Add-Linear($module, $layer, $in, $out, $hasBias) {
        $forward = 2 * $tokens * $in * $out
        $parameters = [decimal]$in * $out
        $bias = ''
        if ($hasBias) {
            $forward += $tokens * $out
            $parameters += $out
            $bias = "($out)"
        }
        Add-Row $module $layer 'Linear' $forward $parameters "($in, $out)" $bias "($b, $s, $in)" "($b, $s, $out)"
    }

    Add-Row 'model.embed_tokens' $null 'Embedding' 0 ([decimal]$vocab * $h) "($vocab, $h)" '' "($b, $s)" "($b, $s, $h)"
    Add-Row 'model.rotary_emb' $null 'RotaryEmbedding' (3 * $tokens) 0 '' '' "($b, $s)" "($b, $s, $d)"

    for ($layer = 0; $layer -lt $Model.NumHiddenLayers; $layer++) {
        $p = "model.layers.$layer."
        Add-Row "${p}input_layernorm" $layer 'RmsNorm' (4 * $tokens * $h) $h "($h)" '' "($b, $s, $h)" "($b, $s, $h)"
        Add-Linear "${p}self_attn.q_proj" $layer $h ($nh * $d) $Model.QkvBias
        Add-Linear "${p}self_attn.k_proj" $layer $h ($nkv * $d) $Model.QkvBias
        Add-Linear "${p}self_attn.v_proj" $layer $h ($nkv * $d) $Model.QkvBias
        $rotary = ($nh + $nkv) * $d
        Add-Row "${p}self_attn.rotary_emb" $layer 'RotaryEmbedding' (3 * $tokens) 0 '' '' "($b, $s, $rotary)" "($b, $s, $rotary)"
        Add-Row "${p}self_attn.attention.qk" $layer 'AttentionScores' (2 * $b * $nh * $scorePairs * $d) 0 '' '' "($b, $nh, $s, $d)" "($b, $nh, $s, $s)"
        Add-Row "${p}self_attn.attention.scaling" $layer 'AttentionScaling' ($b * $nh * $scorePairs) 0 '' '' "($b, $nh, $s, $s)" "($b, $nh, $s, $s)"
        Add-Row "${p}self_attn.attention.softmax" $layer 'AttentionSoftmax' ($b * $nh * $scorePairs) 0 '' '' "($b, $nh, $s, $s)" "($b, $nh, $s, $s)"
        Add-Row "${p}self_attn.attention.pv" $layer 'AttentionValues' (2 * $b * $nh * $scorePairs * $d) 0 '' '' "($b, $nh, $s, $s)" "($b, $nh, $s, $d)"
        Add-Linear "${p}self_attn.o_proj" $layer ($nh * $d) $h $Model.OProjBias
        Add-Row "${p}residual_add_attn" $layer 'ResidualAdd' ($tokens * $h) 0 '' '' "($b, $s, $h)" "($b, $s, $h)"
        Add-Row "${p}post_attention_layernorm" $layer 'RmsNorm' (4 * $tokens * $h) $h "($h)" '' "($b, $s, $h)" "($b, $s, $h)"
        Add-Linear "${p}mlp.gate_proj" $layer $h $intermediate $Model.MlpBias
        Add-Linear "${p}mlp.up_proj" $layer $h $intermediate $Model.MlpBias
        Add-Row "${p}mlp.act_fn" $layer 'Activation' (3 * $tokens * $intermediate) 0 '' '' "($b, $s, $intermediate)" "($b, $s, $intermediate)"
        Add-Row "${p}mlp.act_mul" $layer 'ElementwiseProduct' ($tokens * $intermediate) 0 '' '' "($b, $s, $intermediate)" "($b, $s, $intermediate)"
        Add-Linear "${p}mlp.down_proj" $layer $intermediate $h $Model.MlpBias
        Add-Row "${p}residual_add_mlp" $layer 'ResidualAdd' ($tokens * $h) 0 '' '' "($b, $s, $h)" "($b, $s, $h)"
    }

    Add-Row 'model.norm' $null 'RmsNorm' (4 * $tokens * $h) $h "($h)" '' "($b, $s, $h)" "($b, $s, $h)"
    Add-Linear 'lm_head' $null $h $vocab $false

    $total = ($rows | Measure-Object ForwardFlops -Sum).Sum
    foreach ($row in $rows) {
        $row.Share = [double]($row.ForwardFlops / $total)
    }
    $rows
}
