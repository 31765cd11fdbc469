using System;
using System.Globalization;
using System.Management.Automation;

namespace MfuTools.Cmdlets.Infrastructure
{
    /// <summary>
    /// Converts a string argument to a double with the invariant culture, because PowerShell
    /// binds a string to a compiled cmdlet's double with the current culture: "3.35e12" from
    /// a CSV would be misread on a German-locale machine. Numbers pass through unchanged.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class InvariantDoubleAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (value is string text)
            {
                if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    return number;
                }

                throw new ArgumentTransformationMetadataException($"'{text}' is not a number. Write it with a period as the decimal separator, for example 3.35e12.");
            }

            return value;
        }
    }
}
