using PcapDiff.Capture;
using PcapDiff.Rendering;
using Spectre.Console;

namespace PcapDiff.Cli;

/// <summary>
/// Waits for captures being read and then for what is done with them, and shows it on stderr
/// when that takes more than a second and stderr is a terminal, whatever stdout is (a report
/// redirected to a file still shows its progress): a bar per capture while it is read, then the
/// phase that follows ("pairing and aligning flows"). The display is gone when the work is done.
/// </summary>
internal static class ReadingProgress
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Waits for <paramref name="reads"/>, then runs <paramref name="next"/> (named <paramref name="phase"/>)
    /// and returns what it returns; rethrows the first failure as is.
    /// </summary>
    public static T Run<T>(
        CliConsole terminal, TextWriter error, bool ascii, Task[] reads, IReadOnlyList<(string Name, ReadProgress Progress)> files, string phase, Func<T> next)
    {
        try
        {
            if (!terminal.ErrorIsTerminal || Task.WaitAll(reads, Delay))
            {
                Task.WaitAll(reads);
                return next();
            }

            // stderr is a terminal (checked above): no need to ask Spectre.Console, which looks at stdout.
            var console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(error),
                Interactive = InteractionSupport.Yes,
                Ansi = AnsiSupport.Yes,
            });
            console.Profile.Capabilities.Unicode = !ascii;
            T result = default!;
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
                            // A pipe's size is not known until it is copied: its bar waits at 0 until then.
                            long total = Math.Max(1, progress.TotalBytes);
                            task.Value = Math.Min(100, 100.0 * progress.BytesRead / total);
                        }
                    }

                    tasks.ForEach(t => t.Task.StopTask());
                    var after = context.AddTask(Markup.Escape(phase)).IsIndeterminate();
                    result = next();
                    after.StopTask();
                });
            return result;
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }
    }
}
