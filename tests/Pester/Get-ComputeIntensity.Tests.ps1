# Get-ComputeIntensity against the staged module, as a user runs it. Model dimensions come
# from the Hugging Face configs of Qwen2.5-7B (h 3584, 28 query and 4 key/value heads of
# 128, q/k/v biases) and Llama-2-7B (h 4096, 32 heads of 128); bf16 is 2 bytes.
BeforeDiscovery {
    Import-Module MfuTools -Force
    $bf16Accelerators = [MfuTools.Core.Hardware.AcceleratorCatalog]::All |
        Where-Object { $null -ne $_.PeakBF16FlopsPerSecond -and $null -ne $_.MemoryBandwidth } |
        ForEach-Object Name
}

BeforeAll {
    Import-Module MfuTools -Force
    $id = 'MfuTools.Cmdlets.Commands.GetComputeIntensityCommand'
}

Describe 'Get-ComputeIntensity' {
    Context 'bytes worked by hand, Qwen2.5-7B layer 0, B 1, S 2048' {
        BeforeAll {
            $fused = Get-ComputeIntensity -Model Qwen2.5-7B -Accelerator H100 -Layer 0
            $eager = Get-ComputeIntensity -Model Qwen2.5-7B -Accelerator H100 -Layer 0 -Attention Eager
        }

        It 'q_proj reads weight, bias and input and writes its output' {
            # 3584·3584·2 + 3584·2 weight and bias, 2·(2048·3584·2) input and output.
            ($fused | Where-Object Module -eq 'model.layers.0.self_attn.q_proj').Bytes | Should -Be 55057408
        }

        It 'input_layernorm reads input and weight and writes its output' {
            # 2·(2048·3584·2) + 3584·2.
            ($fused | Where-Object Module -eq 'model.layers.0.input_layernorm').Bytes | Should -Be 29367296
        }

        It 'fused attention reads Q, K and V once and writes the output' {
            # Q and output 2048·28·128·2 each, K and V 2048·4·128·2 each.
            ($fused | Where-Object Module -eq 'model.layers.0.self_attn.attention').Bytes | Should -Be 33554432
        }

        It 'eager attention passes the 28·2048·2048 scores through memory six times' {
            # qk and pv 249,561,088 + 2,097,152 each; scaling and softmax 2·234,881,024 each.
            $rows = $eager | Where-Object Module -like 'model.layers.0.self_attn.attention.*'
            ($rows | Measure-Object Bytes -Sum).Sum | Should -Be 1442840576
        }
    }

    Context 'the roofline relations' {
        It 'puts decode projections at batch 1 near 1 FLOP per byte' {
            $rows = Get-ComputeIntensity -Model Qwen2.5-7B -Accelerator H100 -Phase Decode | Where-Object Module -like '*proj'
            $rows | ForEach-Object { $_.Intensity | Should -BeGreaterThan 0.99 }
            $rows | ForEach-Object { $_.Intensity | Should -BeLessThan 1.01 }
        }

        It 'finds decode projections memory-bound on <_>' -ForEach $bf16Accelerators {
            $bounds = Get-ComputeIntensity -Model Qwen2.5-7B -Accelerator $_ -Phase Decode -WarningAction SilentlyContinue |
                Where-Object Module -like '*proj' | ForEach-Object Bound
            $bounds | Sort-Object -Unique | Should -Be 'Memory'
        }

        It 'finds 7B prefill projections compute-bound on an H100' {
            $bounds = Get-ComputeIntensity -Model Llama-2-7B -Accelerator H100 -SequenceLength 2048 |
                Where-Object Module -like '*proj' | ForEach-Object Bound
            $bounds | Sort-Object -Unique | Should -Be 'Compute'
        }

        It 'raises decode intensity with the batch size' {
            $intensities = 1, 4, 16, 64 | ForEach-Object {
                (Get-ComputeIntensity -Model Llama-3.1-8B -Accelerator H100 -Phase Decode -BatchSize $_ -ContextLength 4096 -Summary).Intensity
            }
            for ($i = 1; $i -lt $intensities.Count; $i++) {
                $intensities[$i] | Should -BeGreaterThan $intensities[$i - 1]
            }
        }

        It 'moves more bytes with eager attention for the same FLOPs' {
            $fused = Get-ComputeIntensity -Model Qwen2.5-7B -Accelerator H100 -Summary
            $eager = Get-ComputeIntensity -Model Qwen2.5-7B -Accelerator H100 -Summary -Attention Eager
            $eager.Flops | Should -Be $fused.Flops
            $eager.Bytes | Should -BeGreaterThan $fused.Bytes
        }

        It 'halves weight bytes going from int8 to int4 weights' {
            $int8 = Get-ComputeIntensity -Model Qwen2.5-7B -Accelerator H100 -Phase Decode -WeightPrecision INT8 -Summary
            $int4 = Get-ComputeIntensity -Model Qwen2.5-7B -Accelerator H100 -Phase Decode -WeightPrecision INT4 -Summary
            # Linear weights halve; biases, norms and the embedding rows stay in bf16.
            $int4.WeightBytes | Should -BeLessThan (0.51 * $int8.WeightBytes)
            $int4.WeightBytes | Should -BeGreaterThan (0.5 * $int8.WeightBytes)
        }
    }

    Context 'summary' {
        It 'gives the decode KV cache as B·C·L·2·nkv·d·2 bytes' {
            $summary = Get-ComputeIntensity -Model Qwen2.5-7B -Accelerator H100 -Phase Decode -BatchSize 4 -ContextLength 4096 -Summary
            $summary.KvCacheBytes | Should -Be (4 * 4096 * 28 * 2 * 4 * 128 * 2)
        }

        It 'gives an MFU ceiling in training' {
            $summary = Get-ComputeIntensity -Model Llama-3.1-8B -Accelerator H100 -Phase Training -SequenceLength 4096 -Summary
            $summary.MfuCeiling | Should -BeGreaterThan 0.5
            $summary.MfuCeiling | Should -BeLessThan 1
        }
    }

    Context 'input' {
        It 'takes the peak and bandwidth as invariant strings under de-DE' {
            $culture = [cultureinfo]::CurrentCulture
            try {
                [cultureinfo]::CurrentCulture = 'de-DE'
                $row = Get-ComputeIntensity -Model Qwen2.5-7B -PeakFlopsPerSecond '989.4e12' -MemoryBandwidth '3.35e12' -Layer 0 | Select-Object -First 1
                $row.RidgePoint | Should -BeGreaterThan 295.3
                $row.RidgePoint | Should -BeLessThan 295.4
            }
            finally {
                [cultureinfo]::CurrentCulture = $culture
            }
        }

        It 'takes accelerators piped from Get-MfuAccelerator, one summary each' {
            $summaries = Get-MfuAccelerator -Name '*H100*' | Get-ComputeIntensity -Model Llama-3.1-8B -Phase Decode -Summary
            $summaries.Accelerator | Should -Be @('NVIDIA H100 SXM5 80GB', 'NVIDIA H100 PCIe 80GB', 'NVIDIA H100 NVL 94GB (per GPU)')
            # H100 PCIe datasheet: 756 TFLOP/s dense BF16 over 2.0 TB/s.
            $summaries[1].RidgePoint | Should -Be 378
        }

        It 'binds accelerator, batch size and context length from CSV rows' {
            $file = Join-Path $TestDrive 'serving.csv'
            @(
                [pscustomobject]@{ Accelerator = 'H100'; BatchSize = '1'; ContextLength = '4096' }
                [pscustomobject]@{ Accelerator = 'A100 40GB'; BatchSize = '8'; ContextLength = '1024' }
            ) | Export-Csv $file -NoTypeInformation

            $summaries = Import-Csv $file | Get-ComputeIntensity -Model Qwen2.5-7B -Phase Decode -Summary
            $summaries.Accelerator | Should -Be @('NVIDIA H100 SXM5 80GB', 'NVIDIA A100 SXM4 40GB')
            # B·C·L·2·nkv·d·2 bytes: 8·1024·28·2·4·128·2 for the second row.
            $summaries[1].KvCacheBytes | Should -Be 469762048
        }

        It 'rejects a run without hardware' {
            { Get-ComputeIntensity -Model Qwen2.5-7B -ErrorAction Stop } | Should -Throw -ErrorId "HardwareMissing,$id"
        }

        It 'rejects a precision the accelerator has no peak for' {
            { Get-ComputeIntensity -Model Qwen2.5-7B -Accelerator V100 -ErrorAction Stop } | Should -Throw -ErrorId "PrecisionNotSupported,$id"
        }

        It 'rejects -Layer with -Summary' {
            { Get-ComputeIntensity -Model Qwen2.5-7B -Accelerator H100 -Summary -Layer 0 } | Should -Throw -ErrorId "LayerWithSummary,$id"
        }
    }

    Context 'export' {
        It 'round-trips rows through Export-Csv without losing digits' {
            $file = Join-Path $TestDrive 'intensity.csv'
            Get-ComputeIntensity -Model Qwen2.5-7B -Accelerator H100 -Phase Decode -WeightPrecision INT4 | Export-Csv $file -NoTypeInformation

            $back = Import-Csv $file
            $q = $back | Where-Object Module -eq 'model.layers.0.self_attn.q_proj'
            # 3584·3584·0.5 int4 weights + 3584·2 bf16 bias + 7,168 in + 7,168 out.
            [decimal]$q.Bytes | Should -Be 6444032
            $q.Bound | Should -Be 'Memory'
            ($back | Where-Object Module -eq 'model.rotary_emb').Intensity | Should -BeNullOrEmpty
        }
    }
}
