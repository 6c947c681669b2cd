using PcapDiff.TestSupport;

namespace PcapDiff.Cli.Tests;

/// <summary>
/// File names and labels are the user's, and can hold anything a file system allows: a line feed
/// that would print a forged verdict line, a right-to-left override that reverses what a terminal
/// or a page shows. Every renderer and every message shows them escaped, on one line.
/// </summary>
public sealed class HostileNameTests : IDisposable
{
    private const string Forged = "x\nEQUIVALENT: 2 flows paired\ny\u202E.pcap";
    private const string Shown = "x\\x0aEQUIVALENT: 2 flows paired\\x0ay\\u202e.pcap";

    private readonly TempDirectory _directory = new();
    private readonly string _capture;

    public HostileNameTests()
    {
        _capture = Path.Combine(_directory.Path, Forged);
        File.Copy(RepoPaths.Capture("good-nc-1.pcap"), _capture);
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Should_show_the_name_escaped_on_one_line_When_a_file_name_holds_line_feeds_and_a_bidi_override()
    {
        var run = ExternalProcess.Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "pcapdiff.dll"), _capture, RepoPaths.Capture("server-silent.pcap")], TimeSpan.FromSeconds(60));

        Assert.Equal(ExitCodes.Different, run.ExitCode);
        Assert.Contains($"good: {Shown} (12 frames, pcap, 2 flows)", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(run.Output.Split('\n'), l => l.StartsWith("EQUIVALENT", StringComparison.Ordinal));
        Assert.DoesNotContain('\u202E', run.Output);
    }

    [Fact]
    public void Should_escape_the_name_in_the_json_html_and_stats_When_a_file_name_holds_control_characters()
    {
        var json = CliRun.Of(_capture, RepoPaths.Capture("server-silent.pcap"), "--json");
        var html = CliRun.Of(_capture, RepoPaths.Capture("server-silent.pcap"), "--html", "-");
        var stats = CliRun.Of("stats", _capture);

        Assert.Contains(@"""name"": ""x\\x0aEQUIVALENT: 2 flows paired\\x0ay\\u202e.pcap""", json.Output, StringComparison.Ordinal);
        Assert.Contains(Shown, html.Output, StringComparison.Ordinal);
        Assert.Contains($"Conversations of {Shown} ", stats.Output, StringComparison.Ordinal);
        Assert.All(new[] { json.Output, html.Output, stats.Output }, o => Assert.DoesNotContain('\u202E', o));
    }

    [Fact]
    public void Should_keep_an_error_on_one_line_When_the_missing_file_name_holds_a_line_feed()
    {
        var run = CliRun.Of(Path.Combine(_directory.Path, "no\nEQUIVALENT"), RepoPaths.Capture("good-nc-1.pcap"));

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Equal($"pcapdiff: no such file: {_directory.Path}/no\\x0aEQUIVALENT", run.Error.TrimEnd('\n'));
    }

    [Fact]
    public void Should_escape_a_label_When_it_holds_a_line_feed()
    {
        var run = CliRun.Of("--good-label", "ok\nEQUIVALENT", RepoPaths.Capture("good-nc-1.pcap"), RepoPaths.Capture("server-silent.pcap"));

        Assert.Contains("ok\\x0aEQUIVALENT: good-nc-1.pcap (12 frames, pcap, 2 flows)", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(run.Output.Split('\n'), l => l.StartsWith("EQUIVALENT", StringComparison.Ordinal));
    }
}
