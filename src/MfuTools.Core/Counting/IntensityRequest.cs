using MfuTools.Core.Errors;
using MfuTools.Core.Hardware;

namespace MfuTools.Core.Counting
{
    /// <summary>
    /// What a compute-intensity view is asked for: the phase and its shape, the precisions of
    /// weights and of activations, the attention implementation and the device's roofline.
    /// </summary>
    public sealed class IntensityRequest
    {
        public IntensityRequest(Phase phase, RunShape run, long contextLength, Precision precision, Precision weightPrecision,
            AttentionImplementation attention, Roofline roofline)
        {
            if (phase == Phase.Decode && (contextLength < 1 || contextLength > RunShape.MaxDimension))
            {
                throw new MfuException(ErrorIds.RunShapeInvalid, MfuErrorKind.InvalidArgument,
                    $"The context length must be a whole number from 1 to {RunShape.MaxDimension:N0}, but is {contextLength}.", contextLength);
            }

            Phase = phase;
            Run = run;
            ContextLength = phase == Phase.Decode ? contextLength : (long?)null;
            Precision = precision;
            WeightPrecision = weightPrecision;
            Attention = attention;
            Roofline = roofline;
        }

        public Phase Phase { get; }

        /// <summary>B and S; in decode, B sequences each adding one token.</summary>
        public RunShape Run { get; }

        /// <summary>C, the tokens already in the KV cache; set in decode only.</summary>
        public long? ContextLength { get; }

        /// <summary>Precision of activations and the KV cache, and the one whose peak the roofline uses.</summary>
        public Precision Precision { get; }

        /// <summary>Precision of the weights of Linear layers.</summary>
        public Precision WeightPrecision { get; }

        public AttentionImplementation Attention { get; }

        public Roofline Roofline { get; }

        /// <summary>
        /// Returns the forward pass of this phase: B·S tokens attending to their own sequence,
        /// or in decode B tokens attending to C cached keys (never causally halved).
        /// </summary>
        public PassShape Pass() =>
            Phase == Phase.Decode ? new PassShape(Run.BatchSize, 1, ContextLength.Value, false) : Run.ToPass();

        /// <summary>Returns the pass with the element sizes of both precisions, for the byte count.</summary>
        public BytePass BytePass() =>
            new BytePass(Pass(), Phase == Phase.Decode, PrecisionInfo.BytesPerElement(WeightPrecision), PrecisionInfo.BytesPerElement(Precision));
    }
}
