<#
.SYNOPSIS
    Builds the module's MAML help from the help sources in docs/help.
.DESCRIPTION
    Reads every docs/help/<Verb-Noun>.help.psd1 and writes one MAML file,
    MfuTools.Cmdlets.dll-help.xml, plus about_MfuTools.help.txt, into -OutputFolder.

    The syntax, parameter types, positions, pipeline binding, aliases and defaults come from
    the cmdlets themselves: the staged module is imported in a child pwsh, so the help cannot
    drift from the code and the build's own session loads no module assembly. The
    descriptions come from the psd1 files.

    A parameter whose property is null until the cmdlet fills in its default (a nullable
    BatchSize that means 1) would show "None" as its default value. For those, a help source
    may add Defaults = @{ BatchSize = '1'; ... }: the text given there becomes the MAML
    default value, in place of the one read from a fresh cmdlet object. A parameter's
    description may be one string or an array of strings, one paragraph each.

    The build fails when an exported cmdlet has no help source, when a help source misses a
    parameter the cmdlet has (common parameters aside) or names one it does not have, or when
    it has no synopsis, description or example.
.PARAMETER OutputFolder
    Where the help files go: the en-US folder of the staged module (out/MfuTools/en-US). The
    module manifest is looked for in its parent folder.
.PARAMETER SourceFolder
    The folder of the help sources. Default: the folder of this script.
.PARAMETER InChildProcess
    Set by the script itself when it runs again in the child pwsh; not for callers.
#>
param(
    [Parameter(Mandatory)]
    [string] $OutputFolder,

    [string] $SourceFolder = $PSScriptRoot,

    [switch] $InChildProcess
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$OutputFolder = [System.IO.Path]::GetFullPath($OutputFolder)
$SourceFolder = [System.IO.Path]::GetFullPath($SourceFolder)
$Manifest = Join-Path (Split-Path $OutputFolder -Parent) 'MfuTools.psd1'

if (-not $InChildProcess) {
    # Importing the module here would keep its dlls loaded in the build's session (and locked
    # on Windows), so the work happens in a child pwsh started from the repository, where the
    # local tool manifest pins the PowerShell version.
    Push-Location (Split-Path $PSScriptRoot -Parent | Split-Path -Parent)
    try {
        & dotnet pwsh -NoProfile -NonInteractive -File $PSCommandPath -OutputFolder $OutputFolder -SourceFolder $SourceFolder -InChildProcess | Out-Host
        $code = $LASTEXITCODE
    }
    finally {
        Pop-Location
    }

    if ($code -ne 0) {
        throw "Building the help failed (exit code $code); the messages above say which help source is incomplete."
    }
    return
}

$MamlNamespace = 'http://schemas.microsoft.com/maml/2004/10'
$CommandNamespace = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
$DevNamespace = 'http://schemas.microsoft.com/maml/dev/2004/10'

$CommonParameters = [System.Collections.Generic.HashSet[string]]::new([string[]](
        [System.Management.Automation.Cmdlet]::CommonParameters +
        [System.Management.Automation.Cmdlet]::OptionalCommonParameters),
    [System.StringComparer]::OrdinalIgnoreCase)

# Collects every problem of every help source, so one build run reports them all.
$Problems = [System.Collections.Generic.List[string]]::new()

function Read-HelpSource {
    param([string] $File)

    try {
        $data = Import-PowerShellDataFile -LiteralPath $File
    }
    catch {
        $Problems.Add("${File}: not a valid PowerShell data file: $($_.Exception.Message)")
        return $null
    }

    $name = [System.IO.Path]::GetFileName($File) -replace '\.help\.psd1$', ''
    foreach ($key in 'Name', 'Synopsis', 'Description', 'Parameters', 'Examples') {
        if (-not $data.ContainsKey($key) -or -not $data[$key]) {
            $Problems.Add("${File}: the key '$key' is missing or empty.")
        }
    }

    if ($data.ContainsKey('Defaults') -and $data.Defaults -isnot [hashtable]) {
        $Problems.Add("${File}: Defaults must be a hashtable of parameter names and default value texts.")
    }

    if ($data.ContainsKey('Name') -and $data.Name -ne $name) {
        $Problems.Add("${File}: Name is '$($data.Name)' but the file is named for '$name'.")
    }

    foreach ($example in @($data['Examples'])) {
        if ($example -isnot [hashtable] -or -not $example['Code'] -or -not $example['Title']) {
            $Problems.Add("${File}: every example needs a Title and a Code.")
        }
    }

    $data
}

# Returns the names of an enum type's values when the parameter's type (or its element type) is an enum.
function Get-EnumNames {
    param([type] $Type)

    $element = if ($Type.IsArray) { $Type.GetElementType() } else { $Type }
    $nullable = [System.Nullable]::GetUnderlyingType($element)
    if ($nullable) { $element = $nullable }
    if ($element.IsEnum) { return [System.Enum]::GetNames($element) }
    @()
}

# The type name Get-Help shows: the short name, as PowerShell's own help writes it.
function Get-TypeDisplayName {
    param([type] $Type)

    $nullable = [System.Nullable]::GetUnderlyingType($Type)
    if ($nullable) { return $nullable.Name }
    $Type.Name
}

function Get-PipelineText {
    param([bool] $ByValue, [bool] $ByPropertyName)

    if ($ByValue -and $ByPropertyName) { return 'True (ByPropertyName, ByValue)' }
    if ($ByValue) { return 'True (ByValue)' }
    if ($ByPropertyName) { return 'True (ByPropertyName)' }
    'False'
}

# Returns the value a parameter has when it is not given: the help source's Defaults entry
# when it has one, else the value read from a fresh cmdlet object.
function Get-DefaultText {
    param($Instance, [System.Management.Automation.ParameterMetadata] $Parameter, [hashtable] $Defaults)

    if ($Defaults -and $Defaults.ContainsKey($Parameter.Name)) {
        return [string] $Defaults[$Parameter.Name]
    }

    $value = $Instance.($Parameter.Name)
    if ($null -eq $value) { return 'None' }
    if ($value -is [System.Management.Automation.SwitchParameter]) { return 'False' }
    [System.Convert]::ToString($value, [System.Globalization.CultureInfo]::InvariantCulture)
}

function Add-Element {
    param([System.Xml.XmlNode] $Parent, [string] $Prefix, [string] $Name, [string] $Text)

    $namespace = switch ($Prefix) {
        'maml' { $MamlNamespace }
        'command' { $CommandNamespace }
        'dev' { $DevNamespace }
    }
    $element = $Parent.OwnerDocument.CreateElement($Prefix, $Name, $namespace)
    if ($PSBoundParameters.ContainsKey('Text')) {
        $element.InnerText = $Text
    }
    [void] $Parent.AppendChild($element)
    $element
}

function Add-Paragraphs {
    param([System.Xml.XmlNode] $Parent, [string[]] $Text)

    # A blank line in a source string starts a new paragraph; lines within one paragraph keep
    # their breaks, so pasted table output stays aligned.
    foreach ($block in $Text) {
        foreach ($paragraph in ($block -split '\r?\n\s*\r?\n')) {
            if ($paragraph.Trim()) {
                [void] (Add-Element $Parent 'maml' 'para' $paragraph.TrimEnd())
            }
        }
    }
}

function Add-Parameter {
    param(
        [System.Xml.XmlNode] $Parent,
        [string] $Name,
        [type] $Type,
        [bool] $Required,
        [string] $Position,
        [string] $PipelineInput,
        [string[]] $Aliases,
        [bool] $Globbing,
        [string[]] $Description,
        [string] $Default,
        [bool] $InSyntax
    )

    $node = Add-Element $Parent 'command' 'parameter'
    $node.SetAttribute('required', $Required.ToString().ToLowerInvariant())
    $node.SetAttribute('variableLength', $Type.IsArray.ToString().ToLowerInvariant())
    $node.SetAttribute('globbing', $Globbing.ToString().ToLowerInvariant())
    $node.SetAttribute('pipelineInput', $PipelineInput)
    $node.SetAttribute('position', $Position)
    $node.SetAttribute('aliases', $(if ($Aliases) { $Aliases -join ', ' } else { 'none' }))

    [void] (Add-Element $node 'maml' 'name' $Name)
    Add-Paragraphs (Add-Element $node 'maml' 'description') $Description

    $typeName = Get-TypeDisplayName $Type
    $isSwitch = $Type -eq [System.Management.Automation.SwitchParameter]
    $enumNames = @(Get-EnumNames $Type)
    if ($InSyntax -and $enumNames.Count -gt 0) {
        # Get-Help shows an enum as {Detailed | Matmul | ...} from the value group.
        $group = Add-Element $node 'command' 'parameterValueGroup'
        foreach ($enumName in $enumNames) {
            $value = Add-Element $group 'command' 'parameterValue' $enumName
            $value.SetAttribute('required', 'false')
            $value.SetAttribute('variableLength', 'false')
        }
    }
    elseif (-not ($InSyntax -and $isSwitch)) {
        $value = Add-Element $node 'command' 'parameterValue' $typeName
        $value.SetAttribute('required', $(if ($isSwitch) { 'false' } else { 'true' }))
        $value.SetAttribute('variableLength', $Type.IsArray.ToString().ToLowerInvariant())
    }

    $devType = Add-Element $node 'dev' 'type'
    [void] (Add-Element $devType 'maml' 'name' $Type.FullName)
    [void] (Add-Element $devType 'maml' 'uri' '')
    [void] (Add-Element $node 'dev' 'defaultValue' $Default)
}

function Add-Command {
    param([System.Xml.XmlNode] $Root, [System.Management.Automation.CmdletInfo] $Command, [hashtable] $Help, [string] $SourceFile)

    $parameters = @($Command.Parameters.Values | Where-Object { -not $CommonParameters.Contains($_.Name) })
    $described = @($Help.Parameters.Keys)
    foreach ($parameter in $parameters) {
        if ($described -notcontains $parameter.Name -or -not "$($Help.Parameters[$parameter.Name])".Trim()) {
            $Problems.Add("${SourceFile}: $($Command.Name) has the parameter -$($parameter.Name), which the help source does not describe.")
        }
    }
    foreach ($name in $described) {
        if (-not ($parameters | Where-Object Name -eq $name)) {
            $Problems.Add("${SourceFile}: the help source describes -$name, which $($Command.Name) does not have.")
        }
    }

    $defaults = if ($Help['Defaults'] -is [hashtable]) { $Help.Defaults } else { @{} }
    foreach ($name in $defaults.Keys) {
        if (-not ($parameters | Where-Object Name -eq $name)) {
            $Problems.Add("${SourceFile}: Defaults gives a default for -$name, which $($Command.Name) does not have.")
        }
        elseif (-not "$($defaults[$name])".Trim()) {
            $Problems.Add("${SourceFile}: Defaults gives an empty default for -$name.")
        }
    }

    $instance = [System.Activator]::CreateInstance($Command.ImplementingType)
    $node = Add-Element $Root 'command' 'command'

    $details = Add-Element $node 'command' 'details'
    [void] (Add-Element $details 'command' 'name' $Command.Name)
    [void] (Add-Element $details 'command' 'verb' $Command.Verb)
    [void] (Add-Element $details 'command' 'noun' $Command.Noun)
    Add-Paragraphs (Add-Element $details 'maml' 'description') $Help.Synopsis

    Add-Paragraphs (Add-Element $node 'maml' 'description') $Help.Description

    # One syntax item per parameter set, its parameters in the order the set lists them
    # (positional ones first, as PowerShell's own syntax display does).
    $syntax = Add-Element $node 'command' 'syntax'
    foreach ($set in $Command.ParameterSets) {
        $item = Add-Element $syntax 'command' 'syntaxItem'
        [void] (Add-Element $item 'maml' 'name' $Command.Name)
        $ordered = $set.Parameters |
            Where-Object { -not $CommonParameters.Contains($_.Name) } |
            Sort-Object @{ Expression = { if ($_.Position -ge 0) { $_.Position } else { [int]::MaxValue } } }, @{ Expression = { -not $_.IsMandatory } }
        foreach ($parameter in $ordered) {
            $metadata = $Command.Parameters[$parameter.Name]
            Add-Parameter -Parent $item -Name $parameter.Name -Type $parameter.ParameterType -Required $parameter.IsMandatory `
                -Position $(if ($parameter.Position -ge 0) { "$($parameter.Position)" } else { 'named' }) `
                -PipelineInput (Get-PipelineText $parameter.ValueFromPipeline $parameter.ValueFromPipelineByPropertyName) `
                -Aliases $parameter.Aliases `
                -Globbing ([bool]($metadata.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })) `
                -Description $Help.Parameters[$parameter.Name] -Default (Get-DefaultText $instance $metadata $defaults) -InSyntax $true
        }
    }

    # The parameter list: a parameter that sits in several sets is required when some set
    # requires it, and takes pipeline input the ways any set allows.
    $list = Add-Element $node 'command' 'parameters'
    foreach ($metadata in $parameters | Sort-Object Name) {
        $inSets = @($metadata.ParameterSets.Values)
        $positions = @($inSets | Where-Object { $_.Position -ge 0 } | ForEach-Object Position | Sort-Object -Unique)
        Add-Parameter -Parent $list -Name $metadata.Name -Type $metadata.ParameterType `
            -Required ([bool]($inSets | Where-Object IsMandatory)) `
            -Position $(if ($positions.Count -gt 0) { "$($positions[0])" } else { 'named' }) `
            -PipelineInput (Get-PipelineText ([bool]($inSets | Where-Object ValueFromPipeline)) ([bool]($inSets | Where-Object ValueFromPipelineByPropertyName))) `
            -Aliases $metadata.Aliases `
            -Globbing ([bool]($metadata.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })) `
            -Description $Help.Parameters[$metadata.Name] -Default (Get-DefaultText $instance $metadata $defaults) -InSyntax $false
    }

    $inputs = Add-Element $node 'command' 'inputTypes'
    foreach ($entry in @($Help['Inputs'])) {
        if (-not $entry) { continue }
        $inputType = Add-Element $inputs 'command' 'inputType'
        $type = Add-Element $inputType 'dev' 'type'
        [void] (Add-Element $type 'maml' 'name' $entry.Type)
        Add-Paragraphs (Add-Element $inputType 'maml' 'description') $entry.Description
    }

    $outputs = Add-Element $node 'command' 'returnValues'
    foreach ($entry in @($Help['Outputs'])) {
        if (-not $entry) { continue }
        $returnValue = Add-Element $outputs 'command' 'returnValue'
        $type = Add-Element $returnValue 'dev' 'type'
        [void] (Add-Element $type 'maml' 'name' $entry.Type)
        Add-Paragraphs (Add-Element $returnValue 'maml' 'description') $entry.Description
    }

    # Every output type the cmdlet declares must be documented, so no type goes unexplained.
    foreach ($declared in $Command.OutputType) {
        if (-not (@($Help['Outputs']) | Where-Object { $_ -and $_.Type -eq $declared.Name })) {
            $Problems.Add("${SourceFile}: $($Command.Name) declares the output type $($declared.Name), which Outputs does not describe.")
        }
    }

    if ($Help['Notes']) {
        $alerts = Add-Element $node 'maml' 'alertSet'
        $alert = Add-Element $alerts 'maml' 'alert'
        Add-Paragraphs $alert $Help.Notes
    }

    $examples = Add-Element $node 'command' 'examples'
    $number = 0
    foreach ($entry in @($Help.Examples)) {
        $number++
        $example = Add-Element $examples 'command' 'example'
        [void] (Add-Element $example 'maml' 'title' "-------------------------- Example ${number}: $($entry.Title) --------------------------")
        [void] (Add-Element $example 'dev' 'code' $entry.Code)
        Add-Paragraphs (Add-Element $example 'dev' 'remarks') $entry['Remarks']
    }

    $links = Add-Element $node 'command' 'relatedLinks'
    foreach ($link in @($Help['RelatedLinks'])) {
        if (-not $link) { continue }
        $navigation = Add-Element $links 'maml' 'navigationLink'
        if ($link -match '^https?://') {
            [void] (Add-Element $navigation 'maml' 'linkText' $link)
            [void] (Add-Element $navigation 'maml' 'uri' $link)
        }
        else {
            [void] (Add-Element $navigation 'maml' 'linkText' $link)
            [void] (Add-Element $navigation 'maml' 'uri' '')
        }
    }
}

# The module the help describes: the staged one, imported fresh in this child process.
$module = Import-Module $Manifest -PassThru -Force
$sources = @{}
foreach ($file in Get-ChildItem -LiteralPath $SourceFolder -Filter '*.help.psd1') {
    $sources[($file.Name -replace '\.help\.psd1$', '')] = $file.FullName
}

$document = [System.Xml.XmlDocument]::new()
[void] $document.AppendChild($document.CreateXmlDeclaration('1.0', 'utf-8', $null))
$root = $document.CreateElement('helpItems', 'http://msh')
$root.SetAttribute('schema', 'maml')
$root.SetAttribute('xmlns:maml', $MamlNamespace)
$root.SetAttribute('xmlns:command', $CommandNamespace)
$root.SetAttribute('xmlns:dev', $DevNamespace)
[void] $document.AppendChild($root)

foreach ($name in $module.ExportedCmdlets.Keys | Sort-Object) {
    if (-not $sources.ContainsKey($name)) {
        $Problems.Add("$name is exported but has no help source: add docs/help/$name.help.psd1.")
        continue
    }

    $help = Read-HelpSource $sources[$name]
    if ($help -and $help.ContainsKey('Parameters') -and $help.ContainsKey('Examples')) {
        Add-Command $root (Get-Command $name -Module $module.Name) $help $sources[$name]
    }
}

foreach ($name in $sources.Keys) {
    if (-not $module.ExportedCmdlets.ContainsKey($name)) {
        $Problems.Add("$($sources[$name]) documents $name, which the module does not export: export it or delete the file.")
    }
}

if ($Problems.Count -gt 0) {
    foreach ($problem in $Problems) {
        [Console]::Error.WriteLine("Help: $problem")
    }
    [Console]::Error.WriteLine("Help: $($Problems.Count) problem(s) in docs/help; no help was written.")
    exit 1
}

New-Item -ItemType Directory -Path $OutputFolder -Force | Out-Null
$settings = [System.Xml.XmlWriterSettings]::new()
$settings.Indent = $true
$settings.Encoding = [System.Text.UTF8Encoding]::new($false)
$writer = [System.Xml.XmlWriter]::Create((Join-Path $OutputFolder 'MfuTools.Cmdlets.dll-help.xml'), $settings)
try {
    $document.Save($writer)
}
finally {
    $writer.Dispose()
}

Copy-Item -LiteralPath (Join-Path $SourceFolder 'about_MfuTools.help.txt') -Destination (Join-Path $OutputFolder 'about_MfuTools.help.txt')
Write-Host "Help for $($module.ExportedCmdlets.Count) cmdlets written to $OutputFolder"
