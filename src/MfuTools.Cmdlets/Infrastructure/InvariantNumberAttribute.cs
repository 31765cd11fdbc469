using System;
using System.Globalization;
using System.Management.Automation;

namespace MfuTools.Cmdlets.Infrastructure
{
    /// <summary>
    /// Reads a number the same way under every culture: strings parse with the invariant
    /// culture (a dot before the decimals, no thousands separator), so "0.5" from
    /// Import-Csv is one half on a German system too. An empty string means "not given".
    /// Text that is not a number is an error: PowerShell would otherwise skip a piped value
    /// it cannot convert and keep the parameter's default without a word.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class InvariantNumberAttribute : ArgumentTransformationAttribute
    {
        /// <summary>Accept only whole numbers (counts such as devices or sequences), returned as <see cref="long"/>.</summary>
        public bool WholeNumber { get; set; }

        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            var number = ToDouble(inputData);
            if (!WholeNumber || number == null)
            {
                return number;
            }

            var whole = (double)number;
            if (Math.Floor(whole) != whole || Math.Abs(whole) > long.MaxValue / 2)
            {
                throw new ArgumentTransformationMetadataException($"'{inputData}' is not a whole number.");
            }

            return (long)whole;
        }

        private static object ToDouble(object inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            switch (value)
            {
                case null:
                    return null;
                case string text:
                    return Parse(text);
                case double _:
                case float _:
                case decimal _:
                case int _:
                case long _:
                case short _:
                case byte _:
                case uint _:
                case ulong _:
                    return Convert.ToDouble(value, CultureInfo.InvariantCulture);
                default:
                    throw new ArgumentTransformationMetadataException(
                        $"Cannot read a {value.GetType().Name} as a number. Give a number such as 1234.5.");
            }
        }

        private static object Parse(string text)
        {
            var trimmed = text.Trim();
            if (trimmed.Length == 0)
            {
                return null;
            }

            if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                return number;
            }

            throw new ArgumentTransformationMetadataException(
                $"'{text}' is not a number. Write numbers with a dot as the decimal separator and no thousands separator, for example 1234.5.");
        }
    }
}
