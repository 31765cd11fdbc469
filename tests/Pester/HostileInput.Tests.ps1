# The hostile-input corpus (tests/Hostile, expected.csv) through the cmdlets a user runs:
# every bad file gives exactly one error record with its stable id, its category and the
# file as target, and never stops the good configs around it in a pipeline.
BeforeDiscovery {
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
