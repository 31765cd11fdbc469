@{
    Name        = 'Get-MfuModel'
    Synopsis    = 'Gets model descriptions: the built-in presets, or the model a Hugging Face config.json describes.'
    Description = @(
        'Get-MfuModel returns the dimensions MfuTools counts with: hidden size, layers, query and key/value heads, head width, vocabulary, biases, sliding window and the parameter count, as Hugging Face''s num_parameters() reports it. Without parameters it lists every built-in preset; with -Name it filters them by name or repository id, with wildcards, ignoring case; with -Path it reads a config.json or a model folder instead.'
        'The objects pipe into Get-ModelFlops and Get-LayerBreakdown, so a model read once can be counted many ways. A name that matches no preset, or a config that cannot be read, writes one non-terminating error and the other inputs are still processed.'
    )
    Parameters  = @{
        Name = 'Preset names or Hugging Face repository ids to list (Qwen2.5-7B, meta-llama/Llama-3.1-8B). Wildcards are allowed (Qwen2.5*) and case is ignored; Tab completes the names. Default: every preset.'
        Path = 'The path of a config.json, or of a folder that contains one, to describe instead of a preset (aliases PSPath, FullName, LiteralPath). Binds from the properties of Get-ChildItem output.'
    }
    Inputs      = @(
        @{ Type = 'System.String'; Description = 'Preset names, piped by value; or paths through the Path, PSPath or FullName property.' }
    )
    Outputs     = @(
        @{ Type = 'MfuTools.Core.Models.ModelConfig'; Description = @(
                'One model description. Name, ModelType (the config''s model_type), Family, HiddenSize, IntermediateSize, NumHiddenLayers, NumAttentionHeads, NumKeyValueHeads, HeadDim and VocabSize (counts of features, layers, heads and tokens), TieWordEmbeddings, QkvBias, OProjBias, MlpBias, QkNorm, HiddenAct, SlidingWindow (tokens; empty for full attention), SlidingWindowFromLayer, MaxPositionEmbeddings (tokens), HasVisionTower, Source (the config path, or the preset''s repository), Notes (caveats about preset values), Parameters and ActiveParameters (counts; equal for dense models).'
            )
        }
    )
    Examples    = @(
        @{
            Title   = 'Presets matching a wildcard'
            Code    = 'Get-MfuModel Qwen2.5*'
            Remarks = @'
Name                    ModelType  Parameters    Active Layers Hidden Heads KvHeads   Vocab Source
----                    ---------  ----------    ------ ------ ------ ----- -------   ----- ------
Qwen2.5-0.5B            qwen2         494.0 M   494.0 M     24    896    14       2  151936 preset of Qwen/Qwen2.5-0.5B
Qwen2.5-1.5B            qwen2         1.544 G   1.544 G     28   1536    12       2  151936 preset of Qwen/Qwen2.5-1.5B
Qwen2.5-3B              qwen2         3.086 G   3.086 G     36   2048    16       2  151936 preset of Qwen/Qwen2.5-3B
Qwen2.5-7B              qwen2         7.616 G   7.616 G     28   3584    28       4  152064 preset of Qwen/Qwen2.5-7B
Qwen2.5-14B             qwen2         14.77 G   14.77 G     48   5120    40       8  152064 preset of Qwen/Qwen2.5-14B
Qwen2.5-32B             qwen2         32.76 G   32.76 G     64   5120    40       8  152064 preset of Qwen/Qwen2.5-32B
Qwen2.5-72B             qwen2         72.71 G   72.71 G     80   8192    64       8  152064 preset of Qwen/Qwen2.5-72B

Run Get-MfuModel without arguments to see every preset.
'@
        }
        @{
            Title   = 'A downloaded model folder'
            Code    = 'Get-MfuModel -Path ./Qwen3-8B'
            Remarks = @'
Name                    ModelType  Parameters    Active Layers Hidden Heads KvHeads   Vocab Source
----                    ---------  ----------    ------ ------ ------ ----- -------   ----- ------
Qwen3-8B                qwen3         8.191 G   8.191 G     36   4096    32       8  151936 /tmp/models/Qwen3-8B/config…

The folder holds the model's config.json; the folder name becomes the model name.
'@
        }
        @{
            Title   = 'Every value of one preset'
            Code    = 'Get-MfuModel Llama-3.1-8B | Format-List *'
            Remarks = @'
Name                   : Llama-3.1-8B
ModelType              : llama
Family                 : Llama
HiddenSize             : 4096
IntermediateSize       : 14336
NumHiddenLayers        : 32
NumAttentionHeads      : 32
NumKeyValueHeads       : 8
HeadDim                : 128
VocabSize              : 128256
TieWordEmbeddings      : False
QkvBias                : False
OProjBias              : False
MlpBias                : False
QkNorm                 : False
HiddenAct              : silu
SlidingWindow          :
SlidingWindowFromLayer : 0
MaxPositionEmbeddings  : 131072
HasVisionTower         : False
Source                 : preset of meta-llama/Llama-3.1-8B
Notes                  :
Parameters             : 8030261248
ActiveParameters       : 8030261248

Parameters is the exact count, as Hugging Face's num_parameters() gives it for this config.
'@
        }
        @{
            Title   = 'Counting a family of presets at once'
            Code    = 'Get-MfuModel Llama-3* | Get-ModelFlops -Summary -SequenceLength 8192'
            Remarks = @'
Model                    Parameters    Tokens ForwardFlops TrainingFlops FlopsPerToken Convention Causal
-----                    ----------    ------ ------------ ------------- ------------- ---------- ------
Llama-3-8B                  8.030 G   8.192 k      158.3 T       474.9 T       57.97 G Detailed   False
Llama-3-70B                 70.55 G   8.192 k      1.315 P       3.946 P       481.7 G Detailed   False
Llama-3.1-8B                8.030 G   8.192 k      158.3 T       474.9 T       57.97 G Detailed   False
Llama-3.1-70B               70.55 G   8.192 k      1.315 P       3.946 P       481.7 G Detailed   False
Llama-3.1-405B              405.9 G   8.192 k      7.172 P       21.52 P       2.626 T Detailed   False
Llama-3.2-1B                1.236 G   8.192 k      29.12 T       87.36 T       10.66 G Detailed   False
Llama-3.2-3B                3.213 G   8.192 k      75.83 T       227.5 T       27.77 G Detailed   False

The model objects bind to -InputObject of Get-ModelFlops.
'@
        }
    )
    Notes       = 'A preset whose values no public config confirms says so in Notes; -Verbose on the counting cmdlets prints that note. See about_MfuTools for how configs are read.'
    RelatedLinks = @('Get-ModelFlops', 'Get-LayerBreakdown', 'about_MfuTools')
}
