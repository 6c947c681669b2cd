using PcapDiff.TestSupport;

namespace PcapDiff.Cli.Tests;

/// <summary>Tier 3b: the real pcapdiff process, as a user runs it.</summary>
public sealed class ProcessTests
{
    [Fact]
    public void Should_print_the_report_and_exit_1_When_run_as_a_process_on_the_raw_socket_pair()
    {
        var run = Start(RepoPaths.Capture("good-nc-1.pcap"), RepoPaths.Capture("bad-raw-rst.pcap"));

        Assert.Equal(ExitCodes.Different, run.ExitCode);
        Assert.Contains("First divergence: TCP collector.test:8514", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', run.Output);
        Assert.Empty(run.Error);
    }

    [Fact]
    public void Should_exit_2_without_a_stack_trace_When_run_as_a_process_on_a_missing_file()
    {
        var run = Start("no-such-capture.pcap", RepoPaths.Capture("good-nc-1.pcap"));

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Equal("pcapdiff: no such file: no-such-capture.pcap", run.Error.Trim());
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_answer_the_version_When_asked()
    {
        var run = Start("--version");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^pcapdiff \d+\.\d+\.\d+( \([0-9a-f]{7}\))?$", run.Output.Trim());
    }

    private static CliRun Start(params string[] args) =>
        ExternalProcess.Run("dotnet", args.Prepend(Path.Combine(AppContext.BaseDirectory, "pcapdiff.dll")), TimeSpan.FromSeconds(60));
}
