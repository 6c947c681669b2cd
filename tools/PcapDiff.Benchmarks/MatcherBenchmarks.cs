using BenchmarkDotNet.Attributes;
using PcapDiff.Capture;
using PcapDiff.Core.Alignment;
using PcapDiff.Core.Model;

namespace PcapDiff.Benchmarks;

/// <summary>The match stage: pairing the flows of the good and the bad capture (about 5,000 each, 5% of TCP flows failing).</summary>
public class MatcherBenchmarks
{
    private IReadOnlyList<Flow> _good = [];
    private IReadOnlyList<Flow> _bad = [];

    [GlobalSetup]
    public void Setup()
    {
        var (good, bad) = BenchmarkCaptures.Pair();
        _good = RunLoader.Load(good).Flows.Flows;
        _bad = RunLoader.Load(bad).Flows.Flows;
    }

    [Benchmark(Description = "FlowMatcher.Pair, generated pair")]
    public int Pair() => FlowMatcher.Pair(_good, _bad).Count;
}
