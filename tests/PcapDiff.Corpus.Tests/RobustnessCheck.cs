using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using PcapDiff.Cli;
using PcapDiff.TestSupport;

namespace PcapDiff.Corpus.Tests;

/// <summary>
/// Runs <c>flows F</c>, <c>F F</c> and <c>stats F</c> through <see cref="CliApplication"/> for every
/// corpus capture, on as many workers as there are cores, each command with a time limit.
/// </summary>
internal static class RobustnessCheck
{
    /// <summary>The least time one command may take on one capture, on a fast idle machine.</summary>
    private static readonly TimeSpan MinimumLimit = TimeSpan.FromSeconds(10);

    private static readonly Lazy<TimeSpan> LazyLimit = new(Calibrate);

    /// <summary>
    /// How long one command may take on one capture: 10 s, or 40 times what a self-diff of the
    /// largest lab capture takes on this machine now, when that is longer (a slow or loaded machine).
    /// A hang still overruns it.
    /// </summary>
    public static TimeSpan Limit => LazyLimit.Value;

    /// <summary>Every capture under <paramref name="corpus"/> (all files but the references and the README).</summary>
    public static IReadOnlyList<string> Captures(string corpus) =>
        Directory.EnumerateFiles(corpus, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(corpus, f).StartsWith("reference", StringComparison.Ordinal))
            .Where(f => Path.GetExtension(f) is not (".md" or ".tsv"))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Runs the three commands on every capture.</summary>
    public static IReadOnlyList<CorpusFileResult> Run(string corpus)
    {
        var results = new ConcurrentBag<CorpusFileResult>();
        Parallel.ForEach(
            Captures(corpus),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(2, Environment.ProcessorCount) },
            file =>
            {
                string relative = Path.GetRelativePath(corpus, file);
                var flows = Command(["flows", file]);
                var self = Command([file, file]);
                var stats = Command(["stats", file]);
                results.Add(new CorpusFileResult(relative, flows, self, stats));
            });
        return results.OrderBy(r => r.Relative, StringComparer.Ordinal).ToList();
    }

    /// <summary>Runs one command line in-process on a worker; gives up waiting after <see cref="Limit"/>.</summary>
    public static CommandRun Command(string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var clock = Stopwatch.StartNew();
        var run = Task.Factory.StartNew(() => CliApplication.Run(args, output, error, CliConsole.Pipes), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        string arguments = string.Join(' ', args.Select(a => a.Contains('/', StringComparison.Ordinal) ? "F" : a));
        bool finished;
        try
        {
            finished = run.Wait(Limit);
        }
        catch (AggregateException e)
        {
            return new CommandRun(arguments, -1, "Unhandled exception: " + e.InnerException, clock.Elapsed);
        }

        if (!finished)
        {
            return new CommandRun(arguments, null, string.Empty, Limit);
        }

        // The writers belong to this run alone; the task has finished with them.
        return new CommandRun(arguments, run.Result, error.ToString(), clock.Elapsed);
    }

    private static TimeSpan Calibrate()
    {
        string reference = Directory.GetFiles(RepoPaths.Captures, "*.pcap").MaxBy(f => new FileInfo(f).Length)!;
        CliApplication.Run([reference, reference], TextWriter.Null, TextWriter.Null, CliConsole.Pipes); // warm-up: JIT and caches
        var clock = Stopwatch.StartNew();
        CliApplication.Run([reference, reference], TextWriter.Null, TextWriter.Null, CliConsole.Pipes);
        var scaled = clock.Elapsed * 40;
        return scaled > MinimumLimit ? scaled : MinimumLimit;
    }

    /// <summary>The totals written to .build/test-results/corpus-robustness.txt.</summary>
    public static string Totals(IReadOnlyList<CorpusFileResult> results, TimeSpan elapsed, DateTime when)
    {
        var text = new StringBuilder();
        var readable = results.Where(r => r.Readable).ToList();
        var unreadable = results.Where(r => !r.Readable).ToList();
        text.AppendLine(CultureInfo.InvariantCulture, $"Corpus robustness (flows, self-diff and stats on every corpus capture, {Limit.TotalSeconds:0} s limit each, from this machine's speed), {when:yyyy-MM-dd}");
        text.AppendLine(CultureInfo.InvariantCulture, $"captures: {results.Count}, readable: {readable.Count} (self-diff equivalent: {readable.Count(r => r.SelfDiff.ExitCode == 0)}, "
            + $"with warnings: {readable.Count(r => r.Warned)}), unreadable: {unreadable.Count}");
        foreach (var group in unreadable.GroupBy(r => Reason(r)).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  unreadable: {group.Count()} × {group.Key}");
        }

        var problems = results.SelectMany(r => r.Problems()).ToList();
        var slowest = results.OrderByDescending(r => r.Slowest).Take(3)
            .Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Relative} ({r.Slowest.TotalSeconds:0.00} s)"));
        text.AppendLine(CultureInfo.InvariantCulture, $"crashes, hangs and stack traces: {problems.Count}; slowest commands: {string.Join(", ", slowest)}; whole check: {elapsed.TotalSeconds:0} s");
        foreach (string problem in problems)
        {
            text.AppendLine("  " + problem);
        }

        return text.ToString();
    }

    private static string Reason(CorpusFileResult result)
    {
        if (!result.Flows.Finished)
        {
            return "hung";
        }

        // "pcapdiff: PATH: reason" or "pcapdiff: PATH is …": the reason without the file, numbers folded.
        string line = result.Flows.Error.Split('\n').FirstOrDefault(l => !l.Contains("warning:", StringComparison.Ordinal)) ?? string.Empty;
        string name = Path.GetFileName(result.Relative);
        int at = line.IndexOf(name, StringComparison.Ordinal);
        string reason = at < 0 ? line : line[(at + name.Length)..].TrimStart(':', ' ');
        return System.Text.RegularExpressions.Regex.Replace(reason.Trim(), @"\b[0-9]+\b", "N");
    }
}
