namespace MfuTools.Core.Mfu
{
    /// <summary>
    /// The FLOPs of one training step that MFU and HFU divide by the step's peak work:
    /// model FLOPs, and hardware FLOPs (model FLOPs plus recomputed forward work).
    /// </summary>
    public sealed class StepFlops
    {
        public StepFlops(decimal modelFlopsPerStep, decimal hardwareFlopsPerStep)
        {
            ModelFlopsPerStep = modelFlopsPerStep;
            HardwareFlopsPerStep = hardwareFlopsPerStep;
        }

        public decimal ModelFlopsPerStep { get; }

        public decimal HardwareFlopsPerStep { get; }
    }
}
