using System;
using System.Collections.Generic;
using System.Management.Automation;
using MfuTools.Core.Hardware;

namespace MfuTools.Cmdlets.Infrastructure
{
    /// <summary>
    /// Reads the dtype names training logs and configs print (bfloat16, torch.float16,
    /// float8_e4m3fn) as a <see cref="Precision"/>, besides the enum's own names. Other
    /// text is an error naming the valid names: PowerShell would otherwise skip a piped
    /// value it cannot convert and leave the default BF16 in place without a word.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class PrecisionNameAttribute : ArgumentTransformationAttribute
    {
        private static readonly Dictionary<string, Precision> Names = new Dictionary<string, Precision>(StringComparer.OrdinalIgnoreCase)
        {
            ["float32"] = Precision.FP32,
            ["float"] = Precision.FP32,
            ["tfloat32"] = Precision.TF32,
            ["bfloat16"] = Precision.BF16,
            ["float16"] = Precision.FP16,
            ["half"] = Precision.FP16,
            ["float8"] = Precision.FP8,
            ["float8_e4m3fn"] = Precision.FP8,
            ["float8_e4m3fnuz"] = Precision.FP8,
            ["float8_e5m2"] = Precision.FP8,
            ["float8_e5m2fnuz"] = Precision.FP8,
            ["fp8_e4m3"] = Precision.FP8,
            ["fp8_e5m2"] = Precision.FP8,
            ["e4m3"] = Precision.FP8,
            ["e5m2"] = Precision.FP8,
        };

        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (!(value is string text))
            {
                return inputData;
            }

            var name = text.Trim();
            if (name.StartsWith("torch.", StringComparison.OrdinalIgnoreCase))
            {
                name = name.Substring("torch.".Length);
            }

            if (Names.TryGetValue(name, out var precision) || Enum.TryParse(name, true, out precision))
            {
                return precision;
            }

            throw new ArgumentTransformationMetadataException(
                $"'{text}' is not a precision MfuTools knows. Use one of {string.Join(", ", Enum.GetNames(typeof(Precision)))}, or a dtype name such as bfloat16 or float8_e4m3fn.");
        }
    }
}
