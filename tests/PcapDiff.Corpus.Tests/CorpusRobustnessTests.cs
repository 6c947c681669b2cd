using System.Diagnostics;
using PcapDiff.TestSupport;

namespace PcapDiff.Corpus.Tests;

/// <summary>
/// Never crash, never hang: <c>flows</c>, a self-diff and <c>stats</c> on every corpus capture end
/// with exit 0, 1 or 2, within the time limit, without a stack trace, and every readable capture is
/// equivalent to itself. Writes the totals to .build/test-results/corpus-robustness.txt, which
/// tools/test prints.
/// </summary>
public sealed class CorpusRobustnessTests
{
    private const int MessageLimit = 20;

    [Fact]
    public void Should_finish_cleanly_and_find_every_readable_capture_equivalent_to_itself_When_every_corpus_capture_is_run()
    {
        Assert.True(Directory.Exists(RepoPaths.Corpus), $"The real-world corpus is expected at {RepoPaths.Corpus} (../shared/corpus beside the repository).");

        var clock = Stopwatch.StartNew();
        var results = RobustnessCheck.Run(RepoPaths.Corpus);
        string totals = RobustnessCheck.Totals(results, clock.Elapsed, DateTime.UtcNow);

        string directory = Path.Combine(RepoPaths.Root, ".build", "test-results");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "corpus-robustness.txt"), totals);

        Assert.True(results.Count > 1500, $"only {results.Count} corpus captures found");
        var problems = results.SelectMany(r => r.Problems()).ToList();
        Assert.True(
            problems.Count == 0,
            $"{problems.Count} problems (all in .build/test-results/corpus-robustness.txt); the first {Math.Min(MessageLimit, problems.Count)}:\n"
            + string.Join('\n', problems.Take(MessageLimit)));
    }
}
