using System.Collections.Generic;
using MfuTools.Core.Results;

namespace MfuTools.Core.Mfu
{
    /// <summary>One MFU result and the warnings that go with it.</summary>
    public sealed class MfuMeasurement
    {
        internal MfuMeasurement(MfuResult result, IReadOnlyList<string> warnings)
        {
            Result = result;
            Warnings = warnings;
        }

        public MfuResult Result { get; }

        /// <summary>Reasons the number may mislead (MFU above 1, an FP8 peak, an estimated peak).</summary>
        public IReadOnlyList<string> Warnings { get; }
    }
}
