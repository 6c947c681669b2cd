using System.Diagnostics;
using PcapDiff.TestSupport;

namespace PcapDiff.Cli.Tests;

/// <summary>
/// The real pcapdiff process fed the way a Unix user feeds it: the shell's <c>&lt;(…)</c>, a FIFO,
/// standard input as <c>-</c> (plain, gzip and a <c>.flows</c> file), output to <c>-</c>, and a
/// SIGTERM in the middle of copying a pipe, which must leave no temporary file behind.
/// </summary>
public sealed class PipeTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Should_read_the_capture_When_it_comes_through_the_shells_process_substitution()
    {
        var run = Shell($"{Pcapdiff} <(cat {Quote(Capture("good-nc-1.pcap"))}) {Quote(Capture("server-silent.pcap"))}");

        Assert.Equal(ExitCodes.Different, run.ExitCode);
        Assert.Contains("good: /dev/fd/", run.Output, StringComparison.Ordinal);
        Assert.Contains("(12 frames, pcap, 2 flows)", run.Output, StringComparison.Ordinal);
        Assert.Contains("First divergence: TCP collector.test:8514", run.Output, StringComparison.Ordinal);
        Assert.Empty(run.Error);
    }

    [Fact]
    public void Should_read_a_gzip_capture_When_zcat_style_substitution_hands_it_over_compressed()
    {
        string gzip = Path.Combine(_directory.Path, "good.pcap.gz");
        Assert.Equal(0, Shell($"gzip -c {Quote(Capture("good-nc-1.pcap"))} > {Quote(gzip)}").ExitCode);

        var run = Shell($"{Pcapdiff} <(cat {Quote(gzip)}) {Quote(Capture("good-nc-1.pcap"))}");

        Assert.Equal(ExitCodes.Equivalent, run.ExitCode);
        Assert.Contains("(12 frames, pcap (gzip), 2 flows)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_read_the_capture_When_it_is_a_fifo_with_a_writer()
    {
        string fifo = Path.Combine(_directory.Path, "capture.fifo");
        var run = Shell($"mkfifo {Quote(fifo)} && (cat {Quote(Capture("good-nc-1.pcap"))} > {Quote(fifo)} &) && {Pcapdiff} {Quote(fifo)} {Quote(Capture("good-nc-1.pcap"))}");

        Assert.Equal(ExitCodes.Equivalent, run.ExitCode);
        Assert.Contains("good: capture.fifo (12 frames, pcap, 2 flows)", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cat", "pcap")]
    [InlineData("gzip -c", "pcap (gzip)")]
    public void Should_read_standard_input_When_an_input_is_a_dash(string feed, string format)
    {
        var run = Shell($"{feed} {Quote(Capture("good-nc-1.pcap"))} | {Pcapdiff} - {Quote(Capture("server-silent.pcap"))}");

        Assert.Equal(ExitCodes.Different, run.ExitCode);
        Assert.Contains($"good: standard input (12 frames, {format}, 2 flows)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_read_an_expectation_from_standard_input_When_a_flows_file_is_piped_in()
    {
        var run = Shell($"{Pcapdiff} flows {Quote(Capture("good-nc-1.pcap"))} -o - | {Pcapdiff} - {Quote(Capture("good-nc-1.pcap"))}");

        Assert.Equal(ExitCodes.Equivalent, run.ExitCode);
        Assert.Contains("good: standard input (2 flows)", run.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_directory.Path, "-")));
    }

    [Fact]
    public void Should_print_the_html_report_alone_When_the_html_path_is_a_dash()
    {
        var run = Shell($"{Pcapdiff} {Quote(Capture("good-nc-1.pcap"))} {Quote(Capture("server-silent.pcap"))} --html -");

        Assert.Equal(ExitCodes.Different, run.ExitCode);
        Assert.StartsWith("<!DOCTYPE html>", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("First divergence:", run.Output.Split("</html>")[^1], StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_directory.Path, "-")));
    }

    [Fact]
    public void Should_never_wrap_a_line_When_the_output_is_a_pipe()
    {
        var stats = Shell($"{Pcapdiff} stats {Quote(Capture("good-nc-1.pcap"))} | cat");
        var report = Shell($"{Pcapdiff} {Quote(Capture("good-nc-1.pcap"))} {Quote(Capture("server-silent.pcap"))} | cat");

        // Each conversation is one row whole: endpoints, name and times on the same line.
        Assert.Contains(stats.Output.Split('\n'), l => l.Contains("192.0.2.10:", StringComparison.Ordinal) && l.Contains("192.0.2.1:8514", StringComparison.Ordinal)
            && l.Contains("collector.test", StringComparison.Ordinal) && l.TrimEnd().EndsWith("0.106038", StringComparison.Ordinal));

        // The first divergence is one sentence on one line, however long.
        Assert.Contains(report.Output.Split('\n'), l => l.StartsWith("  After the client's 5 bytes of data", StringComparison.Ordinal)
            && l.TrimEnd().EndsWith("the client closed 3.0 s later (#8).", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("> /dev/full", "standard output")]
    [InlineData("--json > /dev/full", "standard output")]
    [InlineData("--html /dev/full", "/dev/full")]
    public void Should_say_it_cannot_write_When_the_disk_is_full(string redirect, string target)
    {
        var run = Shell($"{Pcapdiff} {Quote(Capture("good-nc-1.pcap"))} {Quote(Capture("server-silent.pcap"))} {redirect}");

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Equal($"pcapdiff: cannot write {target}: No space left on device", run.Error.Trim());
    }

    [Fact]
    public void Should_end_quietly_When_the_reader_of_its_output_goes_away()
    {
        // A report of some 300 KB: far more than a pipe holds once head has gone.
        string afs = Path.Combine(RepoPaths.Corpus, "tcpdump-tests", "afs.pcap");
        var run = Shell($"{Pcapdiff} {Quote(afs)} {Quote(afs)} --json | head -1; exit ${{PIPESTATUS[0]}}");

        Assert.Equal("{", run.Output.Trim());
        Assert.Equal(ExitCodes.Equivalent, run.ExitCode);
        Assert.All(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => Assert.StartsWith("pcapdiff: warning: afs.pcap: ", l, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("C", null, true)]
    [InlineData("POSIX", null, true)]
    [InlineData("C", "C.UTF-8", false)]
    [InlineData("en_US.UTF-8", null, false)]
    public void Should_write_ascii_only_When_the_locale_is_not_utf8(string lang, string? lcAll, bool ascii)
    {
        string[] args = [Path.Combine(AppContext.BaseDirectory, "pcapdiff.dll"), Capture("good-nc-1.pcap"), Capture("server-silent.pcap")];
        var environment = new Dictionary<string, string?> { ["LANG"] = lang, ["LC_ALL"] = lcAll, ["LC_CTYPE"] = null };
        var report = ExternalProcess.Run("dotnet", args, Timeout, environment: environment);
        var stats = ExternalProcess.Run("dotnet", [args[0], "stats", args[1], args[2]], Timeout, environment: environment);

        Assert.Equal(ExitCodes.Different, report.ExitCode);
        if (ascii)
        {
            Assert.All(new[] { report.Output, stats.Output }, o => Assert.True(o.All(char.IsAscii), o));
            Assert.Contains("6 C->S DATA 5B \"hoge\\n\"", report.Output, StringComparison.Ordinal);
            Assert.Contains("Rows: != changed", report.Output, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("6 C→S DATA 5B \"hoge\\n\"", report.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Should_show_progress_on_stderr_When_stderr_is_a_terminal_and_the_report_goes_to_a_file()
    {
        Assert.SkipUnless(File.Exists("/usr/bin/script"), "script(1) gives the run a terminal");
        string fifo = Path.Combine(_directory.Path, "slow.fifo");
        string report = Path.Combine(_directory.Path, "report.txt");
        string terminal = Path.Combine(_directory.Path, "terminal.log");

        // The capture arrives after 1.5 s, longer than the second before progress shows.
        string command = $"mkfifo {Quote(fifo)} && ((sleep 1.5; cat {Quote(Capture("good-nc-1.pcap"))}) > {Quote(fifo)} &) && "
            + $"script -qfec {Quote($"{Pcapdiff} {Quote(fifo)} {Quote(Capture("server-silent.pcap"))} > {Quote(report)}")} {Quote(terminal)}";
        var run = Shell(command);

        Assert.Equal(ExitCodes.Different, run.ExitCode);
        Assert.Contains("slow.fifo", File.ReadAllText(terminal), StringComparison.Ordinal);
        Assert.Contains("pairing and aligning flows", File.ReadAllText(terminal), StringComparison.Ordinal);
        Assert.StartsWith("good: slow.fifo (12 frames, pcap, 2 flows)", File.ReadAllText(report), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_with_one_line_When_both_inputs_are_standard_input()
    {
        var run = Shell($"{Pcapdiff} - - < {Quote(Capture("good-nc-1.pcap"))}");

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Equal("pcapdiff: only one input can be standard input (-)", run.Error.Trim());
    }

    [Fact]
    public void Should_say_it_cannot_write_When_the_flows_output_folder_is_missing()
    {
        var run = Shell($"{Pcapdiff} flows {Quote(Capture("good-nc-1.pcap"))} -o {Quote(Path.Combine(_directory.Path, "missing", "x.flows"))}");

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.StartsWith($"pcapdiff: cannot write {Path.Combine(_directory.Path, "missing", "x.flows")}: ", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_leave_no_temporary_copy_When_terminated_while_a_pipe_is_copied()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "signals and FIFOs as on Linux");
        string temporary = Directory.CreateDirectory(Path.Combine(_directory.Path, "tmp")).FullName;
        string fifo = Path.Combine(_directory.Path, "slow.fifo");
        Assert.Equal(0, Shell($"mkfifo {Quote(fifo)}").ExitCode);

        // A writer that sends a capture's first bytes and then holds the pipe open: pcapdiff is
        // copying it into a temporary file when the signal comes.
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "pcapdiff.dll"));
        start.ArgumentList.Add(fifo);
        start.ArgumentList.Add(Capture("good-nc-1.pcap"));
        start.Environment["TMPDIR"] = temporary;
        using var pcapdiff = Process.Start(start)!;
        using var writer = Process.Start(new ProcessStartInfo("bash", ["-c", $"(cat {Quote(Capture("good-nc-1.pcap"))}; sleep 60) > {Quote(fifo)}"]) { UseShellExecute = false })!;
        try
        {
            Assert.True(WaitFor(() => Directory.GetFiles(temporary, "pcapdiff-*").Length > 0), "pcapdiff made no temporary copy of the pipe");
            Assert.Equal(0, Shell($"kill -TERM {pcapdiff.Id}").ExitCode);
            Assert.True(pcapdiff.WaitForExit(Timeout), "pcapdiff did not end on SIGTERM");
            Assert.Empty(Directory.GetFiles(temporary, "pcapdiff-*"));
            Assert.NotEqual(0, pcapdiff.ExitCode);
        }
        finally
        {
            writer.Kill(entireProcessTree: true);
            if (!pcapdiff.HasExited)
            {
                pcapdiff.Kill();
            }
        }
    }

    private static string Pcapdiff => $"dotnet {Quote(Path.Combine(AppContext.BaseDirectory, "pcapdiff.dll"))}";

    private static string Capture(string name) => RepoPaths.Capture(name);

    private static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private CliRun Shell(string command) => ExternalProcess.Run("bash", ["-c", command], Timeout, _directory.Path);

    private static bool WaitFor(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Timeout)
        {
            if (condition())
            {
                return true;
            }

            Thread.Sleep(50);
        }

        return false;
    }
}
