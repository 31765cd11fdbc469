namespace MfuTools.Core.Errors
{
    public static partial class ErrorIds
    {
        // Reading a training log.
        public const string TrainingLogNotFound = "TrainingLogNotFound";
        public const string TrainingLogReadFailed = "TrainingLogReadFailed";
        public const string TrainingLogJsonInvalid = "TrainingLogJsonInvalid";

        // Summarizing step records.
        public const string StepRecordInvalid = "StepRecordInvalid";
    }
}
