using BenchmarkDotNet.Attributes;
using PcapDiff.Capture;
using PcapDiff.Core.Decoding;
using PcapDiff.Core.Model;

namespace PcapDiff.Benchmarks;

/// <summary>The read stage: libpcap's offline reader and the span decoder, packets handed to a sink that only counts.</summary>
public class ReaderBenchmarks
{
    private readonly CountingSink _sink = new();
    private string _good = string.Empty;

    [GlobalSetup]
    public void Setup() => _good = BenchmarkCaptures.Pair().Good;

    [Benchmark(Description = "CaptureReader.Read, 200k packets")]
    public long Read()
    {
        CaptureReader.Read(_good, new CaptureReaderOptions(), _sink);
        return _sink.Packets;
    }

    private sealed class CountingSink : IPacketSink
    {
        public long Packets { get; private set; }

        public void OnPacket(in PacketRecord packet, ReadOnlySpan<byte> payload) => Packets++;
    }
}
