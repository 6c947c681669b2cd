using PcapDiff.Testing;
using PcapDiff.TestSupport;

namespace PcapDiff.Testing.Tests;

/// <summary>Every committed capture has a verified snapshot of its flows in testdata/flows, and still matches it.</summary>
public sealed class TestdataSnapshotTests
{
    public static TheoryData<string> Captures => [.. TestdataCaptures.Names];

    [Theory]
    [MemberData(nameof(Captures))]
    public void Should_match_its_verified_flows_When_a_committed_capture_is_read(string capture)
    {
        FlowSnapshot.Verify(RepoPaths.Capture(capture), Path.Combine(RepoPaths.Root, "testdata", "flows", capture + ".verified.flows"));
    }
}
