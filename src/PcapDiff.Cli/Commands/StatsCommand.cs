using System.CommandLine;
using PcapDiff.Capture;
using PcapDiff.Core;
using PcapDiff.Core.Statistics;
using PcapDiff.Rendering;
using PcapDiff.Rendering.Json;
using PcapDiff.Rendering.Terminal;

namespace PcapDiff.Cli.Commands;

/// <summary><c>pcapdiff stats CAPTURE [CAPTURE]</c>: conversations and endpoints, one capture or two side by side.</summary>
internal static class StatsCommand
{
    private static readonly Argument<string[]> CapturesArgument = new("CAPTURE")
    {
        Description = "One capture, or a good and a bad one to compare.",
        Arity = new ArgumentArity(1, 2),
    };

    private static readonly Option<bool> JsonOption = new("--json") { Description = "Print JSON for scripts instead of tables." };

    private static readonly Option<int> TopOption = new("--top") { Description = "Rows per table (0 for all).", DefaultValueFactory = _ => 50 };

    public static Command Create(TextWriter output, TextWriter error, CliConsole console)
    {
        var command = new Command("stats", "Conversations and endpoints with packets and bytes per direction (frame bytes, as Wireshark counts them); with two captures, side by side with deltas.")
        {
            CapturesArgument,
            CommonOptions.Filter,
            CommonOptions.LeftLabel,
            CommonOptions.RightLabel,
            CommonOptions.ColorMode,
            CommonOptions.Width,
            JsonOption,
            TopOption,
        };
        command.SetAction(parsed => Run(parsed, output, error, console));
        return command;
    }

    private static int Run(ParseResult parsed, TextWriter output, TextWriter error, CliConsole console)
    {
        var settings = CommonOptions.Settings(parsed, console);
        int top = parsed.GetValue(TopOption);
        if (top < 0)
        {
            throw new PcapDiffException("--top must be 0 or more");
        }

        string[] paths = parsed.GetValue(CapturesArgument)!;
        InputNames.CheckOneStandardInput(paths);
        var progress = paths.Select(_ => new ReadProgress()).ToArray();
        var runs = paths.Select((p, i) => Task.Run(() => RunLoader.Load(p, new CaptureReaderOptions(settings.Filter, progress[i])))).ToArray();
        bool json = parsed.GetValue(JsonOption);
        ReadingProgress.Run(console, error, settings.Ascii, runs, [.. paths.Select((p, i) => (CommonOptions.InputName(p), progress[i]))], "counting", () => runs.Length);

        var stats = new List<CaptureStats>();
        for (int i = 0; i < paths.Length; i++)
        {
            var run = runs[i].Result;
            foreach (string warning in run.Warnings)
            {
                error.WriteLine($"pcapdiff: warning: {SafeText.Line(warning)}");
            }

            stats.Add(StatsBuilder.Build(CommonOptions.InputName(paths[i]), run.Flows, run.Read?.FirstTimestamp));
        }

        var renderer = new StatsRenderer(new TextRenderOptions(settings.Width, settings.Color, Ascii: settings.Ascii), top);
        if (stats.Count == 1)
        {
            if (json)
            {
                StatsJson.Write(stats[0], output);
            }
            else
            {
                renderer.Render(stats[0], output);
            }

            return ExitCodes.Success;
        }

        var comparison = StatsComparison.Compare(stats[0], stats[1]);
        if (json)
        {
            StatsJson.Write(comparison, output);
        }
        else
        {
            renderer.Render(comparison, SafeText.Line(settings.LeftLabel), SafeText.Line(settings.RightLabel), output);
        }

        return ExitCodes.Success;
    }
}
