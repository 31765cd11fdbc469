@{
    Name        = 'Get-ModelFlops'
    Synopsis    = 'Gets the FLOPs of each module of a transformer model, summed over its layers, for one training step, or the whole-model totals.'
    Description = @(
        'Get-ModelFlops expands a model (a built-in preset, a Hugging Face config.json, or a model object from Get-MfuModel) into its Hugging Face module tree and counts the floating-point operations of one optimizer step of BatchSize sequences of SequenceLength tokens. Without -Summary it writes one row for each module, summed over its layers, in the order the forward pass runs them: self_attn.q_proj is the q_proj of every decoder layer, lm_head a model-level module counted once. The Kind property names what a row computes (Linear, AttentionScores, RmsNorm, ...), so several rows share a Kind.'
        'Every count is an exact whole number of FLOPs in a decimal: forward, backward (2 x forward) and training (3 x forward) per step. A multiply-add counts as 2 FLOPs. The table view scales the numbers with SI prefixes (52.62 G); Format-List *, Export-Csv and ConvertTo-Json show the exact values.'
        'With -Summary the cmdlet writes one object per model with the totals, under any of the five conventions: Detailed (every module, the default), Matmul (matrix products only, the count used for MFU), and the closed forms that other tools print: PaLM (6·N + 12·L·nh·d·S per token, N the parameters a token uses: all of a dense model, the active ones of a mixture-of-experts model), Megatron (Megatron-LM''s GEMM count with the vocabulary padded to a multiple of 128; it leaves out the MoE router, so for an MoE model it is a little below Matmul) and Torchtitan (6·N'' + 12·L·h·S per token, N'' the active parameters less the embeddings used only as lookups). L is the layer count, nh the query heads, d the head width, h the hidden size, S the sequence length. The closed forms have no per-module rows, so they need -Summary.'
        'Several models can be given at once, by name, by path or through the pipeline. A model that cannot be read writes one non-terminating error, and the others are still counted.'
    )
    Parameters  = @{
        Model           = 'The names of built-in presets (Qwen2.5-7B, Llama-3.1-8B, Mistral-7B-v0.1, ...) or their Hugging Face repository ids (meta-llama/Llama-3.1-8B), matched without regard to case. Press Tab to complete a name; Get-MfuModel lists them all. A path of an existing config.json or model folder also works.'
        Path            = 'The path of a config.json, or of a folder that contains one (a downloaded model folder or a Hugging Face cache snapshot). Wildcards are expanded. Binds from piped strings and from the Path property of piped objects.'
        LiteralPath     = 'The path of a config.json or of a folder that contains one, used exactly as typed (no wildcard expansion). Binds from the PSPath and FullName properties, so Get-ChildItem output pipes straight in.'
        InputObject     = 'A model object from Get-MfuModel. Use it to count a model that was read once, or to pipe a filtered list of presets.'
        BatchSize       = 'The number of sequences per optimizer step (the global batch size, alias GlobalBatchSize), from 1 to 2147483647. Default: 1. Binds by property name, so rows of a CSV with a BatchSize column pipe in.'
        SequenceLength  = 'The number of tokens per sequence, from 1 to 2147483647. Default: 2048. Binds by property name.'
        CausalAttention = 'Counts only the causal half of each attention score matrix (S squared / 2 score pairs per head instead of S squared), as FlashAttention-style kernels compute it. Changes the attention rows qk, scaling, softmax and pv, and the attention term of the closed forms. Default: off, the full matrix.'
        Convention      = @(
            'Which FLOPs the count includes. Default: Detailed. PaLM, Megatron and Torchtitan are whole-model formulas, so they need -Summary.'
            'Detailed: every module, with bias adds, norms, activations, softmax, scaling and residual adds.'
            'Matmul: only matrix products (Linear layers without bias, MoE routers, lm_head, the two attention products); the count Measure-Mfu uses by default.'
            'PaLM: 6·N + 12·L·nh·d·S per token, N the parameters a token uses (all of a dense model, the active ones of a mixture-of-experts model), the input embedding included.'
            'Megatron: the GEMMs of q, k, v, o, the MLP or the routed and shared experts, and the logits, times 3, with the vocabulary padded to a multiple of 128; it leaves out the MoE router, so for an MoE model it is a little below Matmul.'
            'Torchtitan: 6·N'' + 12·L·h·S per token, N'' the active parameters less the embeddings used only as lookups.'
        )
        Summary         = 'Writes one ModelFlopsSummary object per model with the whole-model totals instead of one row for each module.'
    }
    Inputs      = @(
        @{ Type = 'System.String'; Description = 'Paths of config.json files or model folders, piped by value or through the Path, PSPath or FullName property.' }
        @{ Type = 'MfuTools.Core.Models.ModelConfig'; Description = 'Model objects from Get-MfuModel.' }
    )
    Outputs     = @(
        @{ Type = 'MfuTools.Core.Results.ModelFlopsRow'; Description = @(
                'One row for each module, summed over its layers, without -Summary. Model (name), Module (the module path without the layer prefix, such as mlp.up_proj, or a model-level name such as lm_head), Layers (how many decoder layers the row sums; 0 for a model-level module), Kind (what the module computes: Linear, AttentionScores, RmsNorm, ...), ForwardFlops, BackwardFlops and TrainingFlops (FLOPs per step, decimal, exact), Parameters (count, summed over layers), Share (fraction of the model''s forward FLOPs, 0 to 1; the table shows it as a percentage), BatchSize (sequences), SequenceLength (tokens), Convention, CausalAttention.'
            )
        }
        @{ Type = 'MfuTools.Core.Results.ModelFlopsSummary'; Description = @(
                'One object per model, with -Summary. Model, Parameters and ActiveParameters (counts; equal for dense models), ForwardFlops, BackwardFlops and TrainingFlops (FLOPs per step), TrainingFlopsPerToken (FLOPs per token; may be fractional under causal halving), TokensPerStep (BatchSize x SequenceLength), BatchSize, SequenceLength, Convention, CausalAttention.'
            )
        }
    )
    Examples    = @(
        @{
            Title   = 'Per-module FLOPs of one training step'
            Code    = 'Get-ModelFlops -Model Qwen2.5-7B -BatchSize 8 -SequenceLength 4096'
            Remarks = @'
   Model: Qwen2.5-7B

Module                           Layers Kind                 ForwardFlops TrainingFlops Parameters    Share
------                           ------ ----                 ------------ ------------- ----------    -----
model.embed_tokens                    0 Embedding                       0             0    545.0 M   0.00 %
model.rotary_emb                      0 RotaryEmbedding           98.30 k       294.9 k          0   0.00 %
input_layernorm                      28 RmsNorm                   13.15 G       39.46 G    100.4 k   0.00 %
self_attn.q_proj                     28 Linear                    23.57 T       70.72 T    359.8 M   4.55 %
self_attn.k_proj                     28 Linear                    3.368 T       10.10 T    51.39 M   0.65 %
self_attn.v_proj                     28 Linear                    3.368 T       10.10 T    51.39 M   0.65 %
self_attn.rotary_emb                 28 RotaryEmbedding           2.753 M       8.258 M          0   0.00 %
self_attn.attention.qk               28 AttentionScores           26.94 T       80.81 T          0   5.20 %
self_attn.attention.scaling          28 AttentionScaling          105.2 G       315.7 G          0   0.02 %
self_attn.attention.softmax          28 AttentionSoftmax          105.2 G       315.7 G          0   0.02 %
self_attn.attention.pv               28 AttentionValues           26.94 T       80.81 T          0   5.20 %
self_attn.o_proj                     28 Linear                    23.57 T       70.71 T    359.7 M   4.55 %
residual_add_attn                    28 ResidualAdd               3.288 G       9.865 G          0   0.00 %
post_attention_layernorm             28 RmsNorm                   13.15 G       39.46 G    100.4 k   0.00 %
mlp.gate_proj                        28 Linear                    124.6 T       373.8 T    1.901 G  24.07 %
mlp.up_proj                          28 Linear                    124.6 T       373.8 T    1.901 G  24.07 %
mlp.act_fn                           28 Activation                52.14 G       156.4 G          0   0.01 %
mlp.act_mul                          28 ElementwiseProduct        17.38 G       52.14 G          0   0.00 %
mlp.down_proj                        28 Linear                    124.6 T       373.8 T    1.901 G  24.07 %
residual_add_mlp                     28 ResidualAdd               3.288 G       9.865 G          0   0.00 %
model.norm                            0 RmsNorm                   469.8 M       1.409 G    3.584 k   0.00 %
lm_head                               0 Linear                    35.72 T       107.2 T    545.0 M   6.90 %

Each row sums one module over the 28 decoder layers for 8 sequences of 4096 tokens; the three MLP projections take almost three quarters of the forward FLOPs.
'@
        }
        @{
            Title   = 'The same model under every convention'
            Code    = @'
'Detailed', 'Matmul', 'PaLM', 'Megatron', 'Torchtitan' | ForEach-Object {
    Get-ModelFlops -Model Llama-3.1-8B -BatchSize 4 -SequenceLength 8192 -CausalAttention -Summary -Convention $_
}
'@
            Remarks = @'
Model                                Params   Active   Tokens ForwardFlops TrainingFlops FlopsPerToken Convention Causal
-----                                ------   ------   ------ ------------ ------------- ------------- ---------- ------
Llama-3.1-8B                        8.030 G  8.030 G  32.77 k      562.6 T       1.688 P       51.51 G Detailed   True
Llama-3.1-8B                        8.030 G  8.030 G  32.77 k      562.2 T       1.687 P       51.47 G Matmul     True
Llama-3.1-8B                        8.030 G  8.030 G  32.77 k      596.6 T       1.790 P       54.62 G PaLM       True
Llama-3.1-8B                        8.030 G  8.030 G  32.77 k      562.2 T       1.687 P       51.47 G Megatron   True
Llama-3.1-8B                        8.030 G  8.030 G  32.77 k      562.2 T       1.687 P       51.47 G Torchtitan True

PaLM counts 6 FLOPs per token for each parameter N a token uses (every parameter of this dense model; for a mixture-of-experts model, only the active ones), the input embedding included although it is a lookup, so it prints the largest number. Megatron equals Matmul here; it leaves out the MoE router, so for an MoE model it is a little below Matmul. Set a count beside the number a framework logs under the same convention.
'@
        }
        @{
            Title   = 'Every model folder in a directory, with what was assumed'
            Code    = 'Get-ChildItem -Directory | Get-ModelFlops -Summary -Verbose'
            Remarks = @'
VERBOSE: Model 'Llama-3.1-8B' (llama) from /tmp/polish/models/Llama-3.1-8B/config.json: hidden_size 4096, intermediate_size 14336, 32 layers, 32 query heads and 8 key/value heads of 128, vocab_size 128256, tie_word_embeddings False, 8,030,261,248 parameters.
VERBOSE: head_dim derived as hidden_size / num_attention_heads = 4096 / 32 = 128.
VERBOSE: Counting 'Llama-3.1-8B' at batch size 1, sequence length 2048 (2,048 tokens per step), convention Detailed, causal attention full.

Model                                Params   Active   Tokens ForwardFlops TrainingFlops FlopsPerToken Convention Causal
-----                                ------   ------   ------ ------------ ------------- ------------- ---------- ------
Llama-3.1-8B                        8.030 G  8.030 G  2.048 k      32.95 T       98.86 T       48.27 G Detailed   False
VERBOSE: Model 'Qwen3-8B' (qwen3) from /tmp/polish/models/Qwen3-8B/config.json: hidden_size 4096, intermediate_size 12288, 36 layers, 32 query heads and 8 key/value heads of 128, vocab_size 151936, tie_word_embeddings False, 8,190,735,360 parameters.
VERBOSE: Counting 'Qwen3-8B' at batch size 1, sequence length 2048 (2,048 tokens per step), convention Detailed, causal attention full.
Qwen3-8B                            8.191 G  8.191 G  2.048 k      33.49 T       100.5 T       49.06 G Detailed   False

Each folder holds a Hugging Face config.json; the folder name becomes the model name, and -Verbose shows every value that was derived rather than read.
'@
        }
        @{
            Title   = 'The exact numbers behind the table'
            Code    = 'Get-ModelFlops -Model Qwen2.5-7B -Summary | Format-List *'
            Remarks = @'
Model                 : Qwen2.5-7B
Parameters            : 7615616512
ActiveParameters      : 7615616512
ForwardFlops          : 30656788871168
BackwardFlops         : 61313577742336
TrainingFlops         : 91970366613504
TrainingFlopsPerToken : 44907405573
TokensPerStep         : 2048
BatchSize             : 1
SequenceLength        : 2048
Convention            : Detailed
CausalAttention       : False

The objects keep raw base units (FLOPs, parameters, tokens); only the table view scales them.
'@
        }
    )
    Notes       = @(
        'Counts are model FLOPs: what the architecture requires, not what a kernel executes. Recomputation and padding are not included; the Megatron convention is the one exception, padding the vocabulary as Megatron-LM does.'
        'Vision-language configs (llava, Qwen2-VL, Qwen2.5-VL) are counted for their language model only, with a warning. See about_MfuTools for the formulas, the units and the conventions.'
    )
    Defaults    = @{ BatchSize = '1'; SequenceLength = '2048' }
    RelatedLinks = @('Get-LayerBreakdown', 'Get-MfuModel', 'about_MfuTools')
}
