using System.CommandLine;
using PcapDiff.Capture;
using PcapDiff.Core;
using PcapDiff.Core.Reporting;
using PcapDiff.Rendering;
using PcapDiff.Rendering.Html;
using PcapDiff.Rendering.Json;
using PcapDiff.Rendering.Terminal;
using PcapDiff.Rendering.View;

namespace PcapDiff.Cli.Commands;

/// <summary><c>pcapdiff GOOD BAD</c>: the side-by-side divergence report, and the root of the command line.</summary>
internal sealed class DiffCommand
{
    private readonly Argument<string> _good = new("GOOD") { Description = "The reference run: a capture that works (pcap, pcapng, optionally gzip-compressed) or a .flows expectation." };
    private readonly Argument<string> _bad = new("BAD") { Description = "The run to compare with it." };
    private readonly CommonOptions _common = new();
    private readonly Option<int> _context = new("--context", "-C") { Description = "Equal events shown around each difference; longer equal runs are folded.", DefaultValueFactory = _ => 3 };
    private readonly Option<bool> _all = new("--all") { Description = "List equal flows and show their side-by-side too." };
    private readonly Option<int> _maxFlows = new("--max-flows") { Description = "Flows shown side by side at most; the rest are counted (0 for all).", DefaultValueFactory = _ => 50 };
    private readonly Option<bool> _zeek = new("--zeek") { Description = "Add each flow's Zeek conn_state and history (as in conn.log) to the flow table." };
    private readonly Option<string?> _html = new("--html") { Description = "Also write the report as one self-contained HTML file; with -, print it instead of the text report." };
    private readonly Option<bool> _json = new("--json") { Description = "Print the report as JSON instead of text." };
    private readonly Option<bool> _brief = new("--brief", "-q") { Description = "Print only the verdict line, as diff -q does; the exit code says the same." };

    /// <summary>The whole command line: this command at the root, <c>flows</c> and <c>stats</c> under it.</summary>
    public static RootCommand Create(TextWriter output, TextWriter error, CliConsole console)
    {
        var diff = new DiffCommand();
        var root = new RootCommand("Compares two packet captures of the same activity by behaviour and shows where the second departs from the first.")
        {
            diff._good,
            diff._bad,
        };
        foreach (var option in diff._common.ReadingAndTerminal.Concat([diff._context, diff._all, diff._maxFlows, diff._zeek, diff._html, diff._json, diff._brief]))
        {
            root.Add(option);
        }

        root.Add(FlowsCommand.Create(output, error));
        root.Add(StatsCommand.Create(output, error, console));
        root.SetAction(parsed => Run(diff.Settings(parsed, console), output, error, console));
        return root;
    }

    private DiffSettings Settings(ParseResult parsed, CliConsole console)
    {
        var (left, right) = _common.Labels(parsed);
        int context = parsed.GetValue(_context);
        if (context < 0)
        {
            throw new PcapDiffException("--context must be 0 or more");
        }

        int maxFlows = parsed.GetValue(_maxFlows);
        if (maxFlows < 0)
        {
            throw new PcapDiffException("--max-flows must be 0 or more");
        }

        var terminal = _common.Terminal(parsed, console);
        string good = parsed.GetValue(_good)!;
        string bad = parsed.GetValue(_bad)!;
        InputNames.CheckOneStandardInput([good, bad]);
        return new DiffSettings(
            good,
            bad,
            parsed.GetValue(_common.Filter),
            left,
            right,
            new ReportOptions(context, parsed.GetValue(_all), maxFlows, parsed.GetValue(_zeek)),
            terminal,
            parsed.GetValue(_html),
            parsed.GetValue(_json),
            parsed.GetValue(_brief));
    }

    private static int Run(DiffSettings settings, TextWriter output, TextWriter error, CliConsole console)
    {
        var report = Compare(settings, error, console);
        var view = ReportView.Of(report, settings.Report);
        WarningLines.Write(error, view.Warnings);

        if (settings.HtmlPath == "-")
        {
            // The HTML report is the output: nothing else goes to stdout.
            new HtmlRenderer().Render(view, output);
            return ExitCode(report);
        }

        if (settings.HtmlPath is { } path)
        {
            WriteHtml(view, path);
        }

        IReportRenderer renderer = settings.Json ? new ReportJson() : new TextRenderer(settings.Terminal, settings.Brief);
        renderer.Render(view, output);
        return ExitCode(report);
    }

    private static int ExitCode(DiffReport report) => report.Verdict == Verdict.Equivalent ? ExitCodes.Equivalent : ExitCodes.Different;

    private static void WriteHtml(ReportView view, string path)
    {
        try
        {
            using var file = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            new HtmlRenderer().Render(view, file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw WriteFailure.For(path, e);
        }
    }

    private static DiffReport Compare(DiffSettings settings, TextWriter error, CliConsole console)
    {
        var goodProgress = new ReadProgress();
        var badProgress = new ReadProgress();

        // The two runs are independent until they are compared: read them at the same time.
        var good = Task.Run(() => RunLoader.Load(settings.Good, new CaptureReaderOptions(settings.Filter, goodProgress)));
        var bad = Task.Run(() => RunLoader.Load(settings.Bad, new CaptureReaderOptions(settings.Filter, badProgress)));
        // Names and labels are the user's, not pcapdiff's words: one line each, in every renderer.
        string goodName = CommonOptions.InputName(settings.Good);
        string badName = CommonOptions.InputName(settings.Bad);
        return ReadingProgress.Run(console, error, settings.Terminal.Ascii, [good, bad], [(goodName, goodProgress), (badName, badProgress)], "pairing and aligning flows", () => CaptureComparer.Compare(
            good.Result with { Label = settings.LeftLabel, Name = goodName },
            bad.Result with { Label = settings.RightLabel, Name = badName }));
    }
}
