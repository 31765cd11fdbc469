using System.Collections.Generic;
using System.Linq;
using MfuTools.Core.Counting;
using MfuTools.Core.Results;
using Xunit;

namespace MfuTools.Tests.Cmdlets
{
    public class GetModelFlopsCommandTests
    {
        [Fact]
        public void Preset_GivesOneRowPerModuleKind()
        {
            using (var shell = new PowerShellRunner())
            {
                var rows = shell.Run<ModelFlopsRow>("Get-ModelFlops -Model Qwen2.5-7B");

                Assert.Empty(shell.Errors);
                var q = rows.Single(r => r.Module == "self_attn.q_proj");
                Assert.Equal(28, q.Layers);

                // 28 layers of 2·T·h·(nh·d) + T·(nh·d) at B = 1, S = 2048 (Qwen2.5-7B config).
                Assert.Equal(28m * 52_620_689_408, q.ForwardFlops);
                Assert.Equal(3 * q.ForwardFlops, q.TrainingFlops);
                Assert.Equal(Convention.Detailed, q.Convention);
            }
        }

        [Fact]
        public void Rows_SumToSummary()
        {
            using (var shell = new PowerShellRunner())
            {
                var rows = shell.Run<ModelFlopsRow>("Get-ModelFlops -Model Llama-3.1-8B -BatchSize 4 -SequenceLength 8192");
                var summary = shell.Run<ModelFlopsSummary>("Get-ModelFlops -Model Llama-3.1-8B -BatchSize 4 -SequenceLength 8192 -Summary").Single();

                Assert.Equal(summary.ForwardFlops, rows.Sum(r => r.ForwardFlops));
                Assert.Equal(summary.Parameters, rows.Sum(r => r.Parameters));
                Assert.Equal(1.0, rows.Sum(r => r.Share), 9);
            }
        }

        [Fact]
        public void BadPathBetweenGoodOnes_WritesOneErrorAndKeepsGoing()
        {
            using (var shell = new PowerShellRunner())
            {
                var paths = new[]
                {
                    TestData.Config("Qwen__Qwen2.5-7B.json"),
                    "/nonexistent/config.json",
                    TestData.Config("meta-llama__Llama-2-7b-hf.json"),
                };
                var rows = shell.Run<ModelFlopsSummary>("$paths | Get-ModelFlops -Summary", new Dictionary<string, object> { ["paths"] = paths });

                Assert.Equal(2, rows.Count);
                var error = Assert.Single(shell.Errors);
                Assert.StartsWith("ConfigNotFound,", error.FullyQualifiedErrorId);
            }
        }

        [Fact]
        public void UnsupportedModelType_IsNotImplementedError()
        {
            // An encoder such as BERT (bert-base-uncased's dimensions) has no module tree here.
            var file = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "mfutools-bert-" + System.Guid.NewGuid().ToString("N") + ".json");
            System.IO.File.WriteAllText(file, "{\"model_type\": \"bert\", \"hidden_size\": 768, \"num_hidden_layers\": 12, \"num_attention_heads\": 12, \"intermediate_size\": 3072, \"vocab_size\": 30522}");
            try
            {
                using (var shell = new PowerShellRunner())
                {
                    shell.Run("Get-ModelFlops -Path $p -Summary", new Dictionary<string, object> { ["p"] = file });

                    var error = Assert.Single(shell.Errors);
                    Assert.StartsWith("ModelTypeNotSupported,", error.FullyQualifiedErrorId);
                    Assert.Contains("bert", error.Exception.Message);
                }
            }
            finally
            {
                System.IO.File.Delete(file);
            }
        }

        [Fact]
        public void ClosedFormConventionRows_PointToSummary()
        {
            using (var shell = new PowerShellRunner())
            {
                shell.Run("Get-ModelFlops -Model Qwen2.5-7B -Convention PaLM");

                var error = Assert.Single(shell.Errors);
                Assert.StartsWith("ConventionHasNoRows,", error.FullyQualifiedErrorId);
            }
        }
    }
}
