using PcapDiff.Core.Model;

namespace PcapDiff.Core.Alignment;

/// <summary>Aligns the event sequences of a pair of flows into rows.</summary>
public static class EventAligner
{
    /// <summary>One aligned row: the op and the event on each side (null where the side has none).</summary>
    public readonly record struct Row(AlignmentOp Op, FlowEvent? Left, FlowEvent? Right);

    /// <summary>Aligns two event sequences by their canonical text (a <c>.flows</c> pattern matches what it allows).</summary>
    public static IReadOnlyList<Row> Align(IReadOnlyList<FlowEvent> left, IReadOnlyList<FlowEvent> right) => Align(left, right, out _);

    /// <summary>
    /// As <see cref="Align(IReadOnlyList{FlowEvent}, IReadOnlyList{FlowEvent})"/>; <paramref name="windowed"/>
    /// is true when the flows differed too much to diff whole and were aligned window by window
    /// (see <see cref="SequenceDiff.MaxEditDistance"/>), which keeps very long flows fast.
    /// </summary>
    public static IReadOnlyList<Row> Align(IReadOnlyList<FlowEvent> left, IReadOnlyList<FlowEvent> right, out bool windowed)
    {
        var rows = new List<Row>(Math.Max(left.Count, right.Count));
        var (leftKeys, rightKeys) = Keys(left, right);
        foreach (var block in SequenceDiff.Align(leftKeys, rightKeys, out windowed))
        {
            if (block.Equal)
            {
                for (int i = 0; i < block.LeftCount; i++)
                {
                    rows.Add(new Row(AlignmentOp.Equal, left[block.LeftStart + i], right[block.RightStart + i]));
                }

                continue;
            }

            AddChanged(rows, left, block.LeftStart, block.LeftCount, right, block.RightStart, block.RightCount);
        }

        return rows;
    }

    /// <summary>
    /// Within a changed block, events of the same direction face each other as "changed"; the rest
    /// are one-sided, so a server RST faces the SYN-ACK it replaced, not the client's next packet.
    /// </summary>
    private static void AddChanged(List<Row> rows, IReadOnlyList<FlowEvent> left, int l, int leftCount, IReadOnlyList<FlowEvent> right, int r, int rightCount)
    {
        int leftEnd = l + leftCount;
        int rightEnd = r + rightCount;
        while (l < leftEnd && r < rightEnd)
        {
            if (left[l].Direction == right[r].Direction)
            {
                rows.Add(new Row(AlignmentOp.Changed, left[l++], right[r++]));
            }
            else if (rightEnd - r > leftEnd - l)
            {
                rows.Add(new Row(AlignmentOp.RightOnly, null, right[r++]));
            }
            else
            {
                rows.Add(new Row(AlignmentOp.LeftOnly, left[l++], null));
            }
        }

        while (l < leftEnd)
        {
            rows.Add(new Row(AlignmentOp.LeftOnly, left[l++], null));
        }

        while (r < rightEnd)
        {
            rows.Add(new Row(AlignmentOp.RightOnly, null, right[r++]));
        }
    }

    /// <summary>
    /// The lines DiffPlex compares: each event's text, except that an event one side has no equal
    /// for takes the text of a pattern on the other side that it satisfies (see <see cref="EventPattern"/>).
    /// </summary>
    private static (string[] Left, string[] Right) Keys(IReadOnlyList<FlowEvent> left, IReadOnlyList<FlowEvent> right)
    {
        var leftKeys = Texts(left);
        var rightKeys = Texts(right);
        if (leftKeys.AsSpan().SequenceEqual(rightKeys))
        {
            return (leftKeys, rightKeys);
        }

        Substitute(rightKeys, leftKeys);
        Substitute(leftKeys, rightKeys);
        return (leftKeys, rightKeys);
    }

    private static void Substitute(string[] keys, string[] other)
    {
        var patterns = other.Distinct(StringComparer.Ordinal).Where(EventPattern.IsPattern).ToList();
        if (patterns.Count == 0)
        {
            return;
        }

        var exact = new HashSet<string>(other, StringComparer.Ordinal);
        for (int i = 0; i < keys.Length; i++)
        {
            if (!exact.Contains(keys[i]) && patterns.Find(p => EventPattern.Matches(p, keys[i])) is { } pattern)
            {
                keys[i] = pattern;
            }
        }
    }

    private static string[] Texts(IReadOnlyList<FlowEvent> events)
    {
        var texts = new string[events.Count];
        for (int i = 0; i < texts.Length; i++)
        {
            texts[i] = events[i].Text;
        }

        return texts;
    }
}
