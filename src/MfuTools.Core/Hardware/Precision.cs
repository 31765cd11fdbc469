namespace MfuTools.Core.Hardware
{
    /// <summary>Number format of the tensors a run computes with or stores.</summary>
    public enum Precision
    {
        FP32,
        TF32,
        BF16,
        FP16,
        FP8,
        INT8,
        INT4,
    }
}
