using PcapDiff.Testing;
using PcapDiff.TestSupport;

namespace PcapDiff.Testing.Tests;

/// <summary>
/// What a user's own test looks like: pin a capture of a working exchange, and fail when a new
/// capture behaves differently. The verified snapshot is ExampleTests.Collector_exchange_still_looks_the_same.verified.flows
/// beside this file; it was accepted once from a good run.
/// </summary>
public sealed class ExampleTests
{
    [Fact]
    public void Collector_exchange_still_looks_the_same()
    {
        FlowSnapshot.Verify(RepoPaths.Capture("good-nc-2.pcap"));
    }

    [Fact]
    public void Collector_exchange_only_the_tcp_part()
    {
        FlowSnapshot.Verify(RepoPaths.Capture("good-nc-1.pcap"), settings: new FlowSnapshotSettings { Filter = "tcp port 8514" });
    }
}
