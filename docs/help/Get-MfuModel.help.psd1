@{
    Name        = 'Get-MfuModel'
    Synopsis    = 'Gets model descriptions from the built-in preset catalog or from a config.json.'
    Description = @(
        'Get-MfuModel lists the model presets that ship with MfuTools: the published dimensions of Qwen2, Qwen2.5, Qwen3 (dense and mixture-of-experts), Qwen1.5-MoE, Llama 2, 3, 3.1 and 3.2, Mistral 7B, Mixtral 8x7B and 8x22B, DeepSeek-V2, V2-Lite and V3, the four GPT-2 sizes, GPT-3 175B and PaLM 540B (PaLM-540B). Each preset is read through the same config reader as a config.json, so a preset and its model''s config give the same numbers.',
        'With -Name it filters the catalog by preset name, with wildcards and without regard to case; a name without wildcards may also be the preset''s Hugging Face repository id, with or without the organisation. A repository id whose config.json is in the local Hugging Face cache (HF_HUB_CACHE, else HF_HOME/hub, else ~/.cache/huggingface/hub) is read from the cache instead; nothing is ever downloaded.',
        'With -Path it describes the model of a config.json file or of a folder that holds one.',
        'The objects pipe into Get-ModelFlops, Get-LayerBreakdown and every other cmdlet that takes -InputObject.'
    )
    Parameters  = @{
        Name = 'Preset names or Hugging Face repository ids to get. Wildcards are allowed and case is ignored. When omitted, every preset is listed. Tab completion offers the preset names, and after a slash the repository ids of models in the local Hugging Face cache.'
        Path = 'A config.json file, or a folder that holds one, to describe instead of a preset. A path that does not exist as typed is expanded as a wildcard pattern. Aliases: PSPath, FullName, LiteralPath; binds from the pipeline by property name, so Get-ChildItem output pipes in.'
    }
    Inputs      = @(
        @{ Type = 'System.String'; Description = 'Preset names or repository ids, by value; or paths, by the property name Path, PSPath or FullName.' }
    )
    Outputs     = @(
        @{ Type = 'MfuTools.Core.Models.ModelConfig'; Description = 'One model: Name, ModelType, Family, the dimensions as Hugging Face config keys in PascalCase (HiddenSize, IntermediateSize, NumHiddenLayers, NumAttentionHeads, NumKeyValueHeads, HeadDim, VocabSize), TieWordEmbeddings, the bias flags QkvBias, OProjBias and MlpBias, QkNorm, HiddenAct (the activation function name), SlidingWindow and SlidingWindowFromLayer in tokens and layers, MaxPositionEmbeddings (the config''s max_position_embeddings, in tokens), the mixture-of-experts fields (NumExperts, NumExpertsPerTok, MoeIntermediateSize, NumSharedExperts, SharedExpertIntermediateSize, ExpertLayerCount, RouterScoringFunction), the latent-attention widths (QLoraRank, KvLoraRank, QkNopeHeadDim, QkRopeHeadDim, VHeadDim), PositionEmbeddingRows (the rows of a learned position embedding table, GPT-2''s n_positions; empty for rotary models), Parameters and ActiveParameters (counts, as decimal), HasVisionTower, Source and Notes. The default list view groups the bias flags into one Biases line and the expert and latent-attention fields into Experts and LatentAttention lines.' }
    )
    Examples    = @(
        @{
            Title   = 'List the Qwen3 presets'
            Code    = 'Get-MfuModel Qwen3*'
            Remarks = @'
Name               ModelType    Params  Active Layers Hidden Heads KvHeads  Vocab Source
----               ---------    ------  ------ ------ ------ ----- -------  ----- ------
Qwen3-0.6B         qwen3       596.0 M 596.0 M     28   1024    16       8 151936 preset of Qwen/Qwen3-0.6B
Qwen3-1.7B         qwen3       1.721 G 1.721 G     28   2048    16       8 151936 preset of Qwen/Qwen3-1.7B
Qwen3-4B           qwen3       4.022 G 4.022 G     36   2560    32       8 151936 preset of Qwen/Qwen3-4B
Qwen3-8B           qwen3       8.191 G 8.191 G     36   4096    32       8 151936 preset of Qwen/Qwen3-8B
Qwen3-14B          qwen3       14.77 G 14.77 G     40   5120    40       8 151936 preset of Qwen/Qwen3-14B
Qwen3-32B          qwen3       32.76 G 32.76 G     64   5120    64       8 151936 preset of Qwen/Qwen3-32B
Qwen3-30B-A3B      qwen3_moe   30.53 G 3.353 G     48   2048    32       4 151936 preset of Qwen/Qwen3-30B-A3B
Qwen3-235B-A22B    qwen3_moe   235.1 G 22.19 G     94   4096    64       4 151936 preset of Qwen/Qwen3-235B-A22B

The mixture-of-experts presets show fewer active parameters per token than parameters in all.
'@
        }
        @{
            Title   = 'Pipe presets into Get-ModelFlops'
            Code    = 'Get-MfuModel Mixtral* | Get-ModelFlops -Summary'
            Remarks = @'
Model                                Params   Active   Tokens ForwardFlops TrainingFlops FlopsPerToken Convention Causal
-----                                ------   ------   ------ ------------ ------------- ------------- ---------- ------
Mixtral-8x7B-v0.1                   46.70 G  12.88 G  2.048 k      54.44 T       163.3 T       79.74 G Detailed   False
Mixtral-8x22B-v0.1                  140.6 G  39.15 G  2.048 k      165.4 T       496.1 T       242.3 G Detailed   False

Each token is counted through the 2 of 8 experts it is routed to, never all of them.
'@
        }
        @{
            Title   = 'Describe a downloaded config.json'
            Code    = 'Get-MfuModel -Path ./DeepSeek-V3/config.json'
            Remarks = @'
Name               ModelType    Params  Active Layers Hidden Heads KvHeads  Vocab Source
----               ---------    ------  ------ ------ ------ ----- -------  ----- ------
DeepSeek-V3        deepseek_v3 671.0 G 37.55 G     61   7168   128     128 129280 /tmp/polish/ex/DeepSeek-V3/config.json

The model takes its folder's name. The count leaves out DeepSeek-V3's multi-token-prediction layer, which Hugging Face's model does not load.
'@
        }
        @{
            Title   = 'Every value of one preset, with units'
            Code    = 'Get-MfuModel DeepSeek-V3 | Format-List'
            Remarks = @'
Name                         : DeepSeek-V3
ModelType                    : deepseek_v3
Family                       : DeepSeekV3
Parameters                   : 671.0 G
ActiveParameters             : 37.55 G
NumHiddenLayers              : 61
HiddenSize                   : 7168
IntermediateSize             : 18432
NumAttentionHeads            : 128
NumKeyValueHeads             : 128
HeadDim                      : 192
VocabSize                    : 129280
TieWordEmbeddings            : False
Biases                       :
QkNorm                       : False
HiddenAct                    : silu
Experts                      : 256 routed, 8 per token, 1 shared, in 58 of 61 layers
MoeIntermediateSize          : 2048
SharedExpertIntermediateSize : 2048
RouterScoringFunction        : sigmoid
LatentAttention              : q rank 1536, kv rank 512, head widths 128 + 64 rotary, values 128
SlidingWindow                :
MaxPositionEmbeddings        : 163840
HasVisionTower               : False
Source                       : preset of deepseek-ai/DeepSeek-V3
Notes                        :

Format-List shows the mixture-of-experts and latent-attention lines only for models that have them; Format-List * shows every property with its raw value.
'@
        }
    )
    Notes       = 'Parameters are counted as Hugging Face''s num_parameters() counts the language model: every weight, bias and norm weight, routers and DeepSeek''s e_score_correction_bias, GPT-2''s position embeddings, a tied embedding once, no buffers. ActiveParameters leave out the (E - k) experts of each mixture-of-experts layer that a token is not routed to. Presets whose fields no public config confirms say so in Notes; GPT-3 175B is counted as GPT-2''s architecture at the paper''s dimensions, with dense attention in every layer.'
    RelatedLinks = @('Get-ModelFlops', 'Get-LayerBreakdown', 'about_MfuTools')
}
