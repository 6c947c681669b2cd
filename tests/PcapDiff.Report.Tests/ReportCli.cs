using PcapDiff.Cli;
using PcapDiff.TestSupport;

namespace PcapDiff.Report.Tests;

/// <summary>Runs the command line in-process, the way a user would.</summary>
internal static class ReportCli
{
    /// <summary>Exit code 1: the runs differ.</summary>
    public const int Different = 1;

    /// <summary>Runs <c>pcapdiff</c> with <paramref name="args"/>; fails unless it exits 0 or 1.</summary>
    public static (int ExitCode, string Output) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        int exitCode = CliApplication.Run(args, output, error, CliConsole.Pipes);

        Assert.True(exitCode is 0 or 1, $"pcapdiff {string.Join(' ', args)} exited {exitCode}: {error}");
        return (exitCode, output.ToString());
    }

    /// <summary>The <c>--json</c> report of two committed captures (or .flows files by path).</summary>
    public static string Json(string good, string bad) => Run(Resolve(good), Resolve(bad), "--json").Output;

    /// <summary>Writes the <c>--html</c> report of two runs to <paramref name="htmlPath"/>.</summary>
    public static int Html(string good, string bad, string htmlPath, params string[] options)
    {
        var (exitCode, _) = Run([Resolve(good), Resolve(bad), "--html", htmlPath, .. options]);
        Assert.True(File.Exists(htmlPath), $"pcapdiff wrote no {htmlPath}");
        return exitCode;
    }

    private static string Resolve(string capture) => Path.IsPathRooted(capture) ? capture : RepoPaths.Capture(capture);
}
