namespace PcapDiff.Corpus.Tests;

/// <summary>The three commands' runs on one corpus capture.</summary>
/// <param name="Relative">The capture's path under the corpus folder.</param>
/// <param name="Flows"><c>pcapdiff flows F</c>.</param>
/// <param name="SelfDiff"><c>pcapdiff F F</c>.</param>
/// <param name="Stats"><c>pcapdiff stats F</c>.</param>
internal sealed record CorpusFileResult(string Relative, CommandRun Flows, CommandRun SelfDiff, CommandRun Stats)
{
    /// <summary>The runs, in the order made.</summary>
    public IEnumerable<CommandRun> Runs => [Flows, SelfDiff, Stats];

    /// <summary>True when <c>flows</c> read the capture (exit 0).</summary>
    public bool Readable => Flows.ExitCode == 0;

    /// <summary>True when reading printed a warning (a damaged or truncated file, skipped frames).</summary>
    public bool Warned => Flows.Error.Contains("pcapdiff: warning:", StringComparison.Ordinal);

    /// <summary>The slowest of the three runs.</summary>
    public TimeSpan Slowest => Runs.Max(r => r.Elapsed);

    /// <summary>Everything wrong with this capture's runs, one line each.</summary>
    public IEnumerable<string> Problems()
    {
        foreach (var run in Runs)
        {
            if (run.Problem is { } problem)
            {
                yield return $"{Relative}: pcapdiff {run.Arguments}: {problem}";
            }
        }

        if (Readable && SelfDiff.Finished && SelfDiff.ExitCode != 0)
        {
            yield return $"{Relative}: readable, but its self-diff exited {SelfDiff.ExitCode} instead of 0 (equivalent): {SelfDiff.Error.Split('\n')[0]}";
        }
    }
}
