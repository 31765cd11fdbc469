using System.Linq;
using MfuTools.Core.Catalogs;
using MfuTools.Core.Counting;
using MfuTools.Core.Modules;
using Xunit;

namespace MfuTools.Tests.Engine
{
    /// <summary>The PaLM 540B preset: the parallel block of PaLM (Chowdhery et al. 2022), multi-query attention and shared embedding.</summary>
    public class PaLMTreeTests
    {
        [Fact]
        public void ParallelBlock_HasOneNormPerLayer()
        {
            var modules = PresetCatalog.Find("PaLM-540B").GetModules();

            // PaLM (Chowdhery et al. 2022, section 2): attention and MLP read the same
            // normalized input, so 118 layer norms plus the final one.
            Assert.Equal(119, modules.Count(m => m.Kind == ModuleKind.RmsNorm));
            Assert.DoesNotContain(modules, m => m.Name.EndsWith("post_attention_layernorm"));
        }

        [Fact]
        public void MultiQuery_KeyValueProjectionIsOneHead()
        {
            var modules = PresetCatalog.Find("PaLM-540B").GetModules();

            var k = modules.First(m => m.Name == "model.layers.0.self_attn.k_proj");
            var q = modules.First(m => m.Name == "model.layers.0.self_attn.q_proj");
            Assert.Equal(256, k.OutFeatures);
            Assert.Equal(48 * 256, q.OutFeatures);
            Assert.False(q.HasBias);
        }

        [Fact]
        public void PaLMConvention_MatchesAppendixB()
        {
            // PaLM Appendix B at S = 2048: (6·540,356,474,880 + 12·118·48·256·2048) · 2048 FLOPs per sequence.
            var summary = FlopCounter.Summary(PresetCatalog.Find("PaLM-540B"), new RunShape(1, 2048), Convention.PaLM);

            Assert.Equal((6m * 540_356_474_880 + 12m * 118 * 48 * 256 * 2048) * 2048, summary.TrainingFlops);
        }
    }
}
