using System.CommandLine;
using PcapDiff.Capture;
using PcapDiff.Core;
using PcapDiff.Core.Reporting;
using PcapDiff.Rendering.Terminal;

namespace PcapDiff.Cli.Commands;

/// <summary><c>pcapdiff GOOD BAD</c>: the side-by-side divergence report.</summary>
internal static class DiffCommand
{
    private static readonly Argument<string> GoodArgument = new("GOOD") { Description = "The reference run: a capture that works (pcap, pcapng, optionally gzip-compressed) or a .flows expectation." };
    private static readonly Argument<string> BadArgument = new("BAD") { Description = "The run to compare with it." };

    public static RootCommand Create(TextWriter output, TextWriter error)
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
            FlowsCommand.Create(output, error),
            StatsCommand.Create(output, error),
        };
        root.SetAction(parsed => Run(parsed, output, error));
        return root;
    }

    private static int Run(ParseResult parsed, TextWriter output, TextWriter error)
    {
        var settings = CommonOptions.Settings(parsed);
        string goodPath = parsed.GetValue(GoodArgument)!;
        string badPath = parsed.GetValue(BadArgument)!;

        var report = Compare(goodPath, badPath, settings);
        foreach (string warning in report.Left.Warnings.Concat(report.Right.Warnings))
        {
            error.WriteLine($"pcapdiff: warning: {warning}");
        }

        var renderer = new TextRenderer(new TextRenderOptions(settings.Width, settings.Color, settings.Context, settings.ShowEqualFlows));
        renderer.Render(report, output);
        return report.Verdict == Verdict.Equivalent ? ExitCodes.Equivalent : ExitCodes.Different;
    }

    private static DiffReport Compare(string goodPath, string badPath, CliSettings settings)
    {
        var readerOptions = new CaptureReaderOptions(settings.Filter);

        // The two runs are independent until they are compared: read them at the same time.
        var good = Task.Run(() => RunLoader.Load(goodPath, readerOptions));
        var bad = Task.Run(() => RunLoader.Load(badPath, readerOptions));
        try
        {
            Task.WaitAll(good, bad);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }

        return CaptureComparer.Compare(
            new ComparisonInput(settings.LeftLabel, Path.GetFileName(goodPath), good.Result.Flows, good.Result.Read, good.Result.Warnings),
            new ComparisonInput(settings.RightLabel, Path.GetFileName(badPath), bad.Result.Flows, bad.Result.Read, bad.Result.Warnings));
    }
}
