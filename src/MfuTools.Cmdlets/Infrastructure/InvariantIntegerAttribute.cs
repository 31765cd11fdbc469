using System;
using System.Globalization;
using System.Management.Automation;

namespace MfuTools.Cmdlets.Infrastructure
{
    /// <summary>
    /// Reads a whole number the same way under every culture, for nullable count parameters
    /// that bind from piped rows. An empty string (what Export-Csv writes for an empty value)
    /// means "not given", so the parameter keeps its default instead of becoming 0.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class InvariantIntegerAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (value is double || value is float || value is decimal)
            {
                // PowerShell would round 8.5 devices to 8 without a word.
                var fractional = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
                if (decimal.Truncate(fractional) != fractional)
                {
                    throw new ArgumentTransformationMetadataException($"'{value}' is not a whole number.");
                }

                return (long)fractional;
            }

            if (!(value is string text))
            {
                return value;
            }

            var trimmed = text.Trim();
            if (trimmed.Length == 0)
            {
                return null;
            }

            if (long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            {
                return number;
            }

            throw new ArgumentTransformationMetadataException(
                $"'{text}' is not a whole number. Write it with digits only, for example 2048.");
        }
    }
}
