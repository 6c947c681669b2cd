using BenchmarkDotNet.Attributes;
using PcapDiff.Capture;
using PcapDiff.Core.Flows;

namespace PcapDiff.Benchmarks;

/// <summary>The track and normalize stages: decoded packets (in memory) through FlowAssembler into normalized flows.</summary>
public class TrackerBenchmarks
{
    private readonly DecodedPackets _packets = new();

    [GlobalSetup]
    public void Setup() => CaptureReader.Read(BenchmarkCaptures.Pair().Good, new CaptureReaderOptions(), _packets);

    [Benchmark(Description = "FlowAssembler + normalizers, 200k packets")]
    public CaptureFlows AssembleAndNormalize()
    {
        var assembler = new FlowAssembler();
        _packets.ReplayInto(assembler);
        return assembler.Finish();
    }
}
