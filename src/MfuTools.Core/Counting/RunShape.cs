using MfuTools.Core.Errors;

namespace MfuTools.Core.Counting
{
    /// <summary>The shape of one training or prefill step: B sequences of S tokens.</summary>
    public sealed class RunShape
    {
        /// <summary>Largest batch size or sequence length accepted (2^31 − 1).</summary>
        public const long MaxDimension = int.MaxValue;

        public RunShape(long batchSize, long sequenceLength, bool causalAttention = false)
        {
            if (batchSize < 1 || batchSize > MaxDimension)
            {
                throw new MfuException(ErrorIds.RunShapeInvalid, MfuErrorKind.InvalidArgument,
                    $"The batch size must be a whole number from 1 to {MaxDimension:N0}, but is {batchSize}.", batchSize);
            }

            if (sequenceLength < 1 || sequenceLength > MaxDimension)
            {
                throw new MfuException(ErrorIds.RunShapeInvalid, MfuErrorKind.InvalidArgument,
                    $"The sequence length must be a whole number from 1 to {MaxDimension:N0}, but is {sequenceLength}.", sequenceLength);
            }

            BatchSize = batchSize;
            SequenceLength = sequenceLength;
            CausalAttention = causalAttention;
        }

        /// <summary>B: sequences per optimizer step.</summary>
        public long BatchSize { get; }

        /// <summary>S: tokens per sequence.</summary>
        public long SequenceLength { get; }

        /// <summary>Whether only the causal half of each S×S score matrix is counted.</summary>
        public bool CausalAttention { get; }

        /// <summary>T = B·S, tokens per step.</summary>
        public decimal Tokens => (decimal)BatchSize * SequenceLength;

        /// <summary>Returns the forward pass a training or prefill step runs: every token attends to its own sequence.</summary>
        public PassShape ToPass() => new PassShape(BatchSize, SequenceLength, SequenceLength, CausalAttention);

        public override string ToString() => $"B {BatchSize}, S {SequenceLength}{(CausalAttention ? ", causal" : string.Empty)}";
    }
}
