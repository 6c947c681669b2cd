using PcapDiff.TestSupport;

namespace PcapDiff.Cli.Tests;

/// <summary>A command line pcapdiff cannot parse gets one line in plain words naming what is wrong, and exit 2.</summary>
public sealed class ParseErrorTests
{
    private static readonly string Good = RepoPaths.Capture("good-nc-1.pcap");

    public static TheoryData<string[], string> Mistakes => new()
    {
        { ["--bogus", Good, Good], "unknown option '--bogus'" },
        { [Good, Good, "--brieff"], "unknown option '--brieff'" },
        { ["flows", "--bogus", Good], "unknown option '--bogus'" },
        { ["--width", "abc", Good, Good], "--width: 'abc' is not a number" },
        { ["--color", "blue", Good, Good], "--color: 'blue' is not one of auto, always, never" },
        { [Good], "missing BAD capture" },
        { [], "missing GOOD and BAD captures" },
        { ["stats"], "stats: missing CAPTURE" },
        { ["flows"], "flows: missing CAPTURE" },
        { [Good, Good, Good], $"unexpected argument '{Good}'" },
        { [Good, Good, "--width"], "--width needs a value" },
        { ["--", "-odd-name.pcap"], "missing BAD capture" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void Should_name_the_mistake_in_one_line_When_the_command_line_cannot_be_parsed(string[] args, string message)
    {
        var run = CliRun.Of(args);

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Equal($"pcapdiff: {message}\nTry 'pcapdiff --help'.\n", run.Error.ReplaceLineEndings("\n"));
        Assert.Empty(run.Output);
    }

    [Fact]
    public void Should_print_only_the_verdict_line_When_brief()
    {
        var run = CliRun.Of("-q", Good, RepoPaths.Capture("server-silent.pcap"));

        Assert.Equal(ExitCodes.Different, run.ExitCode);
        Assert.Equal("DIFFERENT: 2 flows paired (1 equal, 1 diverging), 0 only in good, 0 only in bad\n", run.Output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Should_still_write_the_whole_html_report_When_brief()
    {
        string html = Path.Combine(Path.GetTempPath(), $"pcapdiff-brief-{Guid.NewGuid():N}.html");
        try
        {
            var run = CliRun.Of("-q", "--html", html, Good, RepoPaths.Capture("server-silent.pcap"));

            Assert.Equal(ExitCodes.Different, run.ExitCode);
            string page = File.ReadAllText(html);
            Assert.Single(page.Split("<section class=\"pair\"")[1..]);
            Assert.Contains("id=\"first-divergence\"", page, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(html);
        }
    }

    [Fact]
    public void Should_name_itself_and_the_commit_When_asked_its_version()
    {
        var run = CliRun.Of("--version");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^pcapdiff \d+\.\d+\.\d+( \([0-9a-f]{7}\))?$", run.Output.Trim());
    }

    [Theory]
    [InlineData("flows", "  pcapdiff flows <CAPTURE> [options]\n")]
    [InlineData("stats", "  pcapdiff stats <CAPTURE> [<CAPTURE>] [options]\n")]
    public void Should_give_the_commands_own_usage_without_the_diffs_arguments_When_asked_for_a_commands_help(string command, string usage)
    {
        var run = CliRun.Of(command, "--help");

        Assert.Equal(0, run.ExitCode);
        string help = run.Output.ReplaceLineEndings("\n");
        Assert.Contains($"Usage:\n{usage}", help, StringComparison.Ordinal);
        Assert.DoesNotContain("<GOOD>", help, StringComparison.Ordinal);
        Assert.DoesNotContain("<BAD>", help, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_list_every_usage_and_both_arguments_When_asked_for_help()
    {
        var run = CliRun.Of("--help");

        string help = run.Output.ReplaceLineEndings("\n");
        Assert.Contains("  pcapdiff <GOOD> <BAD> [options]\n  pcapdiff flows <CAPTURE> [options]\n  pcapdiff stats <CAPTURE> [<CAPTURE>] [options]\n", help, StringComparison.Ordinal);
        Assert.Contains("  <GOOD>  The reference run", help, StringComparison.Ordinal);
        Assert.Contains("  stats <CAPTURE> [<CAPTURE>]  Conversations", help, StringComparison.Ordinal);
    }
}
