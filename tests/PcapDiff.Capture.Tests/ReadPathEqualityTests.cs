using PcapDiff.TestSupport;

namespace PcapDiff.Capture.Tests;

/// <summary>
/// The managed pcap and pcapng readers against libpcap on every corpus capture and every lab
/// capture: the same packets (every decoded field and the payload bytes), the same counts, times
/// and warnings, or the same error. Same packets in, same flows out: the flow stages are
/// deterministic.
/// </summary>
public sealed class ReadPathEqualityTests
{
    private const int MessageLimit = 20;

    [Fact]
    public void Should_read_every_packet_as_libpcap_does_When_every_corpus_and_lab_capture_is_read_both_ways()
    {
        Assert.True(Directory.Exists(RepoPaths.Corpus), $"The real-world corpus is expected at {RepoPaths.Corpus} (../shared/corpus beside the repository).");
        var captures = Directory.EnumerateFiles(RepoPaths.Corpus, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(RepoPaths.Corpus, f).StartsWith("reference", StringComparison.Ordinal))
            .Where(f => Path.GetExtension(f) is not (".md" or ".tsv"))
            .Concat(Directory.EnumerateFiles(RepoPaths.Captures, "*.pcap*"))
            .Order(StringComparer.Ordinal)
            .ToList();

        var differences = new System.Collections.Concurrent.ConcurrentBag<string>();
        int read = 0;
        Parallel.ForEach(captures, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, path =>
        {
            string managed = ReadPaths.Describe(path, useLibpcap: false, out bool opened);
            string libpcap = ReadPaths.Describe(path, useLibpcap: true, out _);
            if (opened)
            {
                Interlocked.Increment(ref read);
            }

            if (managed != libpcap)
            {
                differences.Add($"{Path.GetRelativePath(RepoPaths.Root, path)}: {ReadPaths.FirstDifference(managed, libpcap)}");
            }
        });

        Assert.True(read > 1500, $"only {read} of {captures.Count} captures could be read");
        Assert.True(
            differences.IsEmpty,
            $"{differences.Count} captures read differently; the first {Math.Min(MessageLimit, differences.Count)}:\n"
            + string.Join('\n', differences.Order(StringComparer.Ordinal).Take(MessageLimit)));
    }
}
