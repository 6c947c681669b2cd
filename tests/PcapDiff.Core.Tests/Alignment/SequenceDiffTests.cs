using PcapDiff.Core.Alignment;

namespace PcapDiff.Core.Tests.Alignment;

/// <summary>The line aligner's shapes: what it diffs whole and what it cuts into windows.</summary>
public sealed class SequenceDiffTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Should_align_in_windows_and_cover_every_line_once_When_one_side_is_long_and_the_other_short(bool longOnLeft)
    {
        var longSide = Enumerable.Range(0, 60_000).Select(i => $"line {i}").ToList();
        string[] shortSide = ["line 5", "other", "line 30000", "line 59999"];

        var blocks = longOnLeft
            ? SequenceDiff.Align(longSide, shortSide, out bool windowed)
            : SequenceDiff.Align(shortSide, longSide, out windowed);

        Assert.True(windowed);
        Assert.Equal(longOnLeft ? longSide.Count : shortSide.Length, Covered(blocks, b => (b.LeftStart, b.LeftCount)));
        Assert.Equal(longOnLeft ? shortSide.Length : longSide.Count, Covered(blocks, b => (b.RightStart, b.RightCount)));
        Assert.All(blocks.Where(b => b.Equal), b => Assert.Equal(b.LeftCount, b.RightCount));
    }

    [Fact]
    public void Should_diff_whole_and_find_the_common_lines_When_both_sides_are_short()
    {
        string[] left = ["a", "b", "c", "d"];
        string[] right = ["a", "x", "c", "d", "e"];

        var blocks = SequenceDiff.Align(left, right, out bool windowed);

        Assert.False(windowed);
        Assert.Equal(3, blocks.Where(b => b.Equal).Sum(b => b.LeftCount));
    }

    /// <summary>How many lines the blocks cover, checking that they follow each other without gap or overlap.</summary>
    private static int Covered(IReadOnlyList<SequenceDiff.Block> blocks, Func<SequenceDiff.Block, (int Start, int Count)> side)
    {
        int next = 0;
        foreach (var (start, count) in blocks.Select(side))
        {
            Assert.Equal(next, start);
            next += count;
        }

        return next;
    }
}
