using PcapDiff.Capture;
using PcapDiff.Core.FlowsFiles;
using PcapDiff.Testing;
using PcapDiff.TestSupport;

namespace PcapDiff.Testing.Tests;

/// <summary>The snapshot assertion: pass, fail with a report and a received file, accept.</summary>
public sealed class FlowSnapshotTests
{
    private static readonly FlowSnapshotSettings Strict = new() { AcceptReceived = false };

    [Fact]
    public void Should_find_the_capture_and_the_verified_file_beside_the_test_source_When_both_paths_are_relative()
    {
        // The working directory is the build output; both paths are relative to this file's folder.
        Assert.False(File.Exists("../../testdata/captures/good-nc-2.pcap"));

        FlowSnapshot.Verify("../../testdata/captures/good-nc-2.pcap", "ExampleTests.Collector_exchange_still_looks_the_same.verified.flows", Strict);
    }

    [Fact]
    public void Should_pass_and_leave_no_received_file_When_the_capture_matches()
    {
        using var temp = new TempDirectory();
        string verified = Verified(temp, "good-nc-1.pcap");

        FlowSnapshot.Verify(RepoPaths.Capture("good-nc-2.pcap"), verified, Strict);

        Assert.False(File.Exists(Received(verified)));
    }

    [Fact]
    public void Should_fail_with_a_side_by_side_report_and_write_the_received_file_When_an_event_line_was_changed()
    {
        using var temp = new TempDirectory();
        string verified = Verified(temp, "good-nc-1.pcap");
        File.WriteAllText(verified, File.ReadAllText(verified).Replace("S→C DATA 4B \"201\\n\"", "S→C DATA 4B \"500\\n\"", StringComparison.Ordinal));

        var failure = Assert.Throws<FlowSnapshotException>(() => FlowSnapshot.Verify(RepoPaths.Capture("good-nc-2.pcap"), verified, Strict));

        Assert.Contains("good-nc-2.pcap does not match", failure.Message, StringComparison.Ordinal);
        Assert.Contains("DIFFERENT", failure.Message, StringComparison.Ordinal);
        string words = System.Text.RegularExpressions.Regex.Replace(failure.Message, @"\s+", " ");
        Assert.Contains("the server sent 4 bytes of data (\"201\\n\", #8) instead of 4 bytes of data (\"500\\n\")", words, StringComparison.Ordinal);
        Assert.Matches(@"≠\s+\d+ S→C DATA 4B ""500\\n""\s+\d+ S→C DATA 4B ""201\\n""", failure.Message);
        Assert.Equal(FlowsWriter.ToText(RunLoader.Load(RepoPaths.Capture("good-nc-2.pcap")).Flows), File.ReadAllText(Received(verified)));
    }

    [Fact]
    public void Should_pass_again_When_the_received_file_is_accepted()
    {
        using var temp = new TempDirectory();
        string verified = Verified(temp, "bad-raw-rst.pcap");
        string capture = RepoPaths.Capture("good-nc-1.pcap");
        Assert.Throws<FlowSnapshotException>(() => FlowSnapshot.Verify(capture, verified, Strict));

        File.Move(Received(verified), verified, overwrite: true);

        FlowSnapshot.Verify(capture, verified, Strict);
    }

    [Fact]
    public void Should_accept_instead_of_failing_When_accepting_is_switched_on()
    {
        using var temp = new TempDirectory();
        string verified = Verified(temp, "refused.pcap");

        FlowSnapshot.Verify(RepoPaths.Capture("good-nc-1.pcap"), verified, new FlowSnapshotSettings { AcceptReceived = true });

        FlowSnapshot.Verify(RepoPaths.Capture("good-nc-2.pcap"), verified, Strict);
        Assert.False(File.Exists(Received(verified)));
    }

    [Fact]
    public void Should_fail_saying_how_to_accept_When_there_is_no_verified_snapshot()
    {
        using var temp = new TempDirectory();
        string verified = Path.Combine(temp.Path, "New.verified.flows");

        var failure = Assert.Throws<FlowSnapshotException>(() => FlowSnapshot.Verify(RepoPaths.Capture("good-nc-1.pcap"), verified, Strict));

        Assert.StartsWith($"No verified snapshot {verified}", failure.Message, StringComparison.Ordinal);
        Assert.Contains("accept it: mv ", failure.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(temp.Path, "New.received.flows")));
        Assert.False(File.Exists(verified));
    }

    [Fact]
    public void Should_pass_When_the_snapshot_allows_a_varying_length_and_an_optional_flow()
    {
        using var temp = new TempDirectory();
        string verified = temp.Write("Slack.verified.flows", """
            pcapdiff flows 1

            optional flow UDP collector.test:53 dns collector.test
              C→S DNS query A collector.test
              S→C DNS response NOERROR A collector.test (answers: A)

            flow TCP collector.test:8514
              C→S SYN
              S→C SYN-ACK
              C→S ACK
              C→S DATA 1..64B
              S→C DATA *B "20"…
              C→S FIN
              S→C FIN

            """u8.ToArray());

        FlowSnapshot.Verify(RepoPaths.Capture("good-nc-1.pcap"), verified, new FlowSnapshotSettings { AcceptReceived = false, Filter = "tcp" });
        FlowSnapshot.Verify(RepoPaths.Capture("good-nc-2.pcap"), verified, Strict);
        Assert.Throws<FlowSnapshotException>(() => FlowSnapshot.Verify(RepoPaths.Capture("refused.pcap"), verified, Strict));
    }

    [Fact]
    public void Should_name_the_line_When_the_verified_snapshot_has_a_mistake()
    {
        using var temp = new TempDirectory();
        string verified = temp.Write("Broken.verified.flows", "pcapdiff flows 1\n\nflow TCP collector.test:8514\n  C→S SYNN\n"u8.ToArray());

        var failure = Assert.Throws<FlowSnapshotException>(() => FlowSnapshot.Verify(RepoPaths.Capture("good-nc-1.pcap"), verified, Strict));

        Assert.Contains("Broken.verified.flows:4: unknown event \"SYNN\"", failure.Message, StringComparison.Ordinal);
    }

    private static string Verified(TempDirectory temp, string capture)
    {
        string path = Path.Combine(temp.Path, "Case.verified.flows");
        File.WriteAllText(path, FlowsWriter.ToText(RunLoader.Load(RepoPaths.Capture(capture)).Flows));
        return path;
    }

    private static string Received(string verified) => verified.Replace(".verified.", ".received.", StringComparison.Ordinal);
}
