# The hostile-input corpus (tests/Hostile, expected.csv) through the cmdlets a user runs:
# every bad file gives exactly one error record with its stable id, its category and the
# file as target, and never stops the good configs around it in a pipeline.
BeforeDiscovery {
    Import-Module MfuTools -Force
    $corpus = (Resolve-Path (Join-Path $PSScriptRoot '../Hostile')).ProviderPath
    $rows = Import-Csv (Join-Path $corpus 'expected.csv')
    $bad = @($rows | Where-Object ErrorId | ForEach-Object {
            @{ File = $_.File; Path = (Join-Path $corpus $_.File); ErrorId = $_.ErrorId; Category = $_.Category }
        })
    $valid = @($rows | Where-Object { -not $_.ErrorId } | ForEach-Object {
            @{ File = $_.File; Path = (Join-Path $corpus $_.File) }
        })
    $cmdlets = @(
        @{ Cmdlet = 'Get-ModelFlops'; Class = 'GetModelFlopsCommand'; Arguments = @{ Summary = $true } }
        @{ Cmdlet = 'Get-LayerBreakdown'; Class = 'GetLayerBreakdownCommand'; Arguments = @{} }
        @{ Cmdlet = 'Get-MfuModel'; Class = 'GetMfuModelCommand'; Arguments = @{} }
    )
}

BeforeAll {
    Import-Module MfuTools -Force
    $corpus = (Resolve-Path (Join-Path $PSScriptRoot '../Hostile')).ProviderPath
    $good = Join-Path $corpus 'valid-crlf.json'

    # Parameters of the corpus's base model (h 64, I 128, 2 layers, 4 heads, 2 kv heads,
    # vocabulary 100, untied), worked by hand: 6,400 + 2 x 36,992 + 64 + 6,400.
    $baseParameters = 86848
}

Describe '<Cmdlet> on hostile input' -ForEach $cmdlets {
    Context '<File>' -ForEach $bad {
        BeforeAll {
            $command = Get-Command $Cmdlet
            $pathParameter = if ($command.Parameters.ContainsKey('LiteralPath')) { 'LiteralPath' } else { 'Path' }
            $splat = @{ $pathParameter = $Path } + $Arguments
            $clock = [System.Diagnostics.Stopwatch]::StartNew()
            $output = & $Cmdlet @splat -ErrorVariable failures -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
            $elapsed = $clock.Elapsed
        }

        It 'writes no output' {
            $output | Should -BeNullOrEmpty
        }

        It 'writes exactly one error' {
            @($failures).Count | Should -Be 1
        }

        It 'uses the id <ErrorId>' {
            $failures[0].FullyQualifiedErrorId | Should -Be "$ErrorId,MfuTools.Cmdlets.Commands.$Class"
        }

        It 'uses the category <Category>' {
            $failures[0].CategoryInfo.Category | Should -Be $Category
        }

        It 'names the file as target' {
            $failures[0].TargetObject | Should -Be $Path
        }

        It 'answers within two seconds' {
            $elapsed.TotalSeconds | Should -BeLessThan 2
        }
    }
}

Describe 'Get-ModelFlops between good configs' {
    It 'still counts both good configs around <File>' -ForEach $bad {
        $summaries = $good, $Path, $good | Get-ModelFlops -Summary -ErrorVariable failures -ErrorAction SilentlyContinue
        @($summaries).Count | Should -Be 2
        @($failures).Count | Should -Be 1
    }
}

Describe 'Valid oddities' {
    It '<File> reads as the base model' -ForEach $valid {
        $summary = Get-ModelFlops -LiteralPath $Path -Summary -ErrorVariable failures
        $summary.Parameters | Should -Be $baseParameters
        $failures | Should -BeNullOrEmpty
    }
}

Describe 'Inputs made at test time' {
    It 'rejects a 100 MB file quickly as too large' {
        $file = Join-Path $TestDrive 'huge/config.json'
        New-Item -ItemType Directory (Split-Path $file) -Force | Out-Null
        $stream = [System.IO.File]::Create($file)
        try { $stream.SetLength(100MB) } finally { $stream.Dispose() }

        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        { Get-ModelFlops -LiteralPath $file -ErrorAction Stop } |
            Should -Throw -ErrorId 'ConfigTooLarge,MfuTools.Cmdlets.Commands.GetModelFlopsCommand'
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 2
    }

    It 'rejects an endless device as too large' -Skip:(-not (Test-Path /dev/zero)) {
        { Get-ModelFlops -LiteralPath /dev/zero -ErrorAction Stop } |
            Should -Throw -ErrorId 'ConfigTooLarge,MfuTools.Cmdlets.Commands.GetModelFlopsCommand'
    }

    It 'reports a directory named config.json as not found' {
        $directory = New-Item -ItemType Directory (Join-Path $TestDrive 'odd/config.json') -Force
        { Get-ModelFlops -LiteralPath $directory.FullName -ErrorAction Stop } |
            Should -Throw -ErrorId 'ConfigNotFound,MfuTools.Cmdlets.Commands.GetModelFlopsCommand'
    }

    It 'reads a config that Windows PowerShell wrote as UTF-16' {
        $file = Join-Path $TestDrive 'unicode/config.json'
        New-Item -ItemType Directory (Split-Path $file) -Force | Out-Null
        Get-Content $good -Raw | Set-Content $file -Encoding unicode
        (Get-ModelFlops -LiteralPath $file -Summary).Parameters | Should -Be $baseParameters
    }
}

Describe 'Counts beyond the decimal range' {
    BeforeAll {
        # h = 2^20 and V = 2^24 with T = 2,147,483,647 x 530,000 tokens: lm_head's forward
        # 2·T·h·V is about 4.0e28 and the model's total about 5e28, both below the decimal
        # maximum of 7.9e28, but lm_head's training count, 3 x forward, is above it.
        $file = Join-Path $TestDrive 'wide/config.json'
        New-Item -ItemType Directory (Split-Path $file) -Force | Out-Null
        @{
            model_type = 'llama'; hidden_size = 1048576; intermediate_size = 1; num_hidden_layers = 1
            num_attention_heads = 1; vocab_size = 16777216; tie_word_embeddings = $false
        } | ConvertTo-Json | Set-Content $file
        $shape = @{ BatchSize = 2147483647; SequenceLength = 530000 }
    }

    It 'gives CountTooLarge from Get-LayerBreakdown, not a crash' {
        { Get-LayerBreakdown -LiteralPath $file @shape -ErrorAction Stop } |
            Should -Throw -ErrorId 'CountTooLarge,MfuTools.Cmdlets.Commands.GetLayerBreakdownCommand'
    }

    It 'gives CountTooLarge from Get-ModelFlops, not a crash' {
        { Get-ModelFlops -LiteralPath $file @shape -ErrorAction Stop } |
            Should -Throw -ErrorId 'CountTooLarge,MfuTools.Cmdlets.Commands.GetModelFlopsCommand'
    }

    It 'gives CountTooLarge from -Summary when training overflows' {
        { Get-ModelFlops -LiteralPath $file @shape -Summary -ErrorAction Stop } |
            Should -Throw -ErrorId 'CountTooLarge,MfuTools.Cmdlets.Commands.GetModelFlopsCommand'
    }
}

# PowerShell leaves a non-mandatory parameter at its default when a piped property cannot be
# converted, so a CSV row with BatchSize "NaN" would be counted at batch size 1 without a
# word. The invariant number transformation on the run-shape parameters turns such a row
# into one error; these tests run once the module has it.
Describe 'Unreadable run shapes from CSV' -Skip:(-not ('MfuTools.Cmdlets.Infrastructure.InvariantNumberAttribute' -as [type])) {
    BeforeAll {
        $rows = 'BatchSize,SequenceLength', '8,4096', 'NaN,4096', '1.5,4096', 'eight,4096', '8,4096' | ConvertFrom-Csv
        $summaries = $rows | Get-ModelFlops -Model Qwen2.5-0.5B -Summary -ErrorVariable failures -ErrorAction SilentlyContinue
    }

    It 'counts only the two readable rows' {
        @($summaries).Count | Should -Be 2
    }

    It 'writes one error per unreadable row' {
        @($failures).Count | Should -Be 3
    }

    It 'never falls back to the default batch size' {
        $summaries.BatchSize | Should -Not -Contain 1
    }
}
