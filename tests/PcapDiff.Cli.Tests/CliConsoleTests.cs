using PcapDiff.TestSupport;

namespace PcapDiff.Cli.Tests;

/// <summary>The command line asks its terminal and environment only through <see cref="CliConsole"/>: in-process, as if on any terminal.</summary>
public sealed class CliConsoleTests
{
    private static readonly string[] Pair = [RepoPaths.Capture("good-nc-1.pcap"), RepoPaths.Capture("server-silent.pcap")];

    [Fact]
    public void Should_colour_and_lay_out_to_the_terminal_When_the_output_is_a_terminal()
    {
        var terminal = new CliConsole(OutputIsTerminal: true, ErrorIsTerminal: false, TerminalWidth: 80, _ => null);

        var run = Run(terminal, Pair);

        Assert.Contains('\u001b', run.Output);
        Assert.All(Plain(run.Output).Split('\n'), l => Assert.True(l.Length <= 80, l));
    }

    [Theory]
    [InlineData("NO_COLOR", "1")]
    [InlineData("TERM", "dumb")]
    public void Should_not_colour_When_the_environment_says_so(string name, string value)
    {
        var terminal = new CliConsole(true, false, 80, n => n == name ? value : null);

        Assert.DoesNotContain('\u001b', Run(terminal, Pair).Output);
    }

    [Fact]
    public void Should_write_ascii_When_the_locale_is_not_utf8()
    {
        var c = new CliConsole(false, false, null, n => n == "LANG" ? "C" : null);

        var run = Run(c, Pair);

        Assert.True(run.Output.All(char.IsAscii), run.Output);
        Assert.Contains("C->S DATA 5B", run.Output, StringComparison.Ordinal);
    }

    private static CliRun Run(CliConsole console, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CliApplication.Run(args, output, error, console);
        return new CliRun(code, output.ToString().ReplaceLineEndings("\n"), error.ToString());
    }

    private static string Plain(string text) => System.Text.RegularExpressions.Regex.Replace(text, "\u001b\\[[0-9;]*m", string.Empty);
}
