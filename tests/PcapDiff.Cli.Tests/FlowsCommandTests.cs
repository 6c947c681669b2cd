using PcapDiff.TestSupport;

namespace PcapDiff.Cli.Tests;

/// <summary>`pcapdiff flows` and .flows files standing in for captures.</summary>
public sealed class FlowsCommandTests
{
    public static TheoryData<string> Captures => [.. TestdataCaptures.Names];

    [Theory]
    [MemberData(nameof(Captures))]
    public void Should_be_equivalent_When_a_capture_is_compared_with_its_own_flows_file(string capture)
    {
        using var temp = new TempDirectory();
        var flows = Run("flows", RepoPaths.Capture(capture));
        Assert.Equal(0, flows.ExitCode);
        string expected = temp.Write("expected.flows", System.Text.Encoding.UTF8.GetBytes(flows.Output));

        var diff = Run(expected, RepoPaths.Capture(capture));

        Assert.Equal(ExitCodes.Equivalent, diff.ExitCode);
        Assert.Contains("EQUIVALENT", diff.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bad-raw-rst.pcap")]
    [InlineData("refused.pcap")]
    [InlineData("unanswered.pcap")]
    [InlineData("nxdomain.pcap")]
    public void Should_find_the_same_first_divergence_When_the_good_run_is_given_as_a_flows_file(string bad)
    {
        using var temp = new TempDirectory();
        string expected = temp.Write("good.flows", System.Text.Encoding.UTF8.GetBytes(Run("flows", RepoPaths.Capture("good-nc-1.pcap")).Output));

        var fromFlows = Run(expected, RepoPaths.Capture(bad));
        var fromCapture = Run(RepoPaths.Capture("good-nc-1.pcap"), RepoPaths.Capture(bad));

        Assert.Equal(ExitCodes.Different, fromFlows.ExitCode);
        Assert.Equal(FirstDivergence(fromCapture.Output), FirstDivergence(fromFlows.Output));
    }

    [Fact]
    public void Should_print_a_versioned_flows_file_When_asked_for_the_flows_of_a_capture()
    {
        var run = Run("flows", RepoPaths.Capture("good-nc-1.pcap"));

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("pcapdiff flows 1\n\nflow UDP collector.test:53 dns collector.test\n  C→S DNS query A collector.test\n", run.Output, StringComparison.Ordinal);
        Assert.Contains("\nflow TCP collector.test:8514\n  C→S SYN\n", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_print_the_same_text_When_two_good_runs_are_written_as_flows()
    {
        Assert.Equal(Run("flows", RepoPaths.Capture("good-nc-1.pcap")).Output, Run("flows", RepoPaths.Capture("good-nc-2.pcap")).Output);
    }

    [Fact]
    public void Should_exit_2_naming_the_line_When_a_flows_file_has_a_mistake()
    {
        using var temp = new TempDirectory();
        string broken = temp.Write("broken.flows", "pcapdiff flows 1\nflow TCP collector.test:8514\n  C→S SYNACK\n"u8.ToArray());

        var run = Run(broken, RepoPaths.Capture("good-nc-1.pcap"));

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Equal($"pcapdiff: {broken}:3: unknown event \"SYNACK\"", run.Error.Trim());
    }

    [Fact]
    public void Should_exit_2_When_asked_for_the_flows_of_something_that_is_not_a_capture()
    {
        var run = Run("flows", Path.Combine(RepoPaths.Root, "README.md"));

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Contains("is not a pcap or pcapng capture", run.Error, StringComparison.Ordinal);
    }

    private static string FirstDivergence(string report) =>
        report.Split('\n').SkipWhile(l => !l.StartsWith("First divergence", StringComparison.Ordinal)).Skip(1).First().Trim();

    private static CliRun Run(params string[] args) => CliRun.Of(args);
}
