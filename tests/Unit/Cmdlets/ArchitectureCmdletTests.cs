using System.Collections.Generic;
using System.Linq;
using MfuTools.Core.Results;
using Xunit;

namespace MfuTools.Tests.Cmdlets
{
    /// <summary>Mixture-of-experts and vision-language models through the cmdlets.</summary>
    public class ArchitectureCmdletTests
    {
        [Fact]
        public void MoeSummary_ReportsActiveParameters()
        {
            using (var shell = new PowerShellRunner())
            {
                var summary = shell.Run<ModelFlopsSummary>("Get-ModelFlops -Model Mixtral-8x7B-v0.1 -Summary").Single();

                // Mixtral-8x7B: 46.7B parameters, 12.9B used per token (Mistral AI's announcement).
                Assert.Equal(46_702_792_704m, summary.Parameters);
                Assert.Equal(12_879_925_248m, summary.ActiveParameters);
            }
        }

        [Fact]
        public void VisionKeysBesideText_Warn()
        {
            // Qwen2.5-VL keeps its language model at the top level beside vision_config.
            using (var shell = new PowerShellRunner())
            {
                shell.Run("Get-ModelFlops -Path $p -Summary", new Dictionary<string, object> { ["p"] = TestData.Config("Qwen__Qwen2.5-VL-7B-Instruct.json") });

                var warning = Assert.Single(shell.Warnings);
                Assert.Contains("vision", warning);
            }
        }

        [Fact]
        public void ModelsPiped_GiveOneSummaryEach()
        {
            using (var shell = new PowerShellRunner())
            {
                var summaries = shell.Run<ModelFlopsSummary>("Get-MfuModel DeepSeek-V* | Get-ModelFlops -Summary");

                Assert.Equal(new[] { "DeepSeek-V2", "DeepSeek-V2-Lite", "DeepSeek-V3" }, summaries.Select(s => s.Model).ToArray());
                Assert.Empty(shell.Errors);
            }
        }

        [Fact]
        public void Gpt2BeyondPositions_Warns()
        {
            // GPT-2 small has n_positions 1024 learned positions; the default S is 2048.
            using (var shell = new PowerShellRunner())
            {
                shell.Run("Get-ModelFlops -Model GPT-2-small -Summary");

                var warning = Assert.Single(shell.Warnings);
                Assert.Contains("1024", warning);
            }
        }

        [Fact]
        public void Gpt2WithinPositions_DoesNotWarn()
        {
            using (var shell = new PowerShellRunner())
            {
                shell.Run("Get-MfuModel GPT-2-small | Get-ModelFlops -SequenceLength 1024 -Summary");

                Assert.Empty(shell.Warnings);
            }
        }
    }
}
