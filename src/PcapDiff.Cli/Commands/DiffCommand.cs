using System.CommandLine;
using PcapDiff.Capture;
using PcapDiff.Core;
using PcapDiff.Core.Reporting;
using PcapDiff.Rendering;
using PcapDiff.Rendering.Html;
using PcapDiff.Rendering.Json;
using PcapDiff.Rendering.Terminal;

namespace PcapDiff.Cli.Commands;

/// <summary><c>pcapdiff GOOD BAD</c>: the side-by-side divergence report.</summary>
internal static class DiffCommand
{
    private static readonly Argument<string> GoodArgument = new("GOOD") { Description = "The reference run: a capture that works (pcap, pcapng, optionally gzip-compressed) or a .flows expectation." };
    private static readonly Argument<string> BadArgument = new("BAD") { Description = "The run to compare with it." };

    private static readonly Option<string?> HtmlOption = new("--html") { Description = "Also write the report as one self-contained HTML file; with -, print it instead of the text report." };

    private static readonly Option<bool> JsonOption = new("--json") { Description = "Print the report as JSON instead of text." };

    private static readonly Option<bool> BriefOption = new("--brief", "-q") { Description = "Print only the verdict line, as diff -q does; the exit code says the same." };

    public static RootCommand Create(TextWriter output, TextWriter error, CliConsole console)
    {
        var root = new RootCommand("Compares two packet captures of the same activity by behaviour and shows where the second departs from the first.")
        {
            GoodArgument,
            BadArgument,
            CommonOptions.Filter,
            CommonOptions.LeftLabel,
            CommonOptions.RightLabel,
            CommonOptions.ColorMode,
            CommonOptions.Width,
            CommonOptions.Context,
            CommonOptions.All,
            CommonOptions.MaxFlows,
            CommonOptions.Zeek,
            HtmlOption,
            JsonOption,
            BriefOption,
            FlowsCommand.Create(output, error),
            StatsCommand.Create(output, error, console),
        };
        root.SetAction(parsed => Run(parsed, output, error, console));
        return root;
    }

    private static int Run(ParseResult parsed, TextWriter output, TextWriter error, CliConsole console)
    {
        var settings = CommonOptions.Settings(parsed, console);
        string goodPath = parsed.GetValue(GoodArgument)!;
        string badPath = parsed.GetValue(BadArgument)!;

        bool json = parsed.GetValue(JsonOption);
        InputNames.CheckOneStandardInput([goodPath, badPath]);
        string? htmlPath = parsed.GetValue(HtmlOption);
        var report = Compare(goodPath, badPath, settings, error, console);
        foreach (string warning in report.Left.Warnings.Concat(report.Right.Warnings).Distinct(StringComparer.Ordinal))
        {
            error.WriteLine($"pcapdiff: warning: {SafeText.Line(warning)}");
        }

        if (htmlPath == "-")
        {
            // The HTML report is the output: nothing else goes to stdout.
            new HtmlRenderer(settings.Context, settings.ShowEqualFlows, settings.MaxFlowDetails).Render(report, output);
            return ExitCode(report);
        }

        if (htmlPath is not null)
        {
            WriteHtml(report, htmlPath, settings);
        }

        IReportRenderer renderer = json
            ? new ReportJson()
            : new TextRenderer(new TextRenderOptions(settings.Width, settings.Color, settings.Context, settings.ShowEqualFlows, settings.MaxFlowDetails, settings.ShowZeek, parsed.GetValue(BriefOption), settings.Ascii));
        renderer.Render(report, output);
        return ExitCode(report);
    }

    private static int ExitCode(DiffReport report) => report.Verdict == Verdict.Equivalent ? ExitCodes.Equivalent : ExitCodes.Different;

    private static void WriteHtml(DiffReport report, string path, CliSettings settings)
    {
        try
        {
            using var file = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            new HtmlRenderer(settings.Context, settings.ShowEqualFlows, settings.MaxFlowDetails).Render(report, file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw WriteFailure.For(path, e);
        }
    }

    private static DiffReport Compare(string goodPath, string badPath, CliSettings settings, TextWriter error, CliConsole console)
    {
        var goodProgress = new ReadProgress();
        var badProgress = new ReadProgress();

        // The two runs are independent until they are compared: read them at the same time.
        var good = Task.Run(() => RunLoader.Load(goodPath, new CaptureReaderOptions(settings.Filter, goodProgress)));
        var bad = Task.Run(() => RunLoader.Load(badPath, new CaptureReaderOptions(settings.Filter, badProgress)));
        // Names and labels are the user's, not pcapdiff's words: one line each, in every renderer.
        string goodName = CommonOptions.InputName(goodPath);
        string badName = CommonOptions.InputName(badPath);
        return ReadingProgress.Run(console, error, settings.Ascii, [good, bad], [(goodName, goodProgress), (badName, badProgress)], "pairing and aligning flows", () => CaptureComparer.Compare(
            new ComparisonInput(SafeText.Line(settings.LeftLabel), goodName, good.Result.Flows, good.Result.Read, good.Result.Warnings),
            new ComparisonInput(SafeText.Line(settings.RightLabel), badName, bad.Result.Flows, bad.Result.Read, bad.Result.Warnings)));
    }
}
