using MfuTools.Core.Catalogs;
using MfuTools.Core.Errors;
using MfuTools.Core.Hardware;
using Xunit;

namespace MfuTools.Tests.Engine
{
    /// <summary>A pasted blob where a name belongs fails fast, and the message quotes only its start.</summary>
    public class LongNameTests
    {
        private static readonly string Blob = new string('x', 1_000_000);

        [Fact]
        public void LongPresetName_IsShortenedInMessage()
        {
            var ex = Assert.Throws<MfuException>(() => PresetCatalog.Find(Blob));

            Assert.Equal(ErrorIds.PresetNotFound, ex.ErrorId);
            Assert.True(ex.Message.Length < 1000);
        }

        [Fact]
        public void LongAcceleratorName_IsShortenedInMessage()
        {
            var ex = Assert.Throws<MfuException>(() => AcceleratorCatalog.Resolve(Blob));

            Assert.Equal(ErrorIds.AcceleratorNotFound, ex.ErrorId);
            Assert.True(ex.Message.Length < 1000);
        }
    }
}
