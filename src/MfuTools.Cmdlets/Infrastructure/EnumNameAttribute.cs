using System;
using System.Management.Automation;

namespace MfuTools.Cmdlets.Infrastructure
{
    /// <summary>
    /// Turns text into a value of an enum, or fails with the valid names. A piped value
    /// that PowerShell cannot convert on its own is skipped without an error, leaving the
    /// parameter's default in place, so text is converted here.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class EnumNameAttribute : ArgumentTransformationAttribute
    {
        public EnumNameAttribute(Type enumType)
        {
            EnumType = enumType;
        }

        public Type EnumType { get; }

        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (!(value is string text))
            {
                return inputData;
            }

            var name = text.Trim();
            if (name.Length == 0)
            {
                return null;
            }

            foreach (var candidate in Enum.GetNames(EnumType))
            {
                if (string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase))
                {
                    return Enum.Parse(EnumType, candidate);
                }
            }

            throw new ArgumentTransformationMetadataException(
                $"'{text}' is not a valid {EnumType.Name}. Use one of {string.Join(", ", Enum.GetNames(EnumType))}.");
        }
    }
}
