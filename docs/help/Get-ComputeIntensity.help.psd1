@{
    Name        = 'Get-ComputeIntensity'
    Synopsis    = 'Places each module of a model on the roofline of an accelerator: bytes moved, FLOPs per byte, compute- or memory-bound, and predicted time.'
    Description = @(
        'For one forward pass of a training step, a prefill or a decode step, Get-ComputeIntensity counts the FLOPs of every module (convention Detailed, the same rows and names as Get-LayerBreakdown) and the bytes it reads and writes in device memory, split into weights, activations and KV cache. Intensity is FLOPs per byte; the ridge point is the peak FLOP/s divided by the memory bandwidth; a module at or above the ridge is compute-bound, below it memory-bound.',
        'Each row gives two predicted times: SerialSeconds, f / peak + m / bandwidth (compute and memory one after the other), and RooflineSeconds, max(f / peak, m / bandwidth) (perfect overlap). -Summary sums them over the modules and adds the share of time spent memory-bound, the KV cache size, tokens per second, the time to first token (prefill) and the MFU ceiling (training).',
        'Each input is read once and each output written once per module. Fused attention (the default) is one self_attn.attention row that reads Q, K and V and writes the output; eager attention keeps the four rows and writes the score matrix, which scaling and softmax read and write back. -WeightPrecision applies to the weights of Linear layers only, so weight-only quantization (w4a16, w8a16) is one parameter away.'
    )
    Parameters  = @{
        Model              = 'A preset name or Hugging Face repository id (Tab completes), for example Llama-3.1-8B.'
        Path               = 'A config.json, or a folder holding one; wildcards allowed. Binds from the pipeline.'
        LiteralPath        = 'A config.json, or a folder holding one, taken literally (aliases PSPath, FullName).'
        InputObject        = 'A model object from another MfuTools cmdlet, such as Get-MfuModel.'
        BatchSize          = 'B: sequences in the pass (alias GlobalBatchSize). Default 1. In decode, the sequences each adding one token.'
        SequenceLength     = 'S: tokens per sequence in training and prefill. Default 2048. In decode it is the default of -ContextLength.'
        CausalAttention    = 'Count only the causal half of each attention score matrix in the FLOPs. Never applies in decode. The eager score matrix is stored whole either way.'
        Phase              = 'Prefill (default), Training or Decode.'
        ContextLength      = 'Decode only: C, tokens already in the KV cache. Default the sequence length. Sliding-window layers read min(C, W) of them.'
        Precision          = 'Precision of activations and the KV cache, and of the peak used: FP32, TF32, BF16 (default), FP16, FP8, INT8, INT4. The catalog has no INT4 peak for any accelerator, so -Precision INT4 needs -PeakFlopsPerSecond; for int4 weights with 16-bit activations, use -WeightPrecision INT4 instead.'
        WeightPrecision    = 'Precision of the weights of Linear layers (projections, experts, routers, lm_head). Default: the same as -Precision. INT4 is half a byte per weight.'
        Attention          = 'Fused (default; FlashAttention, PyTorch SDPA) or Eager (the scores pass through memory).'
        Accelerator        = 'A catalog name such as H100, A100 80GB or MI300X (Tab completes), or an accelerator object; binds by the property name Accelerator, which Get-MfuAccelerator output and CSV rows can carry. Its dense peak at -Precision and its memory bandwidth are used.'
        PeakFlopsPerSecond = 'Instead of -Accelerator: the dense peak of one device in FLOP/s at -Precision. Needs -MemoryBandwidth. A string is read with the invariant culture (3.35e12).'
        MemoryBandwidth    = 'Device memory bandwidth in bytes per second. Required with -PeakFlopsPerSecond; with -Accelerator it replaces the catalog figure.'
        Summary            = 'Emit one object with the whole-model totals and predictions instead of one row per module.'
        Layer              = 'Only these decoder layers (0-based); model-level rows such as lm_head are left out. Not allowed with -Summary.'
    }
    Inputs      = @(
        @{ Type = 'System.String'; Description = 'Config paths (-Path). By property name: Accelerator, BatchSize and ContextLength, as in rows from Import-Csv.' }
        @{ Type = 'MfuTools.Core.Hardware.Accelerator'; Description = 'Catalog entries from Get-MfuAccelerator, bound by their Accelerator property; one result set per accelerator.' }
        @{ Type = 'MfuTools.Core.Models.ModelConfig'; Description = 'A model object (-InputObject).' }
    )
    Outputs     = @(
        @{ Type = 'MfuTools.Core.Results.IntensityRow'; Description = 'One module of one layer: Model, Module, Layer, Kind, Phase, Flops (forward FLOPs), Bytes, WeightBytes, ActivationBytes, KvCacheBytes (bytes), Intensity and RidgePoint (FLOPs per byte; Intensity empty where no bytes move), Bound (Compute or Memory; empty where no bytes move), ComputeSeconds, MemorySeconds, SerialSeconds, RooflineSeconds (seconds), AttainableFlopsPerSecond (FLOP/s), and BatchSize, SequenceLength, ContextLength, Precision, WeightPrecision, Attention, Accelerator, PeakFlopsPerSecond, MemoryBandwidth (bytes per second), CausalAttention.' }
        @{ Type = 'MfuTools.Core.Results.IntensitySummary'; Description = 'The whole model: Tokens, Flops, Bytes, WeightBytes, ActivationBytes, KvCacheTrafficBytes (the sum of the rows'' KvCacheBytes), KvCacheBytes (the cache size: what decode reads, what prefill leaves; empty in training), Intensity, RidgePoint, Bound (of the larger share of time), SerialSeconds and RooflineSeconds (forward, seconds), AttainableFlopsPerSecond, MemoryBoundShare (fraction of roofline time), StepSeconds (roofline forward, 3 × it in training), TokensPerSecond (the tokens of the step divided by StepSeconds: the best case at the full memory bandwidth and the dense peak; in decode, B new tokens per step), TimeToFirstTokenSeconds (prefill), MatmulTrainingFlops and MfuCeiling (training, a fraction), and the run and hardware properties of the rows.' }
    )
    Examples    = @(
        @{
            Title   = 'Prefill against decode'
            Code    = "'Prefill', 'Decode' | ForEach-Object { Get-ComputeIntensity -Model Llama-3.1-8B -Accelerator H100 -Phase `$_ -Summary }"
            Remarks = @'
Model              Phase      Flops     Bytes Intensity Bound   MemBound Roofline   Serial Tokens/s   KvCache MfuCeiling
-----              -----      -----     ----- --------- -----   -------- --------   ------ --------   ------- ----------
Llama-3.1-8B       Prefill  32.95 T  43.80 GB       752 Compute  12.66 %  38.1 ms  46.4 ms  53.71 k  268.4 MB
Llama-3.1-8B       Decode   16.09 G  15.29 GB      1.05 Memory  100.00 %  4.56 ms  4.58 ms   219.07  268.4 MB

A 2048-token prefill does 752 FLOPs per byte and is compute-bound on an H100 (ridge 295); a decode step reads all 15 GB of weights for one token, at about 1 FLOP per byte.
'@
        }
        @{
            Title   = 'Why decode is memory-bound'
            Code    = "Get-ComputeIntensity -Model Llama-3.1-8B -Accelerator H100 -Phase Decode -Layer 0 | Where-Object Module -like '*proj'"
            Remarks = @'
Module                                            Flops      Bytes    KvCache Intensity Bound    Roofline    Serial
------                                            -----      -----    ------- --------- -----    --------    ------
model.layers.0.self_attn.q_proj                 33.55 M   33.57 MB        0 B     1.000 Memory    10.0 us   10.1 us
model.layers.0.self_attn.k_proj                 8.389 M   8.399 MB   2.048 kB     0.999 Memory    2.51 us   2.52 us
model.layers.0.self_attn.v_proj                 8.389 M   8.399 MB   2.048 kB     0.999 Memory    2.51 us   2.52 us
model.layers.0.self_attn.o_proj                 33.55 M   33.57 MB        0 B     1.000 Memory    10.0 us   10.1 us
model.layers.0.mlp.gate_proj                    117.4 M   117.5 MB        0 B     1.000 Memory    35.1 us   35.2 us
model.layers.0.mlp.up_proj                      117.4 M   117.5 MB        0 B     1.000 Memory    35.1 us   35.2 us
model.layers.0.mlp.down_proj                    117.4 M   117.5 MB        0 B     1.000 Memory    35.1 us   35.2 us

Each 2-byte bf16 weight is read to do 2 FLOPs for the one new token, so every projection sits near 1 FLOP per byte.
'@
        }
        @{
            Title   = 'One model on several accelerators'
            Code    = "Get-MfuAccelerator -Name '*H100*', '*MI300X*' | Get-ComputeIntensity -Model Llama-3.1-8B -Phase Decode -Summary | Format-Table Accelerator, RidgePoint, TokensPerSecond"
            Remarks = @'
Accelerator                    RidgePoint TokensPerSecond
-----------                    ---------- ---------------
NVIDIA H100 SXM5 80GB              295.34          219.07
NVIDIA H100 PCIe 80GB              378.00          130.79
NVIDIA H100 NVL 94GB (per GPU)     214.23          255.03
AMD Instinct MI300X                246.68          346.58

Decode at batch 1 is memory-bound everywhere, so the predicted generation rate follows the memory bandwidth, not the peak.
'@
        }
        @{
            Title   = 'Int4 weights and a batch, on hardware given by its figures'
            Code    = 'Get-ComputeIntensity -Model Qwen2.5-7B -PeakFlopsPerSecond 312e12 -MemoryBandwidth 2.039e12 -Phase Decode -WeightPrecision INT4 -BatchSize 8 -ContextLength 8192 -Summary'
            Remarks = @'
Model              Phase      Flops     Bytes Intensity Bound   MemBound Roofline   Serial Tokens/s   KvCache MfuCeiling
-----              -----      -----     ----- --------- -----   -------- --------   ------ --------   ------- ----------
Qwen2.5-7B         Decode   139.6 G  7.402 GB      18.9 Memory  100.00 %  3.63 ms  4.08 ms  2.204 k  3.758 GB

An A100's bf16 peak and bandwidth, int4 weights and bf16 activations (w4a16), eight sequences against 8192-token caches: about half of the 7.4 GB read per step is KV cache.
'@
        }
        @{
            Title   = 'The MFU ceiling of a training shape'
            Code    = 'Get-ComputeIntensity -Model Llama-3.1-8B -Accelerator H100 -Phase Training -SequenceLength 8192 -Summary | Select-Object Model, Phase, StepSeconds, MemoryBoundShare, MfuCeiling | Format-List'
            Remarks = @'
Model            : Llama-3.1-8B
Phase            : Training
StepSeconds      : 0.537856030477074
MemoryBoundShare : 0.10771368929387
MfuCeiling       : 0.891511504262959

Even at its roofs, the device spends 11 % of the forward in memory-bound norms, activations and residual adds, so by this model no run of this shape exceeds about 89 % MFU.
'@
        }
    )
    Notes       = @(
        'The memory model: a module does f FLOPs and moves m bytes between device memory and the chip. With t_f = 1 / peak FLOP/s and t_m = 1 / bandwidth in bytes per second, run one after the other it takes f·t_f + m·t_m (SerialSeconds); with compute and memory traffic overlapped perfectly, the roofline, it takes max(f·t_f, m·t_m) (RooflineSeconds). Intensity is f / m in FLOPs per byte; the ridge point is peak / bandwidth (989.4e12 / 3.35e12 = 295 FLOPs per byte on an H100 SXM in BF16). A module with Intensity at or above the ridge is compute-bound, below it memory-bound. Whole-model times are sums over the modules, which run one after another. Both times are lower bounds at the dense peak of -Precision and the full memory bandwidth.'
        'Bytes per module follow one rule: each input and weight is read once and each output written once, with nothing kept on chip between modules. A Linear layer of i inputs and o outputs over T tokens reads i·o weights, o biases and T·i inputs and writes T·o outputs; norms, activations and residual adds read their inputs (and norm weights) and write their output; fused attention reads Q, K and V and writes the output; eager attention also writes the score matrix, which scaling and softmax read and write back. Grouped-query attention reads K and V at the key/value heads. Real kernels re-read tiles and fuse neighbours, so the rows show where the bytes are, not a profile.'
        'Sizes: BF16 and FP16 are 2 bytes, FP8 and INT8 1, FP32 and TF32 4, INT4 half a byte. -WeightPrecision applies to the weights of Linear layers only; embeddings, norm weights and biases stay at -Precision. Routed-expert rows read the weights of E·(1 − (1 − k/E)^T) experts, rounded up. model.rotary_emb moves no bytes worth counting, so its Intensity and Bound are empty.'
        'The full byte table and worked examples are in docs/compute-intensity.md in the source repository.'
    )
    Defaults    = @{ BatchSize = '1'; SequenceLength = '2048'; ContextLength = 'The sequence length'; WeightPrecision = 'The same as -Precision'; Layer = 'Every layer and the model-level rows' }
    RelatedLinks = @('Get-LayerBreakdown', 'Get-ModelFlops', 'Measure-Mfu', 'Get-MfuAccelerator', 'about_MfuTools')
}
