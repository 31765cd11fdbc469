@{
    RootModule           = 'MfuTools.Cmdlets.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '5d3c1f0e-8a4b-4f57-9c2e-6b1d7e0a9f42'
    Author               = 'MfuTools'
    CompanyName          = 'MfuTools'
    Copyright            = '(c) MfuTools. MIT License.'
    Description          = 'FLOPs per module, MFU and HFU, and compute intensity of transformer models, from Hugging Face configs or built-in presets.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    RequiredAssemblies   = @('MfuTools.Core.dll')
    FormatsToProcess     = @('MfuTools.Format.ps1xml', 'MfuTools.Mfu.Format.ps1xml', 'MfuTools.Intensity.Format.ps1xml')
    TypesToProcess       = @('MfuTools.Hardware.Types.ps1xml')
    CmdletsToExport      = @(
        'Get-ModelFlops'
        'Get-LayerBreakdown'
        'Get-MfuModel'
        'Get-MfuAccelerator'
        'Measure-Mfu'
        'Get-ComputeIntensity'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags       = @('MFU', 'FLOPs', 'Transformer', 'LLM', 'Roofline', 'GPU')
            ProjectUri = ''
        }
    }
}
