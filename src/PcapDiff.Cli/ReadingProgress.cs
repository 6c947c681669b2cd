using PcapDiff.Capture;
using PcapDiff.Rendering;
using Spectre.Console;

namespace PcapDiff.Cli;

/// <summary>
/// Waits for captures being read, and shows a progress bar on stderr when that takes more than a
/// second and stderr is a terminal. Never on stdout, so reports and JSON stay clean.
/// </summary>
internal static class ReadingProgress
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);

    /// <summary>Waits for <paramref name="reads"/>; rethrows the first failure as is.</summary>
    public static void Wait(Task[] reads, IReadOnlyList<(string Name, ReadProgress Progress)> files, bool allowed)
    {
        try
        {
            bool show = allowed && !Console.IsErrorRedirected;
            if (!show || Task.WaitAll(reads, Delay))
            {
                Task.WaitAll(reads);
                return;
            }

            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            console.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(context =>
                {
                    var tasks = files.Select(f => (Task: context.AddTask(Markup.Escape(SafeText.Line(f.Name)), maxValue: 100), f.Progress)).ToList();
                    while (!Task.WaitAll(reads, 100))
                    {
                        foreach (var (task, progress) in tasks)
                        {
                            long total = Math.Max(1, progress.TotalBytes);
                            task.Value = Math.Min(100, 100.0 * progress.BytesRead / total);
                        }
                    }

                    tasks.ForEach(t => t.Task.Value = 100);
                });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
    }
}
