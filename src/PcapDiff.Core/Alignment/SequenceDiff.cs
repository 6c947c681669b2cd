using DiffPlex;

namespace PcapDiff.Core.Alignment;

/// <summary>
/// Aligns two sequences of canonical text lines with DiffPlex (the only DiffPlex user): equal
/// runs, and in between, blocks where the left lines were replaced by the right ones.
/// DiffPlex's old/new become left/right here.
/// </summary>
internal static class SequenceDiff
{
    /// <summary>A run of the alignment: left[LeftStart..+LeftCount] against right[RightStart..+RightCount].</summary>
    public readonly record struct Block(bool Equal, int LeftStart, int LeftCount, int RightStart, int RightCount);

    /// <summary>Beyond this many differing lines (estimated), the middle is aligned in windows.</summary>
    public const int MaxEditDistance = 5_000;

    /// <summary>Lines of the left side per window when aligning in windows.</summary>
    public const int WindowLines = 500;

    // Middles shorter than this are diffed whole whatever they hold: it is cheap.
    private const int SmallMiddle = 10_000;

    public static IReadOnlyList<Block> Align(IReadOnlyList<string> left, IReadOnlyList<string> right) => Align(left, right, out _);

    /// <summary>
    /// Aligns the two sequences. DiffPlex's Myers diff costs about (lines × differences); when either
    /// side's differing middle is long and the middles differ in more than <see cref="MaxEditDistance"/>
    /// lines, the middles are cut into proportional windows of at most <see cref="WindowLines"/> lines of
    /// the longer side that are diffed one by one, and <paramref name="windowed"/> says so: rows near
    /// window edges may be paired less well than a whole diff would pair them.
    /// </summary>
    public static IReadOnlyList<Block> Align(IReadOnlyList<string> left, IReadOnlyList<string> right, out bool windowed)
    {
        windowed = false;
        var blocks = new List<Block>();
        if (left.SequenceEqual(right, StringComparer.Ordinal))
        {
            // Most pairs match: one equal run, without joining, chunking and diffing their text.
            if (left.Count > 0)
            {
                blocks.Add(new Block(true, 0, left.Count, 0, right.Count));
            }

            return blocks;
        }

        int prefix = 0;
        int shorter = Math.Min(left.Count, right.Count);
        while (prefix < shorter && string.Equals(left[prefix], right[prefix], StringComparison.Ordinal))
        {
            prefix++;
        }

        int suffix = 0;
        while (suffix < shorter - prefix && string.Equals(left[left.Count - 1 - suffix], right[right.Count - 1 - suffix], StringComparison.Ordinal))
        {
            suffix++;
        }

        int leftMiddle = left.Count - prefix - suffix;
        int rightMiddle = right.Count - prefix - suffix;
        // One long middle is enough to make Myers quadratic (its cost grows with length × differences, and a
        // long side against a short one differs in nearly every line), so only two short middles are diffed whole.
        if (Math.Max(leftMiddle, rightMiddle) < SmallMiddle || EstimatedDistance(left, right, prefix, suffix) <= MaxEditDistance)
        {
            DiffInto(blocks, left, 0, left.Count, right, 0, right.Count);
            return blocks;
        }

        windowed = true;
        if (prefix > 0)
        {
            blocks.Add(new Block(true, 0, prefix, 0, prefix));
        }

        int windows = (Math.Max(leftMiddle, rightMiddle) + WindowLines - 1) / WindowLines;
        for (int w = 0; w < windows; w++)
        {
            int leftFrom = prefix + (int)((long)leftMiddle * w / windows);
            int leftTo = prefix + (int)((long)leftMiddle * (w + 1) / windows);
            int rightFrom = prefix + (int)((long)rightMiddle * w / windows);
            int rightTo = prefix + (int)((long)rightMiddle * (w + 1) / windows);
            DiffInto(blocks, left, leftFrom, leftTo - leftFrom, right, rightFrom, rightTo - rightFrom);
        }

        if (suffix > 0)
        {
            blocks.Add(new Block(true, left.Count - suffix, suffix, right.Count - suffix, suffix));
        }

        return blocks;
    }

    /// <summary>
    /// A lower bound on the lines a diff of the middles must change: those one side has more
    /// copies of than the other. Cheap (one pass with a count per distinct line).
    /// </summary>
    private static int EstimatedDistance(IReadOnlyList<string> left, IReadOnlyList<string> right, int prefix, int suffix)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = prefix; i < left.Count - suffix; i++)
        {
            counts[left[i]] = counts.GetValueOrDefault(left[i]) + 1;
        }

        for (int i = prefix; i < right.Count - suffix; i++)
        {
            counts[right[i]] = counts.GetValueOrDefault(right[i]) - 1;
        }

        return counts.Values.Sum(Math.Abs);
    }

    /// <summary>Diffs left[l..+leftCount] against right[r..+rightCount] and appends the blocks, in the sequences' positions.</summary>
    private static void DiffInto(List<Block> blocks, IReadOnlyList<string> left, int l, int leftCount, IReadOnlyList<string> right, int r, int rightCount)
    {
        if (leftCount == 0 || rightCount == 0)
        {
            if (leftCount + rightCount > 0)
            {
                blocks.Add(new Block(false, l, leftCount, r, rightCount));
            }

            return;
        }

        var result = Differ.Instance.CreateDiffs(
            Join(left, l, leftCount), Join(right, r, rightCount), ignoreWhiteSpace: false, ignoreCase: false, NewlineChunker.Instance);
        int at = 0;
        int bt = 0;
        foreach (var block in result.DiffBlocks)
        {
            int equal = block.DeleteStartA - at;
            if (equal > 0)
            {
                blocks.Add(new Block(true, l + at, equal, r + bt, equal));
            }

            blocks.Add(new Block(false, l + block.DeleteStartA, block.DeleteCountA, r + block.InsertStartB, block.InsertCountB));
            at = block.DeleteStartA + block.DeleteCountA;
            bt = block.InsertStartB + block.InsertCountB;
        }

        if (at < leftCount)
        {
            blocks.Add(new Block(true, l + at, leftCount - at, r + bt, rightCount - bt));
        }
    }

    private static string Join(IReadOnlyList<string> lines, int start, int count) =>
        start == 0 && count == lines.Count ? string.Join('\n', lines) : string.Join('\n', lines.Skip(start).Take(count));

    /// <summary>Splits on '\n' only: canonical lines never contain one, and are never empty.</summary>
    private sealed class NewlineChunker : IChunker
    {
        public static NewlineChunker Instance { get; } = new();

        public IReadOnlyList<string> Chunk(string text) => text.Split('\n');
    }
}
