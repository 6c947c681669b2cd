using PcapDiff.TestSupport;

namespace PcapDiff.Corpus.Tests;

/// <summary>
/// pcapdiff's per-stream counts against Wireshark's for every readable corpus capture
/// (corpus/reference, docs/testing.md "Agreement with Wireshark"). Writes the agreement table to
/// .build/test-results/wireshark-agreement.txt, which tools/test prints.
/// </summary>
public sealed class WiresharkAgreementTests
{
    private const int MessageLimit = 20;

    [Fact]
    public void Should_count_packets_and_bytes_per_direction_as_Wireshark_does_When_every_readable_corpus_capture_is_read()
    {
        Assert.True(Directory.Exists(RepoPaths.Corpus), $"The real-world corpus is expected at {RepoPaths.Corpus} (../shared/corpus beside the repository).");

        var result = AgreementCheck.Run(RepoPaths.Corpus);

        string results = Path.Combine(RepoPaths.Root, ".build", "test-results");
        Directory.CreateDirectory(results);
        File.WriteAllText(Path.Combine(results, "wireshark-agreement.txt"), AgreementReport.ToText(result, DateTime.UtcNow));

        Assert.True(result.Compared > 1000, $"only {result.Compared} of {result.ReferenceFiles} corpus captures were compared");
        var unexplained = result.Unexplained.ToList();
        Assert.True(
            unexplained.Count == 0,
            $"{unexplained.Count} streams disagree with Wireshark on packets or bytes and no known difference explains them "
            + $"(all in .build/test-results/wireshark-agreement.txt); the first {Math.Min(MessageLimit, unexplained.Count)}:\n"
            + AgreementReport.List(unexplained, MessageLimit));
    }
}
