<#
.SYNOPSIS
    Times the cmdlets against their alternatives inside one pwsh session.
.DESCRIPTION
    Run by Run-Benchmarks.ps1 in a child pwsh, so that the module loads fresh. Writes one
    JSON object per comparison to -ResultPath: the median milliseconds of each side over
    -Repetitions runs (after one warm-up run), each run assigning its output to a variable.
#>
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string] $FloorAssembly,
    [Parameter(Mandatory)] [string] $ResultPath,
    [int] $Repetitions = 5,
    [int] $Records = 100000
)

$ErrorActionPreference = 'Stop'
Import-Module $ModuleManifest
Import-Module $FloorAssembly
. (Join-Path $PSScriptRoot 'PlainBreakdown.ps1')

# Returns the median wall time of $Block in milliseconds, after one run that is not counted
# (it pays for JIT compilation and caches that a long-running session has already paid for).
function Measure-Median([scriptblock] $Block) {
    $null = & $Block
    $times = foreach ($i in 1..$Repetitions) {
        [System.GC]::Collect()
        (Measure-Command $Block).TotalMilliseconds
    }
    $sorted = @($times | Sort-Object)
    $sorted[[int][math]::Floor(($sorted.Count - 1) / 2)]
}

$results = [System.Collections.Generic.List[object]]::new()

# 1. Get-LayerBreakdown of Qwen2.5-72B against the same formulas in plain PowerShell. Both
#    must agree on the total, or the comparison would be between different work.
$model = Get-MfuModel Qwen2.5-72B
$cmdletTotal = (Get-LayerBreakdown -InputObject $model -BatchSize 8 -SequenceLength 4096 | Measure-Object ForwardFlops -Sum).Sum
$plainTotal = (Get-PlainLayerBreakdown $model -BatchSize 8 -SequenceLength 4096 | Measure-Object ForwardFlops -Sum).Sum
if ($cmdletTotal -ne $plainTotal) {
    throw "The plain PowerShell breakdown totals $plainTotal FLOPs, the cmdlet ${cmdletTotal}: the formulas differ."
}

$results.Add([pscustomobject]@{
        Comparison = 'Get-LayerBreakdown Qwen2.5-72B vs plain PowerShell function'
        Subject    = Measure-Median { $rows = Get-LayerBreakdown -Model Qwen2.5-72B -BatchSize 8 -SequenceLength 4096 }
        Baseline   = Measure-Median { $rows = Get-PlainLayerBreakdown $model -BatchSize 8 -SequenceLength 4096 }
        Target     = 'baseline / subject >= 20'
    })

# 2. The binding floor: a compiled cmdlet that only binds Measure-Mfu's pipeline parameters,
#    over $Records step records as Import-TrainingLog or Import-Csv would write them.
#    The records describe Llama-3.1-8B on 64 H100s at 512 x 4096 tokens per step: about
#    1.1e17 model FLOPs per step, so 4.4 s per step is an MFU near 40 %, well clear of the
#    warnings an implausible MFU would write.
$steps = [System.Collections.Generic.List[object]]::new($Records)
for ($i = 0; $i -lt $Records; $i++) {
    $stepSeconds = 4.4 + ($i % 7) * 0.01
    $steps.Add([pscustomobject]@{
            Step = $i; StepSeconds = $stepSeconds; GlobalBatchSize = 512; SequenceLength = 4096
            TokensPerSecond = 512 * 4096 / $stepSeconds; ReportedFlopsPerSecondPerDevice = 3.96e14; ReportedMfu = 0.40
        })
}
$floor = Measure-Median { $out = $steps | Measure-BindingFloor }

# ---------------------------------------------------------------------------------------
# MEASURE-MFU: the comparison against the floor runs once the module exports Measure-Mfu.
# It pipes the same records; the target is Measure-Mfu <= 1.5 x the floor.
# ---------------------------------------------------------------------------------------
if (Get-Command Measure-Mfu -Module MfuTools -ErrorAction Ignore) {
    # The floor is only a floor if it binds what Measure-Mfu binds: the same parameters by
    # property name, with the same aliases, and the same parameters by value.
    $describe = {
        param($name)
        (Get-Command $name).ParameterSets | Where-Object Name -in 'Model', '__AllParameterSets' |
            ForEach-Object Parameters | Where-Object { $_.ValueFromPipelineByPropertyName -or $_.ValueFromPipeline } |
            ForEach-Object { '{0}({1}){2}' -f $_.Name, (($_.Aliases | Sort-Object) -join ','), $(if ($_.ValueFromPipeline) { ' by value' }) } | Sort-Object -Unique
    }
    $difference = Compare-Object @(& $describe Measure-Mfu) @(& $describe Measure-BindingFloor)
    if ($difference) {
        throw "Measure-BindingFloor no longer binds what Measure-Mfu binds by property name: $($difference | Out-String)"
    }

    $mfu = Measure-Median { $out = $steps | Measure-Mfu -Model Llama-3.1-8B -Accelerator H100 -DeviceCount 64 }
    $results.Add([pscustomobject]@{
            Comparison = "Measure-Mfu over $Records records vs do-nothing cmdlet"
            Subject    = $mfu
            Baseline   = $floor
            Target     = 'subject / baseline <= 1.5'
        })
}
else {
    $results.Add([pscustomobject]@{
            Comparison = "Do-nothing cmdlet over $Records records (Measure-Mfu not in this module yet)"
            Subject    = $null
            Baseline   = $floor
            Target     = 'subject / baseline <= 1.5'
        })
}

$results | ConvertTo-Json | Set-Content -Path $ResultPath -Encoding utf8
