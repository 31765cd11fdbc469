# Get-MfuAccelerator against the staged module, as a user runs it.
BeforeAll {
    Import-Module MfuTools -Force
}

Describe 'Get-MfuAccelerator' {
    It 'lists the whole catalog' {
        (Get-MfuAccelerator).Count | Should -Be 46
    }

    It 'filters by wildcard' {
        (Get-MfuAccelerator *H100*).Name | Should -Be @('NVIDIA H100 SXM5 80GB', 'NVIDIA H100 PCIe 80GB', 'NVIDIA H100 NVL 94GB (per GPU)')
    }

    It 'gives the dense, not the sparse, H100 SXM bf16 peak' {
        # NVIDIA's H100 datasheet prints 1,979 TFLOP/s with sparsity; dense is half, 989.4.
        (Get-MfuAccelerator H100).PeakBF16FlopsPerSecond | Should -Be 989.4e12
    }

    It 'resolves <Typed> to <Expected>' -ForEach @(
        @{ Typed = 'L40S'; Expected = 'NVIDIA L40S' }
        @{ Typed = 'L40'; Expected = 'NVIDIA L40' }
        @{ Typed = 'L4'; Expected = 'NVIDIA L4' }
        @{ Typed = 'H200'; Expected = 'NVIDIA H200 SXM 141GB' }
        @{ Typed = 'H20'; Expected = 'NVIDIA H20' }
        @{ Typed = 'GB200'; Expected = 'NVIDIA GB200 (per Blackwell GPU)' }
        @{ Typed = 'B200'; Expected = 'NVIDIA B200 (HGX)' }
        @{ Typed = 'h100-sxm'; Expected = 'NVIDIA H100 SXM5 80GB' }
        @{ Typed = 'NVIDIA H100 80GB HBM3'; Expected = 'NVIDIA H100 SXM5 80GB' }
        @{ Typed = 'NVIDIA A100-SXM4-80GB'; Expected = 'NVIDIA A100 SXM4 80GB' }
        @{ Typed = 'MI250X'; Expected = 'AMD Instinct MI250X (per GCD device)' }
    ) {
        (Get-MfuAccelerator $Typed).Name | Should -Be $Expected
    }

    It 'says which entry a name resolved to' {
        $verbose = Get-MfuAccelerator H100 -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }

        $verbose.Message | Should -Match 'NVIDIA H100 SXM5 80GB'
    }

    It 'lists the closest entries for an unknown name' {
        { Get-MfuAccelerator 'H1OO' -ErrorAction Stop } |
            Should -Throw -ErrorId 'AcceleratorNotFound,MfuTools.Cmdlets.Commands.GetMfuAcceleratorCommand'
        { Get-MfuAccelerator 'H1OO' -ErrorAction Stop } | Should -Throw '*Closest entries*'
    }

    It 'marks unverified entries as estimates' {
        (Get-MfuAccelerator H20).IsEstimate | Should -BeTrue
        (Get-MfuAccelerator H100).IsEstimate | Should -BeFalse
    }

    It 'completes accelerator names' {
        $line = 'Measure-Mfu -Accelerator L40'
        $completions = TabExpansion2 -inputScript $line -cursorColumn $line.Length

        $completions.CompletionMatches.ListItemText | Should -Contain 'NVIDIA L40S'
        $completions.CompletionMatches.ListItemText | Should -Contain 'NVIDIA L40'
    }
}
