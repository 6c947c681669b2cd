using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;

namespace PcapDiff.Benchmarks;

/// <summary>BenchmarkDotNet's defaults (a job may be chosen on the command line, e.g. --job short), with allocations reported.</summary>
public static class BenchmarkConfig
{
    public static IConfig Create() => DefaultConfig.Instance.AddDiagnoser(MemoryDiagnoser.Default);
}
