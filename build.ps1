<#
.SYNOPSIS
    Builds, stages, tests and demonstrates the MfuTools module.
.DESCRIPTION
    Tasks:
      Build  compiles the engine and cmdlets and stages an importable module in out/MfuTools.
      Test   builds, then runs the xunit tests, the Pester tests against the staged module and
             the quick-start demo, and prints a closing line "N passed, N failed". Exits 1 if
             any test failed or none ran.
      Demo   builds, then shows the FLOPs of Qwen2.5-7B from the built-in presets.
      Clean  removes out/ and every bin/ and obj/ folder.
    Run it with the pinned PowerShell: dotnet tool restore && dotnet pwsh ./build.ps1 <Task>
.PARAMETER Task
    One or more of Build, Test, Demo, Clean. Default: Build.
.PARAMETER Configuration
    The dotnet build configuration. Default: Release.
#>
param(
    [ValidateSet('Build', 'Test', 'Demo', 'Clean', 'Bench')]
    [string[]] $Task = @('Build'),

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$Root = $PSScriptRoot
$Out = Join-Path $Root 'out'
$Staged = Join-Path $Out 'MfuTools'
$Results = Join-Path $Out 'test-results'

# No telemetry or update checks (the machines this runs on may have no network), and no
# build servers left running after the build, which would keep CI from finishing.
$env:POWERSHELL_TELEMETRY_OPTOUT = '1'
$env:POWERSHELL_UPDATECHECK = 'Off'
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'
$env:MSBUILDDISABLENODEREUSE = '1'
$env:UseSharedCompilation = 'false'

# Runs a native command and stops the build when it fails. A plain function over $args,
# so that switches meant for dotnet are not taken as PowerShell common parameters.
function Invoke-Native {
    $command = $args[0]
    $arguments = @($args | Select-Object -Skip 1)
    & $command @arguments | Out-Host
    if ($LASTEXITCODE -ne 0) {
        throw "'$command $($arguments -join ' ')' failed with exit code $LASTEXITCODE."
    }
}

function Invoke-Build {
    $publish = Join-Path $Out 'publish'
    Invoke-Native dotnet publish (Join-Path $Root 'src/MfuTools.Cmdlets/MfuTools.Cmdlets.csproj') -c $Configuration -o $publish --nologo -v quiet

    if (Test-Path $Staged) {
        Remove-Item $Staged -Recurse -Force
    }
    New-Item -ItemType Directory -Path $Staged | Out-Null

    Copy-Item (Join-Path $publish '*.dll') $Staged
    Copy-Item (Join-Path $publish '*.pdb') $Staged -ErrorAction SilentlyContinue
    Copy-Item (Join-Path $Root 'module/*') $Staged -Recurse

    $help = Join-Path $Root 'docs/help/Build-Help.ps1'
    if (Test-Path $help) {
        & $help -OutputFolder (Join-Path $Staged 'en-US')
    }

    Write-Host "Module staged in $Staged"
}

function Get-PesterModulePath {
    Invoke-Native dotnet restore (Join-Path $Root 'tests/PesterHost/PesterHost.csproj') --nologo -v quiet
    $line = (& dotnet nuget locals global-packages --list) -join "`n"
    $packages = ($line -replace '^.*global-packages:\s*', '').Trim()
    $manifest = Get-ChildItem (Join-Path $packages 'pester') -Recurse -Filter 'Pester.psd1' |
        Where-Object { $_.DirectoryName -like '*tools*' } | Select-Object -First 1
    if (-not $manifest) {
        throw "Pester was not found under $packages after restoring tests/PesterHost."
    }
    $manifest.FullName
}

function Invoke-UnitTests {
    $trx = Join-Path $Results 'unit.trx'
    if (Test-Path $trx) { Remove-Item $trx -Force }

    & dotnet test (Join-Path $Root 'tests/Unit/MfuTools.Tests.csproj') -c $Configuration --nologo `
        --logger "trx;LogFileName=unit.trx" --logger "console;verbosity=minimal" --results-directory $Results | Out-Host

    if (-not (Test-Path $trx)) {
        Write-Host 'The xunit run wrote no results file: counting it as one failure.'
        return [pscustomobject]@{ Passed = 0; Failed = 1 }
    }

    $counters = ([xml](Get-Content $trx -Raw)).TestRun.ResultSummary.Counters
    [pscustomobject]@{
        Passed = [int]$counters.passed
        Failed = [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
    }
}

function Invoke-PesterTests {
    $pester = Get-PesterModulePath
    $summary = Join-Path $Results 'pester-summary.json'
    if (Test-Path $summary) { Remove-Item $summary -Force }

    # A child pwsh, so that the module's assemblies load fresh and nothing stays loaded here.
    $runner = Join-Path $Root 'tests/Pester/Invoke-PesterSuite.ps1'
    & dotnet pwsh -NoProfile -NonInteractive -File $runner -PesterManifest $pester -ModuleRoot $Out -TestPath (Join-Path $Root 'tests/Pester') -SummaryPath $summary | Out-Host

    if (-not (Test-Path $summary)) {
        Write-Host 'The Pester run wrote no summary: counting it as one failure.'
        return [pscustomobject]@{ Passed = 0; Failed = 1 }
    }
    Get-Content $summary -Raw | ConvertFrom-Json
}

function Invoke-Test {
    Invoke-Build
    New-Item -ItemType Directory -Path $Results -Force | Out-Null

    $unit = Invoke-UnitTests
    Write-Host "xunit: $($unit.Passed) passed, $($unit.Failed) failed"
    $pester = Invoke-PesterTests
    Write-Host "Pester: $($pester.Passed) passed, $($pester.Failed) failed"

    # The README's first command must keep working: run the demo it shows and check that
    # it printed the model's rows and both totals.
    $demo = Invoke-DemoScript
    $text = $demo.Lines -join "`n"
    $demoPassed = $demo.ExitCode -eq 0 -and $text -match 'lm_head' -and $text -match 'Matmul' -and $text -match 'Detailed'
    if ($demoPassed) {
        Write-Host 'Quick-start demo: 1 passed, 0 failed'
    }
    else {
        $demo.Lines | Out-Host
        Write-Host 'Quick-start demo: 0 passed, 1 failed'
    }

    $passed = $unit.Passed + $pester.Passed + [int]$demoPassed
    $failed = $unit.Failed + $pester.Failed + [int](-not $demoPassed)
    Write-Host "$passed passed, $failed failed"
    if ($failed -gt 0 -or $passed -eq 0) {
        exit 1
    }
}

# Runs the quick-start demo against the staged module in a child pwsh (so no assembly
# stays loaded here) and returns its output lines.
function Invoke-DemoScript {
    $manifest = (Join-Path $Staged 'MfuTools.psd1') -replace "'", "''"
    $script = @"
`$ErrorActionPreference = 'Stop'
Import-Module '$manifest'
'Qwen2.5-7B, one training step of 8 sequences of 4096 tokens, every module kind summed over its 28 layers:'
Get-ModelFlops -Model Qwen2.5-7B -BatchSize 8 -SequenceLength 4096 | Format-Table | Out-String -Width 150
'The totals, under the full count and under the matmul-only count used for MFU:'
@(Get-ModelFlops -Model Qwen2.5-7B -BatchSize 8 -SequenceLength 4096 -Summary
  Get-ModelFlops -Model Qwen2.5-7B -BatchSize 8 -SequenceLength 4096 -Summary -Convention Matmul) | Format-Table | Out-String -Width 150
"@
    $lines = & dotnet pwsh -NoProfile -NonInteractive -Command $script
    [pscustomobject]@{ Lines = $lines; ExitCode = $LASTEXITCODE }
}

function Invoke-Demo {
    Invoke-Build
    $demo = Invoke-DemoScript
    $demo.Lines | Out-Host
    if ($demo.ExitCode -ne 0) { exit $demo.ExitCode }
}

function Invoke-Clean {
    if (Test-Path $Out) { Remove-Item $Out -Recurse -Force }
    Get-ChildItem $Root -Recurse -Directory -Include 'bin', 'obj' | Remove-Item -Recurse -Force
    Write-Host 'Removed out/ and every bin/ and obj/ folder.'
}

function Invoke-Bench {
    $bench = Join-Path $Root 'bench/Run-Benchmarks.ps1'
    if (-not (Test-Path $bench)) { throw 'bench/Run-Benchmarks.ps1 does not exist yet.' }
    Invoke-Build
    & $bench -ModuleRoot $Out
}

foreach ($name in $Task) {
    switch ($name) {
        'Build' { Invoke-Build }
        'Test' { Invoke-Test }
        'Demo' { Invoke-Demo }
        'Clean' { Invoke-Clean }
        'Bench' { Invoke-Bench }
    }
}
