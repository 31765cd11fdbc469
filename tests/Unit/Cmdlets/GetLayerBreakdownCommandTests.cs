using System.Linq;
using MfuTools.Core.Modules;
using MfuTools.Core.Results;
using Xunit;

namespace MfuTools.Tests.Cmdlets
{
    public class GetLayerBreakdownCommandTests
    {
        [Fact]
        public void LayerFilter_GivesThatLayersRowsInForwardOrder()
        {
            using (var shell = new PowerShellRunner())
            {
                var rows = shell.Run<LayerBreakdownRow>("Get-LayerBreakdown -Model Qwen2.5-7B -Layer 3");

                Assert.Empty(shell.Errors);
                Assert.All(rows, r => Assert.Equal(3, r.Layer));
                Assert.Equal("model.layers.3.input_layernorm", rows.First().Module);
                Assert.Equal("model.layers.3.residual_add_mlp", rows.Last().Module);
                Assert.Equal(18, rows.Count);
            }
        }

        [Fact]
        public void Shapes_AreFlatStrings()
        {
            using (var shell = new PowerShellRunner())
            {
                var q = shell.Run<LayerBreakdownRow>("Get-LayerBreakdown -Model Qwen2.5-7B -Layer 0 -BatchSize 2").Single(r => r.Module.EndsWith("q_proj"));

                // Qwen2.5-7B: q_proj is Linear(3584 → 28·128) with bias.
                Assert.Equal("(3584, 3584)", q.WeightShape);
                Assert.Equal("(3584)", q.BiasShape);
                Assert.Equal("(2, 2048, 3584)", q.InputShape);
                Assert.Equal("(2, 2048, 3584)", q.OutputShape);
                Assert.Equal(ModuleKind.Linear, q.Kind);
            }
        }

        [Fact]
        public void ModelLevelRows_HaveNoLayer()
        {
            using (var shell = new PowerShellRunner())
            {
                var rows = shell.Run<LayerBreakdownRow>("Get-LayerBreakdown -Model Llama-2-7B");

                Assert.Null(rows.Single(r => r.Module == "model.norm").Layer);
                Assert.Null(rows.Single(r => r.Module == "lm_head").Layer);
                // Embedding and rotary, 18 modules in each of 32 layers, then model.norm and lm_head.
                Assert.Equal(2 + 32 * 18 + 2, rows.Count);
            }
        }

        [Fact]
        public void LayerOutOfRange_IsError()
        {
            using (var shell = new PowerShellRunner())
            {
                var rows = shell.Run("Get-LayerBreakdown -Model Qwen2.5-0.5B -Layer 24");

                Assert.Empty(rows);
                Assert.StartsWith("LayerOutOfRange,", Assert.Single(shell.Errors).FullyQualifiedErrorId);
            }
        }

        [Fact]
        public void Verbose_StatesDerivedHeadDim()
        {
            using (var shell = new PowerShellRunner())
            {
                shell.Run("Get-LayerBreakdown -Path $p -Layer 0 -Verbose", new System.Collections.Generic.Dictionary<string, object> { ["p"] = TestData.Config("meta-llama__Llama-2-7b-hf.json") });

                Assert.Contains(shell.Verbose, v => v.Contains("head_dim derived as hidden_size / num_attention_heads = 4096 / 32 = 128"));
            }
        }
    }
}
