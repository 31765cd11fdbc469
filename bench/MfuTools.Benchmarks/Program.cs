using BenchmarkDotNet.Running;

namespace MfuTools.Benchmarks
{
    public static class Program
    {
        /// <summary>Runs the benchmarks the arguments select (BenchmarkDotNet's --filter, --job and so on).</summary>
        public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
