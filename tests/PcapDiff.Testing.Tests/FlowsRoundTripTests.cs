using PcapDiff.Capture;
using PcapDiff.Core;
using PcapDiff.Core.FlowsFiles;
using PcapDiff.TestSupport;

namespace PcapDiff.Testing.Tests;

/// <summary>flows → parse → flows gives back the same text, for every committed capture and every readable corpus capture.</summary>
public sealed class FlowsRoundTripTests
{
    public static TheoryData<string> Captures => [.. TestdataCaptures.Names];

    [Theory]
    [MemberData(nameof(Captures))]
    public void Should_write_the_same_text_When_a_committed_capture_is_written_parsed_and_written_again(string capture)
    {
        string text = FlowsWriter.ToText(RunLoader.Load(RepoPaths.Capture(capture)).Flows);

        Assert.Equal(text, FlowsWriter.ToText(FlowsParser.Parse(text, capture)));
    }

    [Fact]
    public void Should_write_the_same_text_When_every_readable_corpus_capture_is_written_parsed_and_written_again()
    {
        Assert.True(Directory.Exists(RepoPaths.Corpus), $"The real-world corpus is expected at {RepoPaths.Corpus} (../shared/corpus beside the repository).");
        var files = Directory.EnumerateFiles(RepoPaths.Corpus, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}reference{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        int read = 0;
        var mismatches = new List<string>();
        foreach (string file in files)
        {
            string text;
            try
            {
                text = FlowsWriter.ToText(RunLoader.Load(file).Flows);
            }
            catch (PcapDiffException)
            {
                continue; // Not readable (an unsupported link type, not a capture): the corpus check counts those.
            }

            read++;
            string again = FlowsWriter.ToText(FlowsParser.Parse(text, file));
            if (again != text)
            {
                mismatches.Add(Path.GetRelativePath(RepoPaths.Corpus, file));
            }
        }

        Assert.True(read > 1000, $"only {read} of {files.Count} corpus files could be read");
        Assert.Empty(mismatches);
    }
}
