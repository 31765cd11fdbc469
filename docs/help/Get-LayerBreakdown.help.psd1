@{
    Name        = 'Get-LayerBreakdown'
    Synopsis    = 'Gets one row per module per decoder layer, with its FLOPs, parameters and tensor shapes for one training step.'
    Description = @(
        'Get-LayerBreakdown expands a model into its Hugging Face module tree and writes one row per module instance, named as the model''s named_modules() names it (model.layers.3.mlp.up_proj), in the order the forward pass runs them. Each row carries the forward, backward and training FLOPs of one optimizer step of BatchSize sequences of SequenceLength tokens, the parameters the module owns, and the shapes of its weight, bias, input and output.'
        'The rows are the source of every other count: the Get-ModelFlops rows are these rows summed over layers, and the Get-ModelFlops -Summary totals are their sum, exactly. Use -Layer to look at some layers only; model-level rows (model.embed_tokens, model.rotary_emb, model.norm, lm_head) are then left out.'
        'A model that cannot be read, or a -Layer index the model does not have, writes one non-terminating error, and the other models are still broken down.'
    )
    Parameters  = @{
        Model           = 'The names of built-in presets (Qwen2.5-72B, Llama-3.1-8B, ...) or their Hugging Face repository ids, matched without regard to case. Press Tab to complete a name; Get-MfuModel lists them all. A path of an existing config.json or model folder also works.'
        Path            = 'The path of a config.json, or of a folder that contains one. Wildcards are expanded. Binds from piped strings and from the Path property of piped objects.'
        LiteralPath     = 'The path of a config.json or of a folder that contains one, used exactly as typed. Binds from the PSPath and FullName properties, so Get-ChildItem output pipes straight in.'
        InputObject     = 'A model object from Get-MfuModel.'
        BatchSize       = 'The number of sequences per optimizer step (alias GlobalBatchSize), from 1 to 2147483647. Default: 1. Binds by property name.'
        SequenceLength  = 'The number of tokens per sequence, from 1 to 2147483647. Default: 2048. Binds by property name.'
        CausalAttention = 'Counts only the causal half of each attention score matrix (S squared / 2 score pairs per head). Changes only the rows self_attn.attention.qk, scaling, softmax and pv. Default: off, the full matrix.'
        Convention      = 'Which FLOPs the rows count: Detailed (default: every module, with bias adds, norms, activations, softmax and residual adds) or Matmul (only matrix products; the other rows show 0). The closed forms PaLM, Megatron and Torchtitan have no rows: use Get-ModelFlops -Summary for them.'
        Layer           = 'The decoder layers to write, counted from 0. Model-level rows are left out when this is set. An index the model does not have writes a LayerOutOfRange error. Default: every layer and the model-level rows.'
    }
    Inputs      = @(
        @{ Type = 'System.String'; Description = 'Paths of config.json files or model folders, piped by value or through the Path, PSPath or FullName property.' }
        @{ Type = 'MfuTools.Core.Models.ModelConfig'; Description = 'Model objects from Get-MfuModel.' }
    )
    Outputs     = @(
        @{ Type = 'MfuTools.Core.Results.LayerBreakdownRow'; Description = @(
                'One row per module per layer. Model (name), Module (full module path), Layer (decoder layer from 0; empty for a model-level module), Kind (Linear, AttentionScores, RmsNorm, ...), ForwardFlops, BackwardFlops and TrainingFlops (FLOPs per step, decimal, exact; backward is 2 x forward), Parameters (count the module owns; 0 for a tied lm_head), Share (fraction of the model''s forward FLOPs, 0 to 1), WeightShape (in, out) or (n) for a norm, with "tied" for a shared weight, BiasShape, InputShape and OutputShape as (batch, tokens, features) or (batch, heads, tokens, tokens) for attention, BatchSize (sequences), SequenceLength (tokens), Convention, CausalAttention.'
            )
        }
    )
    Examples    = @(
        @{
            Title   = 'The modules of one layer'
            Code    = 'Get-LayerBreakdown -Model Llama-3.1-8B -Layer 0'
            Remarks = @'
   Model: Llama-3.1-8B

Module                                       Kind                 ForwardFlops Parameters WeightShape
------                                       ----                 ------------ ---------- -----------
model.layers.0.input_layernorm               RmsNorm                   33.55 M    4.096 k (4096)
model.layers.0.self_attn.q_proj              Linear                    68.72 G    16.78 M (4096, 4096)
model.layers.0.self_attn.k_proj              Linear                    17.18 G    4.194 M (4096, 1024)
model.layers.0.self_attn.v_proj              Linear                    17.18 G    4.194 M (4096, 1024)
model.layers.0.self_attn.rotary_emb          RotaryEmbedding           6.144 k          0
model.layers.0.self_attn.attention.qk        AttentionScores           34.36 G          0
model.layers.0.self_attn.attention.scaling   AttentionScaling          134.2 M          0
model.layers.0.self_attn.attention.softmax   AttentionSoftmax          134.2 M          0
model.layers.0.self_attn.attention.pv        AttentionValues           34.36 G          0
model.layers.0.self_attn.o_proj              Linear                    68.72 G    16.78 M (4096, 4096)
model.layers.0.residual_add_attn             ResidualAdd               8.389 M          0
model.layers.0.post_attention_layernorm      RmsNorm                   33.55 M    4.096 k (4096)
model.layers.0.mlp.gate_proj                 Linear                    240.5 G    58.72 M (4096, 14336)
model.layers.0.mlp.up_proj                   Linear                    240.5 G    58.72 M (4096, 14336)
model.layers.0.mlp.act_fn                    Activation                88.08 M          0
model.layers.0.mlp.act_mul                   ElementwiseProduct        29.36 M          0
model.layers.0.mlp.down_proj                 Linear                    240.5 G    58.72 M (14336, 4096)
model.layers.0.residual_add_mlp              ResidualAdd               8.389 M          0

With 8 key/value heads against 32 query heads, k_proj and v_proj are a quarter of q_proj.
'@
        }
        @{
            Title   = 'The most expensive modules of a large model'
            Code    = @'
Get-LayerBreakdown -Model Qwen2.5-72B -BatchSize 16 -SequenceLength 4096 -CausalAttention |
    Sort-Object ForwardFlops -Descending | Select-Object -First 5
'@
            Remarks = @'
   Model: Qwen2.5-72B

Module                                       Kind                 ForwardFlops Parameters WeightShape
------                                       ----                 ------------ ---------- -----------
lm_head                                      Linear                    163.3 T    1.246 G (8192, 152064)
model.layers.31.mlp.up_proj                  Linear                    31.75 T    242.2 M (8192, 29568)
model.layers.31.mlp.gate_proj                Linear                    31.75 T    242.2 M (8192, 29568)
model.layers.30.mlp.down_proj                Linear                    31.75 T    242.2 M (29568, 8192)
model.layers.30.mlp.up_proj                  Linear                    31.75 T    242.2 M (8192, 29568)

The rows are ordinary objects, so Sort-Object, Where-Object and Group-Object work on the exact counts.
'@
        }
        @{
            Title   = 'Every property of one row'
            Code    = 'Get-LayerBreakdown -Model Qwen2.5-7B -Layer 3 | Where-Object Module -like ''*up_proj'' | Format-List *'
            Remarks = @'
Model           : Qwen2.5-7B
Module          : model.layers.3.mlp.up_proj
Layer           : 3
Kind            : Linear
ForwardFlops    : 278099132416
BackwardFlops   : 556198264832
TrainingFlops   : 834297397248
Parameters      : 67895296
Share           : 0.00907137187735751
WeightShape     : (3584, 18944)
BiasShape       :
InputShape      : (1, 2048, 3584)
OutputShape     : (1, 2048, 18944)
BatchSize       : 1
SequenceLength  : 2048
Convention      : Detailed
CausalAttention : False

ForwardFlops is 2 x 2048 tokens x 3584 x 18944, exactly; Share is a fraction, not a percentage.
'@
        }
    )
    Notes       = 'Rows are model FLOPs of one step under the chosen convention; a tied lm_head owns no parameters because its weight is the embedding''s. See about_MfuTools for the formulas and conventions.'
    Defaults    = @{ BatchSize = '1'; SequenceLength = '2048'; Layer = 'Every layer and the model-level rows' }
    RelatedLinks = @('Get-ModelFlops', 'Get-MfuModel', 'about_MfuTools')
}
