<#
.SYNOPSIS
    Runs the Pester suite against the staged module and writes the counts as JSON.
.DESCRIPTION
    Called by build.ps1 in a child pwsh. Invoke-Pester's own exit code is the number of
    failures (so 256 failures would read as success), so this script reads the result
    object instead and writes Passed and Failed, counting failed containers and blocks too.
#>
param(
    [Parameter(Mandatory)] [string] $PesterManifest,
    [Parameter(Mandatory)] [string] $ModuleRoot,
    [Parameter(Mandatory)] [string] $TestPath,
    [Parameter(Mandatory)] [string] $SummaryPath
)

$ErrorActionPreference = 'Stop'
Import-Module $PesterManifest -Force

# The staged module autoloads from here, as it would from a user's module path.
$env:PSModulePath = $ModuleRoot + [System.IO.Path]::PathSeparator + $env:PSModulePath

$configuration = New-PesterConfiguration
$configuration.Run.Path = $TestPath
$configuration.Run.PassThru = $true
$configuration.Run.Exit = $false
$configuration.Output.Verbosity = 'Normal'

$result = Invoke-Pester -Configuration $configuration

$failed = $result.FailedCount + $result.FailedContainersCount + $result.FailedBlocksCount
[pscustomobject]@{ Passed = $result.PassedCount; Failed = $failed } |
    ConvertTo-Json | Set-Content -Path $SummaryPath -Encoding utf8
