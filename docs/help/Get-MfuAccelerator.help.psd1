@{
    Name        = 'Get-MfuAccelerator'
    Synopsis    = 'Gets accelerators from the built-in catalog, with their dense peak FLOP/s per precision, memory and bandwidth.'
    Description = @(
        'Get-MfuAccelerator lists the accelerators MfuTools knows: NVIDIA, AMD, Intel, Google and AWS parts, each with its dense (not 2:4-sparse) peak per precision, memory size and bandwidth, and the source of the figures. Entries without a public datasheet, or with derived figures, have IsEstimate set.'
        'A name with wildcards filters the catalog names. A name without wildcards resolves by the rule Measure-Mfu uses for -Accelerator: a full catalog name wins; otherwise the longest family name found in the text picks the family (L40S before L40 before L4, H200 before H20, GB200 before B200), a variant word (SXM, PCIe, NVL, HBM3e, GCD) or a memory size such as 40GB narrows it, and a bare family resolves to its SXM or OAM flagship. Names as nvidia-smi and torch.cuda.get_device_name() print them (NVIDIA H100 80GB HBM3, NVIDIA A100-SXM4-80GB) work. MI250X alone is one of its two dies, because each die is a device of its own.'
        'The objects pipe into Measure-Mfu, which binds them to -Accelerator.'
    )
    Parameters  = @{
        Name = 'Names to look up. Wildcards match catalog names, ignoring case; a name without wildcards resolves to one entry or is an error that lists the closest entries. All entries when omitted. Tab completion lists the catalog.'
    }
    Inputs      = @(
        @{ Type = 'System.String'; Description = 'Accelerator names.' }
    )
    Outputs     = @(
        @{ Type = 'MfuTools.Core.Hardware.Accelerator'; Description = 'Name; Vendor; FormFactor; MemoryBytes (bytes, decimal GB x 10^9); MemoryBandwidth (bytes per second); PeakFP32FlopsPerSecond, PeakTF32FlopsPerSecond, PeakBF16FlopsPerSecond, PeakFP16FlopsPerSecond, PeakFP8FlopsPerSecond, PeakINT8FlopsPerSecond (dense FLOP/s, or operations per second for INT8; empty where the device has none); TdpWatts; Source; IsEstimate; IsUserGiven; and Accelerator, an alias of Name through which piped entries bind to Measure-Mfu -Accelerator.' }
    )
    Examples    = @(
        @{
            Title   = 'Every H100 variant'
            Code    = 'Get-MfuAccelerator *H100*'
            Remarks = @'
Name                                    Memory   Bandwidth     FP32     TF32     BF16     FP16      FP8 Estimate
----                                    ------   ---------     ----     ----     ----     ----      --- --------
NVIDIA H100 SXM5 80GB                 80.00 GB  3.350 TB/s  67.00 T  494.7 T  989.4 T  989.4 T  1.979 P
NVIDIA H100 PCIe 80GB                 80.00 GB  2.000 TB/s  51.00 T  378.0 T  756.0 T  756.0 T  1.513 P
NVIDIA H100 NVL 94GB (per GPU)        94.00 GB  3.900 TB/s  60.00 T  417.5 T  835.5 T  835.5 T  1.671 P

Peaks are dense FLOP/s: the H100 SXM's BF16 peak is 989.4 TFLOP/s, not the 1,979 with sparsity that its datasheet prints.
'@
        }
        @{
            Title   = 'The entry a device name resolves to'
            Code    = 'Get-MfuAccelerator ''NVIDIA A100-SXM4-40GB'' -Verbose 4>&1'
            Remarks = @'
VERBOSE: 'NVIDIA A100-SXM4-40GB' is the catalog entry NVIDIA A100 SXM4 40GB.

Name                                    Memory   Bandwidth     FP32     TF32     BF16     FP16      FP8 Estimate
----                                    ------   ---------     ----     ----     ----     ----      --- --------
NVIDIA A100 SXM4 40GB                 40.00 GB  1.555 TB/s  19.50 T  156.0 T  312.0 T  312.0 T

The verbose line says how the name was read.
'@
        }
        @{
            Title   = 'Exact figures of one entry'
            Code    = 'Get-MfuAccelerator MI300X | Format-List Name, MemoryBytes, MemoryBandwidth, PeakBF16FlopsPerSecond, PeakFP8FlopsPerSecond, IsEstimate'
            Remarks = @'
Name                   : AMD Instinct MI300X
MemoryBytes            : 192000000000
MemoryBandwidth        : 5300000000000
PeakBF16FlopsPerSecond : 1.3074E+15
PeakFP8FlopsPerSecond  : 2.6149E+15
IsEstimate             : False

The objects keep base units; the table view scales them.
'@
        }
    )
    Notes       = 'FP16 peaks are the FP32-accumulate tensor rate where a datasheet gives two. The catalog has no FP64 or FP4 peaks. INT4 has no peak; weights stored in INT4 compute at the activation precision.'
    RelatedLinks = @('Measure-Mfu', 'Get-ModelFlops', 'about_MfuTools')
}
