@{
    Name        = 'Import-TrainingLog'
    Synopsis    = 'Reads the step records that training frameworks print, as typed objects that pipe into Measure-Mfu.'
    Description = @(
        'Import-TrainingLog reads training logs of Megatron-LM, the Megatron-DeepSpeed forks (BigScience, Microsoft), torchtitan, nanoGPT and the Hugging Face Trainer, and emits one record per training step with the step time, batch, token rate, loss and the throughput or MFU the framework printed, in base units: seconds, tokens per second, FLOP/s and fractions. A value the log does not print is empty. Each record names its file and the line it starts on.'
        'The format is detected line by line, so one file may mix formats (several runs appended to one log). A .json file is read as a Hugging Face trainer_state.json. Text logs are read one line at a time, so memory stays constant however long the log is; files of 1 MiB or more show progress.'
        'Real logs are messy. Before a line is read, ANSI colour codes (also those whose ESC byte a copy dropped, such as "[31m"), launcher prefixes ("[rank0]:", "[default7]:", "[1,0]<stdout>:", "0: ", "[titan]"), timestamps and Python logging headers (" - root - INFO - ") are removed. A record hard-wrapped over several lines is joined, for up to 8 continuation lines. A continuation line has no launcher prefix or timestamp of its own and does not start another record; after a Megatron record that already ends with "|", it must also start with "name: value", so the timer and memory lines Megatron-LM prints next are not taken in. Field names are matched without case or spaces and forgive one typo in names of five letters or more ("mmemory", "iteraton"); units in parentheses must match exactly, so "(ms)" is never taken for "(s)".'
        'A line that starts like a step record but cannot be read (a value that is not a number, a missing step time, an unknown unit, a record cut off before its end, or a line that carries step fields but not the start of a record) is skipped with a warning that names the file and the line. It never becomes a record with a wrong value. A loss printed as nan or inf gives an empty Loss and one warning per file.'
        'Fields read. Megatron-LM and Megatron-DeepSpeed iteration lines ("iteration N/ M | name: value | ... |"): iteration; elapsed time per iteration (ms) or (s); global batch size; lm loss; throughput per GPU (TFLOP/s/GPU); TFLOPs; samples per second; tokens per gpu per second (tgs); consumed samples and consumed tokens, whose ratio is the sequence length when it is a whole number. A line with TFLOPs, samples per second, consumed tokens, tgs or a time in seconds is Megatron-DeepSpeed; otherwise Megatron-LM.'
        'torchtitan step lines ("step: N  loss: ...  memory: ...  tps: ...  tflops: ...  mfu: ...%"): step, loss, tps (wps in early versions; tokens per second per device), tflops and mfu. From the lines before the first step: "Peak FLOPS used for computing MFU", the global batch size and sequence length of "Training starts at step ...", and the product of the sizes in "Building N-D device mesh with [...], [sizes]" as the device count.'
        'nanoGPT iteration lines ("iter N: loss L, time Tms, mfu M%"): iter, loss, time (ms) and mfu. nanoGPT prints "mfu -100.00%" until it has measured five iterations; that is read as no MFU.'
        'Hugging Face Trainer: from trainer_state.json, each log_history entry with loss (step and loss) and the closing entry with train_runtime (step, train_samples_per_second, train_steps_per_second and total_flos; StepSeconds is 1 / train_steps_per_second). From a printed log, the metric dictionaries "{''loss'': ...}" (loss; they carry no step number) and "{''train_runtime'': ...}" (train_samples_per_second and train_steps_per_second; the Trainer drops total_flos before printing). Evaluation entries (eval_loss) are not training steps and are passed over.'
        'Records bind to Measure-Mfu by property name: StepSeconds, TokensPerSecond, TokensPerSecondPerDevice, SamplesPerSecond, GlobalBatchSize, SequenceLength, DeviceCount, ReportedFlopsPerSecondPerDevice and ReportedMfu. Parameters you type win over the record''s values; empty values leave Measure-Mfu''s defaults. The result carries the framework''s figure beside ours, their ratio, and the record''s Framework, Step, File, Line and Quirk. To reproduce a framework''s own figure, measure under its convention: -Convention Megatron for Megatron-LM''s TFLOP/s/GPU (with -CausalAttention only for Megatron-LM from March 2025 on, which halves the attention term; from the log''s timestamps, Measure-Mfu -Verbose says which applies), -Convention Torchtitan with the peak the log states for torchtitan''s mfu.'
    )
    Parameters  = @{
        Path        = 'Log files to read; wildcards are expanded. A .json file is read as a trainer_state.json, any other file as a text log. Binds strings from the pipeline.'
        LiteralPath = 'Log files to read, taken literally (no wildcards). Aliases: PSPath, FullName; binds from the pipeline by property name, so Get-ChildItem output pipes in.'
        Summary     = 'Emit one TrainingLogSummary per file instead of its records: steps read, lines skipped, the median and 10th-90th percentile of step time (implied by the token or sample rate, batch, sequence length and devices where the log prints no step time), the median of the printed MFU and FLOP/s, and the slowest steps. For the median and spread of our MFU, pipe Measure-Mfu''s results into Get-TrainingLogSummary.'
    }
    Inputs      = @(
        @{ Type = 'System.String'; Description = 'Paths of log files, by value (-Path).' }
        @{ Type = 'System.IO.FileInfo'; Description = 'Files from Get-ChildItem, by the property name FullName or PSPath (-LiteralPath).' }
    )
    Outputs     = @(
        @{ Type = 'MfuTools.Core.Results.TrainingLogRecord'; Description = 'One step: Framework (MegatronLM, MegatronDeepSpeed, Torchtitan, NanoGpt, HuggingFaceTrainer); Step; StepSeconds (seconds, converted from ms where the log prints ms); GlobalBatchSize (sequences per step); SequenceLength (tokens); TokensPerSecond (whole job) and TokensPerSecondPerDevice; SamplesPerSecond (whole job); DeviceCount; Loss; ReportedFlopsPerSecondPerDevice (FLOP/s, converted from TFLOP/s); ReportedMfu (a fraction, 0.4115 for 41.15 %); ReportedPeakFlopsPerSecond (the peak the framework divided by: the one torchtitan states, nanoGPT''s fixed 312e12); ReportedTotalFlops (the Trainer''s total_flos); ReportedUnit (the printed label: TFLOP/s/GPU, TFLOPs, mfu %, "tflops, mfu %", total_flos); Quirk (known departures of the printed figure from model FLOPs, joined with ", "; empty when none); Timestamp (the time the line states, as written, since logs give no time zone; empty when it states none); File (full path) and Line (1-based). Empty where the log does not print the value.' }
        @{ Type = 'MfuTools.Core.Results.TrainingLogSummary'; Description = 'With -Summary: File, Framework, StepsRead, TimedSteps (records with a step time, which the step-time statistics cover: 1 for a Hugging Face Trainer log, which times the run once), LinesSkipped, FirstStep, LastStep, MedianStepSeconds, StepSecondsP10, StepSecondsP90 (seconds), MedianMfu, MfuP10, MfuP90 (empty here; filled by Get-TrainingLogSummary after Measure-Mfu), MedianReportedMfu (fraction), MedianReportedFlopsPerSecondPerDevice (FLOP/s), SlowestStep, SlowestStepSeconds and SlowestSteps (up to five step numbers, slowest first).' }
    )
    Examples    = @(
        @{
            Title   = 'Read a torchtitan log'
            Code    = 'Import-TrainingLog ./torchtitan-llama3-8b-8xh200.log | Select-Object -First 4'
            Remarks = @'
Framework            Step  Line  Seconds Batch Tok/s/dev    Loss       Reported Quirk
---------            ----  ----  ------- ----- ---------    ----       -------- -----
Torchtitan              1    30              8   1.478 k 12.2417     MFU 8.65 %
Torchtitan             10    32              8   7.026 k  9.8821    MFU 41.15 %
Torchtitan             20    33              8   7.080 k  8.3854    MFU 41.46 %
Torchtitan             30    34              8   7.082 k  7.6991    MFU 41.47 %

Line 32 says "mmemory:" and line 23 carries a colour code without its ESC byte ("[31m"); both are read. torchtitan prints no step time, only tokens per second per device.
'@
        }
        @{
            Title   = 'Check the TFLOP/s that Megatron-LM printed'
            Code    = 'Import-TrainingLog ./megatron-lm-mixtral8x7b-16xh100-run1.log | Measure-Mfu -Model Mixtral-8x7B-v0.1 -DeviceCount 16 -Accelerator H100 -SequenceLength 2048 -Convention Megatron | Format-Table -View Log'
            Remarks = @'
   Step  Seconds Convention  Achieved/dev  Reported/dev      MFU Reported  Ratio Quirk
   ----  ------- ----------  ------------  ------------      --- --------  ----- -----
     10    9.496 Megatron   137.5 TFLOP/s 137.5 TFLOP/s  13.90 %           1.000
     11   10.037 Megatron   130.1 TFLOP/s 130.1 TFLOP/s  13.15 %           1.000
     12   10.198 Megatron   128.1 TFLOP/s 128.1 TFLOP/s  12.94 %           1.000

The log prints the global batch (128) and the step time in ms; the sequence length and device count come from the command line. Under the Megatron convention our FLOP/s per GPU match the printed ones to their one decimal.
'@
        }
        @{
            Title   = 'A printed figure with a known quirk'
            Code    = 'Import-TrainingLog ./nanogpt-gpt2-124m-1xv100-issue215.log | Select-Object -Skip 7 -First 4'
            Remarks = @'
Framework            Step  Line  Seconds Batch Tok/s/dev    Loss       Reported Quirk
---------            ----  ----  ------- ----- ---------    ----       -------- -----
NanoGpt              2990     8    1.097                  3.8853    MFU 15.34 % A100PeakOnAnyGpu, RunningAverage
NanoGpt              3000    11   35.392                  4.2490    MFU 13.85 % A100PeakOnAnyGpu, RunningAverage
NanoGpt              3010    12    1.020                            MFU 14.12 % A100PeakOnAnyGpu, RunningAverage
NanoGpt              3020    13    1.016                            MFU 14.36 % A100PeakOnAnyGpu, RunningAverage

This run was on a V100, but nanoGPT divides by the A100's 312 TFLOP/s and prints a running average, so one 35 s checkpoint iteration lowers the printed MFU for many lines. The loss of nan after step 3000 is read as an empty Loss, with one warning for the file.
'@
        }
        @{
            Title   = 'Summarize every log in a folder'
            Code    = 'Get-ChildItem *.log | Import-TrainingLog -Summary'
            Remarks = @'
Log                                         Steps Median s         P10-P90 s      MFU       P10-P90 MFU Reported Slowest
---                                         ----- --------         ---------      ---       ----------- -------- -------
megatron-ds-bloom176b-tr11-main.log            13  106.330 105.938 - 107.316                                       45000
megatron-lm-mixtral8x7b-16xh100-run1.log        3   10.037    9.605 - 10.166                                          12
WARNING: 6 step records of '/tmp/polish/ex/nanogpt-gpt2-124m-1xv100-issue215.log' printed a loss of nan or inf (the first on line 12); their Loss is empty.
nanogpt-gpt2-124m-1xv100-issue215.log          15    1.097     1.017 - 1.099                             15.34 %    3000
torchtitan-llama3-8b-8xh200.log                11    1.163     1.157 - 1.195                             41.24 %       1

Step times and the printed MFU need no model; torchtitan's step times follow from its tokens per second and the batch, sequence length and devices its log states. The Slowest column is the slowest step; SlowestSteps and SlowestStepSeconds are under Format-List *. For the median and spread of our MFU, pipe Measure-Mfu's results into Get-TrainingLogSummary.
'@
        }
    )
    Notes       = 'Known quirks, named in the Quirk property and in Measure-Mfu''s warnings. HardwareFlopsWithRecompute: when activation checkpointing is on, Megatron-DeepSpeed''s TFLOPs counts the recomputed forward (4 passes instead of 3), so it is hardware FLOPs and the model-FLOPs figure is 3/4 of it; the log line does not say whether checkpointing was on, so every TFLOPs record names the quirk. A100PeakOnAnyGpu: nanoGPT divides by the A100''s 312 TFLOP/s on any GPU. RunningAverage: nanoGPT prints 0.9 x the previous value + 0.1 x this iteration''s. TotalFlosOmitsAttentionAndTiedLogits: the Trainer''s total_flos is 6 x parameters without embeddings x tokens, with no attention products and, for a tied output layer, no logits. The Trainer''s train_runtime includes evaluation and checkpoint saving, so its step time is an average over everything the run did. The Trainer''s logging steps carry a loss but no speed, so Measure-Mfu skips them and says in one warning how many it skipped. Its samples per second count each sample as -SequenceLength tokens: for fine-tuning data shorter than that, give the mean sample length.'
    RelatedLinks = @('Measure-Mfu', 'Get-TrainingLogSummary', 'about_MfuTools')
}
