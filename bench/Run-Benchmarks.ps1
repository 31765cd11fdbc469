<#
.SYNOPSIS
    Measures the engine and the cmdlets against their alternatives, and prints the ratios.
.DESCRIPTION
    Called by build.ps1 Bench after it has staged the module:

        dotnet tool restore && dotnet pwsh ./build.ps1 Bench

    1. BenchmarkDotNet times the engine alone (bench/MfuTools.Benchmarks, short job, with
       allocations): the Qwen2.5-72B per-layer breakdown, the Llama-3.1-405B summary and
       reading a config.
    2. In a fresh pwsh, Get-LayerBreakdown of Qwen2.5-72B against the same formulas as a
       plain PowerShell function, and Measure-Mfu over 100,000 piped records against a
       do-nothing compiled cmdlet with the same pipeline-bound parameters.
    3. Import-Module plus a first call against pwsh doing nothing, each in a new process.

    Each pwsh figure is the median of -Repetitions runs, each run assigning its output to a
    variable. The machine (processor count and model) is printed with the results.
.PARAMETER ModuleRoot
    The folder that holds the staged MfuTools module folder (out/).
.PARAMETER Repetitions
    Runs per measurement; the median is reported. Default: 5.
.PARAMETER SkipEngine
    Leaves out the BenchmarkDotNet run (about a minute) and measures only the PowerShell side.
#>
param(
    [Parameter(Mandatory)]
    [string] $ModuleRoot,

    [ValidateRange(5, 100)]
    [int] $Repetitions = 5,

    [switch] $SkipEngine
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$ModuleRoot = [System.IO.Path]::GetFullPath($ModuleRoot)
$manifest = Join-Path $ModuleRoot 'MfuTools/MfuTools.psd1'
$floorFolder = Join-Path $ModuleRoot 'bench/BindingFloor'
$results = Join-Path $ModuleRoot 'bench/powershell-results.json'

# The pwsh that runs this script, started the same way for every child process: under the
# dotnet host when this one is a dotnet tool, else directly.
$pwshHost = [System.Environment]::ProcessPath
$pwshArguments = @()
if ([System.IO.Path]::GetFileNameWithoutExtension($pwshHost) -eq 'dotnet') {
    $pwshArguments = @(Join-Path $PSHOME 'pwsh.dll')
}

function Invoke-Pwsh {
    & $pwshHost @pwshArguments -NoProfile -NonInteractive @args
    if ($LASTEXITCODE -ne 0) { throw "pwsh $($args -join ' ') failed with exit code $LASTEXITCODE." }
}

function Get-Median([double[]] $Values) {
    $sorted = @($Values | Sort-Object)
    $sorted[[int][math]::Floor(($sorted.Count - 1) / 2)]
}

$cpu = (Get-Content /proc/cpuinfo -ErrorAction Ignore | Where-Object { $_ -like 'model name*' } | Select-Object -First 1) -replace '^model name\s*:\s*', ''
if (-not $cpu) { $cpu = $env:PROCESSOR_IDENTIFIER }
Write-Host "Machine: $([System.Environment]::ProcessorCount) logical processors, $cpu; $([System.Runtime.InteropServices.RuntimeInformation]::OSDescription); PowerShell $($PSVersionTable.PSVersion)"

& dotnet build (Join-Path $PSScriptRoot 'BindingFloor/BindingFloor.csproj') -c Release -o $floorFolder --nologo -v quiet | Out-Host
if ($LASTEXITCODE -ne 0) { throw 'Building bench/BindingFloor failed.' }

if (-not $SkipEngine) {
    Write-Host "`n== Engine (BenchmarkDotNet, short job) =="
    & dotnet run -c Release --project (Join-Path $PSScriptRoot 'MfuTools.Benchmarks/MfuTools.Benchmarks.csproj') -- `
        --filter '*' --job short --artifacts (Join-Path $ModuleRoot 'bench/BenchmarkDotNet.Artifacts') | Out-Host
    if ($LASTEXITCODE -ne 0) { throw 'The BenchmarkDotNet run failed.' }
}

Write-Host "`n== Cmdlets against their alternatives (median of $Repetitions) =="
Invoke-Pwsh -File (Join-Path $PSScriptRoot 'Compare-PowerShell.ps1') -ModuleManifest $manifest `
    -FloorAssembly (Join-Path $floorFolder 'BindingFloor.dll') -ResultPath $results -Repetitions $Repetitions
$comparisons = @(Get-Content $results -Raw | ConvertFrom-Json)

# Import-Module plus a first call, against a pwsh that does the same nothing, alternated so
# that drift in the machine's load affects both sides alike. Processor time is recorded
# beside wall time: on a busy machine it shows the cost the module adds without the wait.
# The child reports its own processor time as its last act, because .NET on Linux cannot
# read the times of a process that has exited.
function Measure-Process([string] $Command) {
    $report = "$Command; [System.Diagnostics.Process]::GetCurrentProcess().TotalProcessorTime.TotalMilliseconds.ToString([cultureinfo]::InvariantCulture)"
    $clock = [System.Diagnostics.Stopwatch]::StartNew()
    $processorMs = Invoke-Pwsh -Command $report
    [pscustomobject]@{ WallMs = $clock.Elapsed.TotalMilliseconds; ProcessorMs = [double]"$processorMs".Trim() }
}

$nothing = '$null = 1'
$withModule = "Import-Module '$manifest'; `$null = Get-ModelFlops -Model Qwen2.5-7B -Summary"
$null = Measure-Process $nothing
$null = Measure-Process $withModule
$bare = [System.Collections.Generic.List[object]]::new()
$loaded = [System.Collections.Generic.List[object]]::new()
foreach ($i in 1..$Repetitions) {
    $bare.Add((Measure-Process $nothing))
    $loaded.Add((Measure-Process $withModule))
}
$comparisons += [pscustomobject]@{
    Comparison = 'pwsh + Import-Module + first Get-ModelFlops vs pwsh doing nothing (wall time)'
    Subject    = Get-Median $loaded.WallMs
    Baseline   = Get-Median $bare.WallMs
    Target     = 'subject - baseline < 300 ms'
}
$comparisons += [pscustomobject]@{
    Comparison = 'pwsh + Import-Module + first Get-ModelFlops vs pwsh doing nothing (processor time)'
    Subject    = Get-Median $loaded.ProcessorMs
    Baseline   = Get-Median $bare.ProcessorMs
    Target     = 'subject - baseline, for reference'
}

$rows = foreach ($comparison in $comparisons) {
    $subject = $comparison.Subject
    $baseline = $comparison.Baseline
    $result = switch -Wildcard ($comparison.Target) {
        'baseline / subject*' { '{0:N1}x faster' -f ($baseline / $subject) }
        'subject / baseline*' { if ($null -ne $subject) { '{0:N2}x the floor' -f ($subject / $baseline) } else { 'not measured yet' } }
        'subject - baseline*' { '+{0:N0} ms' -f ($subject - $baseline) }
    }
    [pscustomobject]@{
        Comparison = $comparison.Comparison
        SubjectMs  = if ($null -ne $subject) { [math]::Round($subject, 1) } else { $null }
        BaselineMs = [math]::Round($baseline, 1)
        Result     = $result
        Target     = $comparison.Target
    }
}
$rows | Format-Table -AutoSize -Wrap | Out-String -Width 200 | Write-Host
