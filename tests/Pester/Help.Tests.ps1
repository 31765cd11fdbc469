# The help a user reads with Get-Help alone, for every cmdlet the staged module exports,
# and the tab completion that saves them from reading it.
BeforeDiscovery {
    Import-Module MfuTools -Force
    $cmdlets = @((Get-Module MfuTools).ExportedCmdlets.Keys | Sort-Object | ForEach-Object { @{ Name = $_ } })

    # Every enum parameter and every parameter with an argument completer, of every cmdlet.
    $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
    $enumParameters = [System.Collections.Generic.List[hashtable]]::new()
    $completedParameters = [System.Collections.Generic.List[hashtable]]::new()
    foreach ($cmdlet in $cmdlets) {
        foreach ($parameter in (Get-Command $cmdlet.Name).Parameters.Values | Where-Object Name -notin $common) {
            $type = $parameter.ParameterType
            if ($type.IsArray) { $type = $type.GetElementType() }
            if ([Nullable]::GetUnderlyingType($type)) { $type = [Nullable]::GetUnderlyingType($type) }
            if ($type.IsEnum) {
                $enumParameters.Add(@{ Name = $cmdlet.Name; Parameter = $parameter.Name; Values = [enum]::GetNames($type) })
            }
            if ($parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ArgumentCompleterAttribute] }) {
                $completedParameters.Add(@{ Name = $cmdlet.Name; Parameter = $parameter.Name })
            }
        }
    }
}

BeforeAll {
    Import-Module MfuTools -Force
    $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters

    # Returns the texts TabExpansion2 offers at the end of a command line.
    function Get-Completion([string] $Line) {
        (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches.CompletionText
    }
}

Describe 'Get-Help <Name>' -ForEach $cmdlets {
    BeforeAll {
        $help = Get-Help $Name -Full
        $command = Get-Command $Name
    }

    It 'has a synopsis of its own' {
        # Without MAML help, Get-Help makes the synopsis from the syntax line.
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -Match "^\s*$([regex]::Escape($Name))\s+\["
    }

    It 'has a description' {
        ($help.description.Text -join '') | Should -Not -BeNullOrEmpty
    }

    It 'describes every parameter' {
        $parameters = @($command.Parameters.Keys | Where-Object { $_ -notin $common })
        $undescribed = @($parameters | Where-Object {
                $name = $_
                $entry = $help.parameters.parameter | Where-Object name -eq $name
                -not $entry -or -not ($entry.description.Text -join '').Trim()
            })
        $undescribed | Should -BeNullOrEmpty
    }

    It 'has at least one example with code' {
        @($help.examples.example).Count | Should -BeGreaterOrEqual 1
        @($help.examples.example)[0].code | Should -Match $Name
    }

    It 'has examples that parse as PowerShell' {
        foreach ($example in @($help.examples.example)) {
            $syntaxErrors = $null
            $null = [System.Management.Automation.Language.Parser]::ParseInput($example.code, [ref]$null, [ref]$syntaxErrors)
            $syntaxErrors | Should -BeNullOrEmpty -Because $example.title
        }
    }

    It 'shows examples with -Examples' {
        (Get-Help $Name -Examples | Out-String) | Should -Match 'Example 1'
    }

    It 'documents every output type it declares' {
        $documented = @($help.returnValues.returnValue.type.name)
        foreach ($type in $command.OutputType) {
            $documented | Should -Contain $type.Name
        }
    }
}

Describe 'Example output' {
    BeforeDiscovery {
        # Examples that need files of their own (a log, a CSV, a model folder) are left out.
        $examples = foreach ($file in Get-ChildItem (Join-Path $PSScriptRoot '../../docs/help') -Filter '*.help.psd1') {
            $number = 0
            foreach ($example in (Import-PowerShellDataFile $file.FullName).Examples) {
                $number++
                if ($example.Code -notmatch '\./|\.csv|Get-ChildItem') {
                    @{ Name = $file.Name -replace '\.help\.psd1$'; Number = $number; Code = $example.Code; Remarks = $example.Remarks }
                }
            }
        }
    }

    BeforeAll {
        $PSStyle.OutputRendering = 'PlainText'
    }

    It '<Name> example <Number> shows what the code prints' -ForEach $examples {
        $printed = & ([scriptblock]::Create($Code)) *>&1 | ForEach-Object {
            if ($_ -is [System.Management.Automation.VerboseRecord]) { "VERBOSE: $($_.Message)" }
            elseif ($_ -is [System.Management.Automation.WarningRecord]) { "WARNING: $($_.Message)" }
            else { $_ }
        } | Out-String -Width 120
        $lines = @($printed -split '\r?\n' | ForEach-Object TrimEnd | Where-Object { $_ })
        $shown = @(($Remarks -replace '\r', '') -split '\n' | ForEach-Object TrimEnd)
        foreach ($line in $lines) {
            $shown | Should -Contain $line
        }
    }
}

Describe 'Default values in Get-Help' {
    # These parameters are null until the cmdlet fills in its default, so the values come
    # from the Defaults table of the help sources.
    It '<Name> -<Parameter> shows <Expected>' -ForEach @(
        @{ Name = 'Get-ModelFlops'; Parameter = 'BatchSize'; Expected = '1' }
        @{ Name = 'Get-ModelFlops'; Parameter = 'SequenceLength'; Expected = '2048' }
        @{ Name = 'Get-LayerBreakdown'; Parameter = 'SequenceLength'; Expected = '2048' }
        @{ Name = 'Measure-Mfu'; Parameter = 'DeviceCount'; Expected = '1' }
        @{ Name = 'Measure-Mfu'; Parameter = 'BatchSize'; Expected = '1' }
        @{ Name = 'Get-ComputeIntensity'; Parameter = 'ContextLength'; Expected = 'The sequence length' }
    ) {
        (Get-Help $Name -Parameter $Parameter).defaultValue | Should -Be $Expected
        Get-Help $Name -Parameter $Parameter | Out-String | Should -Match "Default value\s+$([regex]::Escape($Expected))\r?\n"
    }

    It 'keeps the default read from the cmdlet where no Defaults entry is given' {
        (Get-Help Measure-Mfu -Parameter Convention).defaultValue | Should -Be 'Matmul'
    }

    It 'shows each paragraph of a parameter given as an array' {
        $text = Get-Help Measure-Mfu -Parameter Convention | Out-String
        $text | Should -Match 'Megatron: '
        $text | Should -Match 'Torchtitan: '
    }
}

Describe 'about_MfuTools' {
    It 'is found by Get-Help' {
        (Get-Help about_MfuTools | Out-String) | Should -Match 'CI = f / m'
    }

    It 'names every convention' {
        $text = Get-Help about_MfuTools | Out-String
        foreach ($convention in [enum]::GetNames([MfuTools.Core.Counting.Convention])) {
            $text | Should -Match "\b$convention\b"
        }
    }
}

Describe 'Tab completion' {
    It 'completes a preset name for -Model' {
        Get-Completion 'Get-ModelFlops -Model Qwen2.5-7' | Should -Contain 'Qwen2.5-7B'
    }

    It 'offers only matching presets' {
        Get-Completion 'Get-ModelFlops -Model Qwen2.5-7' | Should -Not -Contain 'Llama-3.1-8B'
    }

    It 'completes a preset name for Get-MfuModel' {
        Get-Completion 'Get-MfuModel Llama-3.1-4' | Should -Contain 'Llama-3.1-405B'
    }

    It 'lists every convention for -Convention' {
        Get-Completion 'Get-ModelFlops -Model Qwen2.5-7B -Convention ' | Sort-Object |
            Should -Be ([enum]::GetNames([MfuTools.Core.Counting.Convention]) | Sort-Object)
    }

    It 'completes a convention prefix' {
        Get-Completion 'Get-LayerBreakdown -Model Qwen2.5-7B -Convention Ma' | Should -Be 'Matmul'
    }
}

Describe 'Tab completion of every enum parameter' {
    It '<Name> -<Parameter> offers every value' -ForEach $enumParameters {
        Get-Completion "$Name -$Parameter " | Sort-Object | Should -Be ($Values | Sort-Object)
    }
}

Describe 'Tab completion of every completed parameter' {
    It '<Name> -<Parameter> offers values' -ForEach $completedParameters {
        @(Get-Completion "$Name -$Parameter ").Count | Should -BeGreaterThan 0
    }
}

Describe 'Build-Help.ps1' {
    BeforeAll {
        $script = Join-Path $PSScriptRoot '../../docs/help/Build-Help.ps1'
        $manifest = (Get-Module MfuTools).Path

        # Runs the converter in a child pwsh over a copy of the help sources that $Edit has
        # changed, against the staged module, and returns its exit code and messages.
        function Invoke-BuildHelp([scriptblock] $Edit) {
            $sources = Join-Path $TestDrive ([guid]::NewGuid())
            $staged = Join-Path $TestDrive ([guid]::NewGuid())
            New-Item -ItemType Directory $sources, $staged | Out-Null
            Copy-Item (Join-Path $PSScriptRoot '../../docs/help/*') $sources
            Copy-Item (Join-Path (Split-Path $manifest) '*') $staged -Exclude 'en-US'
            & $Edit $sources

            $messages = & dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -File $script `
                -OutputFolder (Join-Path $staged 'en-US') -SourceFolder $sources -InChildProcess 2>&1
            [pscustomobject]@{ ExitCode = $LASTEXITCODE; Text = ($messages | Out-String); Folder = Join-Path $staged 'en-US' }
        }
    }

    It 'writes the MAML file and the about topic' {
        $result = Invoke-BuildHelp { }
        $result.ExitCode | Should -Be 0
        Join-Path $result.Folder 'MfuTools.Cmdlets.dll-help.xml' | Should -Exist
        Join-Path $result.Folder 'about_MfuTools.help.txt' | Should -Exist
    }

    It 'fails when a help source misses a parameter' {
        $result = Invoke-BuildHelp {
            param($folder)
            $file = Join-Path $folder 'Get-LayerBreakdown.help.psd1'
            (Get-Content $file -Raw) -replace '(?m)^\s*Layer\s*=.*$', '' | Set-Content $file
        }
        $result.ExitCode | Should -Be 1
        $result.Text | Should -Match '-Layer'
    }

    It 'fails when a help source has no example' {
        $result = Invoke-BuildHelp {
            param($folder)
            $file = Join-Path $folder 'Get-MfuModel.help.psd1'
            (Get-Content $file -Raw) -replace '(?s)Examples\s*=\s*@\(.*?\n    \)\r?\n', "Examples = @()`n" | Set-Content $file
        }
        $result.ExitCode | Should -Be 1
        $result.Text | Should -Match 'Examples'
    }

    It 'fails when Defaults names a parameter the cmdlet does not have' {
        $result = Invoke-BuildHelp {
            param($folder)
            $file = Join-Path $folder 'Get-ModelFlops.help.psd1'
            (Get-Content $file -Raw) -replace "Defaults    = @\{ BatchSize = '1'", "Defaults    = @{ BatchCount = '1'" | Set-Content $file
        }
        $result.ExitCode | Should -Be 1
        $result.Text | Should -Match 'Defaults gives a default for -BatchCount'
    }

    It 'fails when an exported cmdlet has no help source' {
        $result = Invoke-BuildHelp { param($folder) Remove-Item (Join-Path $folder 'Get-ModelFlops.help.psd1') }
        $result.ExitCode | Should -Be 1
        $result.Text | Should -Match 'Get-ModelFlops is exported but has no help source'
    }
}
