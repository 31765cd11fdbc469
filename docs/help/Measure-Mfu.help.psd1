@{
    Name        = 'Measure-Mfu'
    Synopsis    = 'Measures the model FLOPs utilization (MFU) of a training run from its speed, its devices and its model.'
    Description = @(
        'Measure-Mfu divides the model FLOPs a training run achieved per second on each device by the dense peak FLOP/s of that device at the run''s precision. MFU = model training FLOPs per step / (step seconds x devices x peak per device). The result is a fraction (0.462 is 46.2 %); the table view shows it as a percentage.'
        'Give the model as with Get-ModelFlops (-Model with a preset name, -Path with a config.json, or a model piped from Get-MfuModel), the run shape (-BatchSize, -SequenceLength, -CausalAttention), one throughput (-StepSeconds, -TokensPerSecond, -TokensPerSecondPerDevice or -SamplesPerSecond), the number of devices, and the hardware: -Accelerator with a catalog name (H100, A100 40GB, or what nvidia-smi prints) or -PeakFlopsPerSecond with your own figure.'
        'Model FLOPs are counted under -Convention, Matmul by default: the Linear layers without bias, the MoE routers, the lm_head and the two attention products, times 3 for forward and backward. Use -Convention PaLM or Megatron to set the number beside the PaLM paper or a Megatron-LM log; the -Convention parameter defines each convention. With -Recompute, the result also carries the hardware FLOPs utilization (HFU): Full recomputation adds one more forward of every decoder layer, Selective one more forward of the attention score, scaling, softmax and value rows.'
        'Piped records bind by property name, so Import-Csv of a step log gives one result per row. Throughput parameters accept the column names training logs use (step_time, iteration_time, tokens_per_second, tps, samples_per_second, train_samples_per_second and others) and read text with the invariant culture: 1.5 is one and a half on every system. A row with an empty, zero, negative or non-numeric throughput writes one error and the other rows go on; a record from Import-TrainingLog that carries no timing at all (a line that logs only a loss) is skipped instead, with one warning for the whole pipeline. An unknown accelerator, or a precision it has no peak for, is the same for every record, so that error is written once per pipeline.'
        'When a record carries several throughputs, the first present of -StepSeconds, -TokensPerSecond, -TokensPerSecondPerDevice and -SamplesPerSecond is used, except that a step time without -BatchSize gives way to a rate that needs no batch size. Without -SequenceLength a warning says that 2048 tokens are assumed, because the attention FLOPs per token, and so the MFU, depend on it.'
    )
    Parameters  = @{
        Model                           = 'A preset name (tab completion) or Hugging Face repository id, such as Qwen2.5-7B or PaLM-540B. See Get-MfuModel.'
        Path                            = 'A config.json, or a folder that contains one; wildcards allowed.'
        LiteralPath                     = 'A config.json, or a folder that contains one, taken literally. Aliases: PSPath, FullName.'
        InputObject                     = 'A model object piped from Get-MfuModel.'
        BatchSize                       = 'Sequences per optimizer step (the global batch over all devices). Default 1. Needed with -StepSeconds; with a token or sample rate it does not change the MFU. Alias: GlobalBatchSize.'
        SequenceLength                  = 'Tokens per sequence. Default 2048. It sets the attention FLOPs per token (the score and value products grow with it), so it changes the MFU computed from a token or sample rate too: give the length the run trained at.'
        CausalAttention                 = 'Count only the causal half of each attention score matrix, as current Megatron-LM does. Off by default, as in the PaLM paper.'
        Convention                      = @(
            'How model FLOPs are counted. Default: Matmul.'
            'Matmul: only matrix products (Linear layers without bias, MoE routers, lm_head, the two attention products).'
            'Detailed: every module, with bias adds, norms, activations, softmax, scaling and residual adds.'
            'PaLM: 6·N + 12·L·nh·d·S per token (the PaLM paper''s Appendix B), N the parameters a token uses: all of a dense model, the active ones of a mixture-of-experts model; the input embedding is included.'
            'Megatron: Megatron-LM''s GEMMs (q, k, v, o, the MLP or the routed and shared experts, the logits) times 3, with the vocabulary padded to a multiple of 128; it leaves out the MoE router, so for an MoE model it is a little below Matmul.'
            'Torchtitan: 6·N'' + 12·L·h·S per token, N'' the active parameters less the embeddings used only as lookups.'
            'L is the layer count, nh the query heads, d the head width, h the hidden size, S the sequence length.'
        )
        StepSeconds                     = 'Wall seconds per optimizer step. Aliases: StepTime, step_time, step_time_s, step_seconds, seconds_per_step, sec_per_step, time_per_step, IterationTime, iteration_time, iter_time.'
        TokensPerSecond                 = 'Tokens per second over the whole job (all devices). Aliases: tokens_per_second, tokens_per_sec, global_tokens_per_second, throughput_tokens_per_second.'
        TokensPerSecondPerDevice        = 'Tokens per second on one device. Aliases: tokens_per_second_per_device, tokens_per_second_per_gpu, tokens_per_sec_per_gpu, tps (torchtitan prints it per device), tgs.'
        SamplesPerSecond                = 'Sequences per second over the whole job. Aliases: samples_per_second, samples_per_sec, train_samples_per_second (Hugging Face Trainer), SamplesPerSec.'
        DeviceCount                     = 'Devices (GPUs, TPU chips) in the job. Default 1. Aliases: Devices, device_count, num_devices, NumGpus, num_gpus, world_size.'
        Accelerator                     = 'A catalog name or an object from Get-MfuAccelerator. A bare family resolves to its SXM or OAM flagship (H100 is the H100 SXM5 80GB); PCIe, NVL or a memory size picks a variant; the longest family name wins (L40S before L40 before L4). Tab completion lists the catalog. Aliases: Gpu, gpu_name, device_name.'
        PeakFlopsPerSecond              = 'Instead of -Accelerator: the dense peak of one device at the run''s precision, in FLOP/s (989.4e12 for an H100 SXM at BF16).'
        Precision                       = 'The precision the run computed in, which picks the peak: FP32, TF32, BF16 (default), FP16, FP8, INT8 or INT4; dtype names such as bfloat16, torch.float16 and float8_e4m3fn work too. The catalog has no INT4 peak for any accelerator, so INT4 needs -PeakFlopsPerSecond. Alias: Dtype.'
        Recompute                       = @(
            'Activation recomputation of the run, for the hardware FLOPs utilization (HFU). When given, the result has Hfu, and HardwareFlopsPerStep includes the recomputed forward work; MFU does not change. Without it, Hfu is empty.'
            'None: nothing is recomputed, so HFU equals MFU.'
            'Selective: one more forward of the attention score, scaling, softmax and value rows of every layer (Megatron-LM''s selective recomputation).'
            'Full: one more forward of every decoder layer; the embedding, final norm and lm_head run once.'
            'Under PaLM, Megatron or Torchtitan the recomputed rows are counted under Matmul.'
        )
        ReportedFlopsPerSecondPerDevice = 'The FLOP/s per device the training framework printed, in FLOP/s (not TFLOP/s). Carried into the result, with ReportedRatio.'
        ReportedMfu                     = 'The MFU the training framework printed, as a fraction (0.45, not 45). Carried into the result, with ReportedRatio.'
        LogRecord                       = 'A record from Import-TrainingLog, bound from the pipeline by value. Its numbers bind to the other parameters by property name; its framework, step, file, line and quirks are carried into the result. Other piped objects (CSV rows, models, accelerators) also bind here and are ignored by it.'
    }
    Inputs      = @(
        @{ Type = 'System.Management.Automation.PSObject'; Description = 'Records with throughput, run shape, hardware or reported values as properties, such as the rows of Import-Csv or Import-TrainingLog; they bind by property name.' }
        @{ Type = 'MfuTools.Core.Hardware.Accelerator'; Description = 'Catalog entries from Get-MfuAccelerator, bound to -Accelerator by their Accelerator property.' }
        @{ Type = 'MfuTools.Core.Models.ModelConfig'; Description = 'A model from Get-MfuModel.' }
    )
    Outputs     = @(
        @{ Type = 'MfuTools.Core.Results.MfuResult'; Description = 'Model; Mfu and Hfu (fractions; Hfu empty without -Recompute); AchievedFlopsPerSecondPerDevice (FLOP/s); ModelFlopsPerStep, HardwareFlopsPerStep, ModelFlopsPerToken (FLOPs, exact); PeakFlopsPerSecond (FLOP/s), PeakSource, PeakIsEstimate; Accelerator (the catalog entry used); Precision; DeviceCount; StepSeconds (s); TokensPerSecond and TokensPerSecondPerDevice; ThroughputSource (which input was used); BatchSize; SequenceLength; Convention; CausalAttention; Recompute; ReportedFlopsPerSecondPerDevice, ReportedMfu and ReportedRatio (ours divided by theirs, by FLOP/s when given, else by MFU; empty unless given).' }
    )
    Examples    = @(
        @{
            Title   = 'MFU of Qwen2.5-7B trained on 8 H100s at 3,000 tokens/s per GPU'
            Code    = 'Measure-Mfu -Model Qwen2.5-7B -SequenceLength 2048 -TokensPerSecondPerDevice 3000 -DeviceCount 8 -Accelerator H100'
            Remarks = @'
Model                   MFU      HFU  Achieved/dev Reported Devices Precision Convention Accelerator
-----                   ---      ---  ------------ -------- ------- --------- ---------- -----------
Qwen2.5-7B          13.61 %          134.7 TFLOP/s                8 BF16      Matmul     NVIDIA H100 SXM5 80GB

Each token costs 44,887,965,696 training FLOPs at a sequence length of 2048, so 3,000 tokens/s is 134.7 TFLOP/s per GPU, 13.61 % of the H100 SXM's dense BF16 peak of 989.4 TFLOP/s. Give -SequenceLength if your sequences were not 2048 tokens long.
'@
        }
        @{
            Title   = 'The PaLM paper''s 46.2 % from its published inputs'
            Code    = 'Measure-Mfu -Model PaLM-540B -SequenceLength 2048 -Convention PaLM -TokensPerSecond 238300 -DeviceCount 6144 -Accelerator ''TPU v4'''
            Remarks = @'
Model                   MFU      HFU  Achieved/dev Reported Devices Precision Convention Accelerator
-----                   ---      ---  ------------ -------- ------- --------- ---------- -----------
PaLM-540B           46.23 %          127.1 TFLOP/s             6144 BF16      PaLM       Google TPU v4

The PaLM convention counts 6N + 12·L·nh·d·S FLOPs per token with N = 540.35B, as the paper's Appendix B does.
'@
        }
        @{
            Title   = 'One result per row of a step log'
            Code    = 'Import-Csv steps.csv | Measure-Mfu -Model Qwen2.5-7B -BatchSize 32 -SequenceLength 2048 -DeviceCount 8 -Accelerator H100 | Select-Object StepSeconds, Mfu'
            Remarks = @'
StepSeconds  Mfu
-----------  ---
       1.52 0.24
       1.49 0.25

steps.csv has the columns step and step_time; step_time binds to -StepSeconds through its alias. The values read the same under every culture. The table rounds the numbers for display; the first Mfu is 0.244514362094539, which Format-List or Export-Csv shows in full.
'@
        }
        @{
            Title   = 'Compare with the TFLOP/s a Megatron-LM log prints'
            Code    = 'Measure-Mfu -Model Qwen2.5-7B -SequenceLength 2048 -TokensPerSecondPerDevice 3000 -DeviceCount 8 -Accelerator H100 -Convention Megatron -CausalAttention -ReportedFlopsPerSecondPerDevice 131.2e12 | Format-List Mfu, AchievedFlopsPerSecondPerDevice, ReportedFlopsPerSecondPerDevice, ReportedRatio, Convention, CausalAttention'
            Remarks = @'
Mfu                             : 0.132367617707702
AchievedFlopsPerSecondPerDevice : 130964520960000
ReportedFlopsPerSecondPerDevice : 131200000000000
ReportedRatio                   : 0.998205190243902
Convention                      : Megatron
CausalAttention                 : True

Megatron-LM since March 2025 halves the attention products, so -CausalAttention matches its count; a ReportedRatio near 1 says both count the same FLOPs.
'@
        }
        @{
            Title   = 'HFU with selective recomputation, from a step time'
            Code    = 'Measure-Mfu -Model Qwen2.5-7B -BatchSize 256 -SequenceLength 4096 -StepSeconds 5.2 -DeviceCount 64 -Accelerator ''NVIDIA H100 80GB HBM3'' -Recompute Selective -CausalAttention | Format-List Mfu, Hfu, AchievedFlopsPerSecondPerDevice, ModelFlopsPerStep, HardwareFlopsPerStep, PeakSource'
            Remarks = @'
Mfu                             : 0.142946857839884
Hfu                             : 0.145564803727885
AchievedFlopsPerSecondPerDevice : 141431621146782
ModelFlopsPerStep               : 47068443517648896
HardwareFlopsPerStep            : 47930460633825280
PeakSource                      : catalog: NVIDIA H100 SXM5 80GB, dense BF16

The name nvidia-smi prints resolves to the H100 SXM5. HardwareFlopsPerStep adds one more forward of the attention products.
'@
        }
        @{
            Title   = 'The same run on several accelerators'
            Code    = 'Get-MfuAccelerator H100, A100 | Measure-Mfu -Model Llama-3.1-8B -SequenceLength 2048 -TokensPerSecondPerDevice 3500 -DeviceCount 8'
            Remarks = @'
Model                   MFU      HFU  Achieved/dev Reported Devices Precision Convention Accelerator
-----                   ---      ---  ------------ -------- ------- --------- ---------- -----------
Llama-3.1-8B        17.07 %          168.9 TFLOP/s                8 BF16      Matmul     NVIDIA H100 SXM5 80GB
Llama-3.1-8B        54.13 %          168.9 TFLOP/s                8 BF16      Matmul     NVIDIA A100 SXM4 80GB

Catalog entries piped in bind to -Accelerator.
'@
        }
        @{
            Title   = 'Your own peak instead of a catalog entry'
            Code    = 'Measure-Mfu -Model Qwen2.5-7B -SequenceLength 2048 -TokensPerSecondPerDevice 3000 -PeakFlopsPerSecond 800e12 | Select-Object Mfu, PeakSource'
            Remarks = @'
 Mfu PeakSource
 --- ----------
0.17 given by the user

The peak is taken as given, for whatever -Precision says.
'@
        }
    )
    Notes       = 'The peak is always the dense (not 2:4-sparse) rate: NVIDIA datasheets often print the sparse figure, twice the dense one. An unknown accelerator name, or a precision the accelerator has no peak for (BF16 on a V100), is an error that lists the closest names or the precisions it has; there is no fallback to a default device. Warnings: MFU above 100 %; an FP8 run (with the BF16 peak beside the FP8 one); a catalog entry whose figures are estimates; -StepSeconds without -BatchSize; a ReportedRatio outside 0.9 to 1.1, which means the framework counted differently. -Verbose shows which throughput input was used, which catalog entry a name resolved to, and the FLOPs per step. A value in a piped record that cannot be read (a non-numeric throughput, a device count of eight, an unknown precision) fails parameter binding for that record (error id ParameterArgumentTransformationError); an empty, zero or negative throughput gives ThroughputMissing or ThroughputInvalid.'
    Defaults    = @{ BatchSize = '1'; SequenceLength = '2048'; DeviceCount = '1'; Recompute = 'Not set (no Hfu)' }
    RelatedLinks = @('Get-MfuAccelerator', 'Get-ModelFlops', 'Get-MfuModel', 'about_MfuTools')
}
