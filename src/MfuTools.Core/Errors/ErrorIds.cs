namespace MfuTools.Core.Errors
{
    /// <summary>
    /// Error ids MfuTools emits (each feature area adds its own in a partial file beside
    /// this one). These ids are a public contract: scripts match on
    /// them, so an id is never renamed once released.
    /// </summary>
    public static partial class ErrorIds
    {
        // Reading a config.json.
        public const string ConfigNotFound = "ConfigNotFound";
        public const string ConfigReadFailed = "ConfigReadFailed";
        public const string ConfigTooLarge = "ConfigTooLarge";
        public const string ConfigEncodingInvalid = "ConfigEncodingInvalid";
        public const string ConfigJsonInvalid = "ConfigJsonInvalid";
        public const string ConfigNotAnObject = "ConfigNotAnObject";
        public const string ConfigDuplicateKey = "ConfigDuplicateKey";
        public const string ConfigKeyMissing = "ConfigKeyMissing";
        public const string ConfigValueInvalid = "ConfigValueInvalid";
        public const string ConfigShapeInvalid = "ConfigShapeInvalid";
        public const string ModelTypeMissing = "ModelTypeMissing";
        public const string ModelTypeNotSupported = "ModelTypeNotSupported";

        // Choosing a model.
        public const string PresetNotFound = "PresetNotFound";

        // Run shape and conventions.
        public const string RunShapeInvalid = "RunShapeInvalid";
        public const string CountTooLarge = "CountTooLarge";
        public const string ConventionHasNoRows = "ConventionHasNoRows";
        public const string LayerOutOfRange = "LayerOutOfRange";
    }
}
