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

    public static IReadOnlyList<Block> Align(IReadOnlyList<string> left, IReadOnlyList<string> right)
    {
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

        if (left.Count == 0 || right.Count == 0)
        {
            if (left.Count + right.Count > 0)
            {
                blocks.Add(new Block(false, 0, left.Count, 0, right.Count));
            }

            return blocks;
        }

        var result = Differ.Instance.CreateDiffs(Join(left), Join(right), ignoreWhiteSpace: false, ignoreCase: false, NewlineChunker.Instance);
        int l = 0;
        int r = 0;
        foreach (var block in result.DiffBlocks)
        {
            int equal = block.DeleteStartA - l;
            if (equal > 0)
            {
                blocks.Add(new Block(true, l, equal, r, equal));
            }

            blocks.Add(new Block(false, block.DeleteStartA, block.DeleteCountA, block.InsertStartB, block.InsertCountB));
            l = block.DeleteStartA + block.DeleteCountA;
            r = block.InsertStartB + block.InsertCountB;
        }

        if (l < left.Count)
        {
            blocks.Add(new Block(true, l, left.Count - l, r, right.Count - r));
        }

        return blocks;
    }

    private static string Join(IReadOnlyList<string> lines) => string.Join('\n', lines);

    /// <summary>Splits on '\n' only: canonical lines never contain one, and are never empty.</summary>
    private sealed class NewlineChunker : IChunker
    {
        public static NewlineChunker Instance { get; } = new();

        public IReadOnlyList<string> Chunk(string text) => text.Split('\n');
    }
}
