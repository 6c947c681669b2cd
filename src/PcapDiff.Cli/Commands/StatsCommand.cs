using System.CommandLine;
using PcapDiff.Capture;
using PcapDiff.Core;
using PcapDiff.Core.Statistics;
using PcapDiff.Rendering;
using PcapDiff.Rendering.Json;
using PcapDiff.Rendering.Terminal;
using PcapDiff.Rendering.View;

namespace PcapDiff.Cli.Commands;

/// <summary><c>pcapdiff stats CAPTURE [CAPTURE]</c>: conversations and endpoints, one capture or two side by side.</summary>
internal sealed class StatsCommand
{
    private readonly Argument<string[]> _captures = new("CAPTURE")
    {
        Description = "One capture, or a good and a bad one to compare.",
        Arity = new ArgumentArity(1, 2),
    };

    private readonly CommonOptions _common = new();
    private readonly Option<bool> _json = new("--json") { Description = "Print JSON for scripts instead of tables." };
    private readonly Option<int> _top = new("--top") { Description = "Rows per table (0 for all).", DefaultValueFactory = _ => 50 };

    public static Command Create(TextWriter output, TextWriter error, CliConsole console)
    {
        var stats = new StatsCommand();
        var command = new Command("stats", "Conversations and endpoints with packets and bytes per direction (frame bytes, as Wireshark counts them); with two captures, side by side with deltas.")
        {
            stats._captures,
        };
        foreach (var option in stats._common.ReadingAndTerminal.Concat([stats._json, stats._top]))
        {
            command.Add(option);
        }

        command.SetAction(parsed => Run(stats.Settings(parsed, console), output, error, console));
        return command;
    }

    private StatsSettings Settings(ParseResult parsed, CliConsole console)
    {
        var (left, right) = _common.Labels(parsed);
        var terminal = _common.Terminal(parsed, console);
        int top = parsed.GetValue(_top);
        if (top < 0)
        {
            throw new PcapDiffException("--top must be 0 or more");
        }

        string[] paths = parsed.GetValue(_captures)!;
        InputNames.CheckOneStandardInput(paths);
        return new StatsSettings(paths, parsed.GetValue(_common.Filter), new StatsOptions(left, right, top), terminal, parsed.GetValue(_json));
    }

    private static int Run(StatsSettings settings, TextWriter output, TextWriter error, CliConsole console)
    {
        var paths = settings.Paths;
        var progress = paths.Select(_ => new ReadProgress()).ToArray();
        var runs = paths.Select((p, i) => Task.Run(() => RunLoader.Load(p, new CaptureReaderOptions(settings.Filter, progress[i])))).ToArray();
        ReadingProgress.Run(console, error, settings.Terminal.Ascii, runs, [.. paths.Select((p, i) => (CommonOptions.InputName(p), progress[i]))], "counting", () => runs.Length);

        var stats = new List<CaptureStats>();
        for (int i = 0; i < paths.Count; i++)
        {
            var run = runs[i].Result;
            WarningLines.Write(error, run.Warnings);

            stats.Add(StatsBuilder.Build(CommonOptions.InputName(paths[i]), run.Flows, run.Read?.FirstTimestamp));
        }

        var view = stats.Count == 1 ? StatsView.Of(stats[0], settings.Stats) : StatsView.Of(StatsComparison.Compare(stats[0], stats[1]), settings.Stats);
        if (settings.Json)
        {
            StatsJson.Write(view, output);
        }
        else
        {
            new StatsRenderer(settings.Terminal).Render(view, output);
        }

        return ExitCodes.Success;
    }
}
