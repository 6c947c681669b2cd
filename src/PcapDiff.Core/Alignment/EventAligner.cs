using PcapDiff.Core.FlowsFiles;
using PcapDiff.Core.Model;

namespace PcapDiff.Core.Alignment;

/// <summary>Aligns the event sequences of a pair of flows into rows.</summary>
internal static class EventAligner
{
    // A changed block up to this size (left × right events) is paired exactly; a larger one greedily.
    private const int ExactPairing = 4096;

    /// <summary>
    /// One aligned row: the op and the event on each side (null where the side has none).
    /// <paramref name="Counterpart"/> is, for a one-sided row whose event the other run has at another
    /// place (it moved), the index of the row that holds the other run's copy; else -1.
    /// </summary>
    public readonly record struct Row(AlignmentOp Op, FlowEvent? Left, FlowEvent? Right, int Counterpart = -1);

    /// <summary>Aligns two event sequences by their canonical text (a <c>.flows</c> pattern matches what it allows).</summary>
    public static IReadOnlyList<Row> Align(IReadOnlyList<FlowEvent> left, IReadOnlyList<FlowEvent> right) => Align(left, right, out _);

    /// <summary>
    /// As <see cref="Align(IReadOnlyList{FlowEvent}, IReadOnlyList{FlowEvent})"/>; <paramref name="windowed"/>
    /// is true when the flows differed too much to diff whole and were aligned window by window
    /// (see <see cref="SequenceDiff.MaxEditDistance"/>), which keeps very long flows fast.
    /// </summary>
    /// <remarks>
    /// Rows come from DiffPlex's equal runs and, between them, changed blocks. An event that one run
    /// has in a changed block and the other run has, with the same text, in another changed block is
    /// the same event at another place: both rows are one-sided and point at each other
    /// (<see cref="Row.Counterpart"/>), so a report can say "moved" instead of "missing". Bare ACKs are
    /// never taken as moved: what an ACK means depends on where it is. The rest of a block pairs events
    /// of the same direction as "changed", a bare ACK only with a bare ACK.
    /// </remarks>
    public static IReadOnlyList<Row> Align(IReadOnlyList<FlowEvent> left, IReadOnlyList<FlowEvent> right, out bool windowed)
    {
        var (leftKeys, rightKeys) = Keys(left, right);
        var blocks = SequenceDiff.Align(leftKeys, rightKeys, out windowed);
        var (leftMoved, rightMoved) = Moves(blocks, left, right, leftKeys, rightKeys);

        var rows = new List<Row>(Math.Max(left.Count, right.Count));
        foreach (var block in blocks)
        {
            if (block.Equal)
            {
                for (int i = 0; i < block.LeftCount; i++)
                {
                    rows.Add(new Row(AlignmentOp.Equal, left[block.LeftStart + i], right[block.RightStart + i]));
                }

                continue;
            }

            AddChanged(rows, left, block.LeftStart, block.LeftCount, leftMoved, right, block.RightStart, block.RightCount, rightMoved);
        }

        return leftMoved.Count == 0 ? rows : Link(rows, leftMoved, rightMoved);
    }

    /// <summary>
    /// The moved events: for each event of a changed block whose text the other run has unmatched in a
    /// changed block too, the other run's event (first with first, in order).
    /// </summary>
    private static (Dictionary<FlowEvent, FlowEvent> Left, Dictionary<FlowEvent, FlowEvent> Right) Moves(
        IReadOnlyList<SequenceDiff.Block> blocks, IReadOnlyList<FlowEvent> left, IReadOnlyList<FlowEvent> right, string[] leftKeys, string[] rightKeys)
    {
        var leftMoved = new Dictionary<FlowEvent, FlowEvent>(ReferenceEqualityComparer.Instance);
        var rightMoved = new Dictionary<FlowEvent, FlowEvent>(ReferenceEqualityComparer.Instance);
        var waiting = new Dictionary<string, Queue<int>>(StringComparer.Ordinal);
        foreach (var block in blocks.Where(b => !b.Equal))
        {
            for (int r = block.RightStart; r < block.RightStart + block.RightCount; r++)
            {
                if (right[r].Kind != EventKind.Ack)
                {
                    (waiting.TryGetValue(rightKeys[r], out var queue) ? queue : waiting[rightKeys[r]] = new Queue<int>()).Enqueue(r);
                }
            }
        }

        if (waiting.Count == 0)
        {
            return (leftMoved, rightMoved);
        }

        foreach (var block in blocks.Where(b => !b.Equal))
        {
            for (int l = block.LeftStart; l < block.LeftStart + block.LeftCount; l++)
            {
                if (left[l].Kind != EventKind.Ack && waiting.TryGetValue(leftKeys[l], out var queue) && queue.TryDequeue(out int r))
                {
                    leftMoved[left[l]] = right[r];
                    rightMoved[right[r]] = left[l];
                }
            }
        }

        return (leftMoved, rightMoved);
    }

    /// <summary>Fills in each moved row's counterpart: the row that holds the other run's copy.</summary>
    private static List<Row> Link(List<Row> rows, Dictionary<FlowEvent, FlowEvent> leftMoved, Dictionary<FlowEvent, FlowEvent> rightMoved)
    {
        var rowOf = new Dictionary<FlowEvent, int>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < rows.Count; i++)
        {
            if (rows[i].Op == AlignmentOp.LeftOnly && leftMoved.ContainsKey(rows[i].Left!))
            {
                rowOf[rows[i].Left!] = i;
            }
            else if (rows[i].Op == AlignmentOp.RightOnly && rightMoved.ContainsKey(rows[i].Right!))
            {
                rowOf[rows[i].Right!] = i;
            }
        }

        for (int i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var other = row.Op switch
            {
                AlignmentOp.LeftOnly => leftMoved.GetValueOrDefault(row.Left!),
                AlignmentOp.RightOnly => rightMoved.GetValueOrDefault(row.Right!),
                _ => null,
            };
            if (other is not null && rowOf.TryGetValue(other, out int counterpart))
            {
                rows[i] = row with { Counterpart = counterpart };
            }
        }

        return rows;
    }

    /// <summary>
    /// Within a changed block, comparable events (see <see cref="Comparable"/>) face each other as "changed" (as many as
    /// can, in order: a server RST faces the SYN-ACK it replaced, not the client's next packet); moved
    /// events and the rest are one-sided, each run's in its own order.
    /// </summary>
    private static void AddChanged(
        List<Row> rows,
        IReadOnlyList<FlowEvent> left,
        int l,
        int leftCount,
        Dictionary<FlowEvent, FlowEvent> leftMoved,
        IReadOnlyList<FlowEvent> right,
        int r,
        int rightCount,
        Dictionary<FlowEvent, FlowEvent> rightMoved)
    {
        var a = Enumerable.Range(l, leftCount).Where(i => !leftMoved.ContainsKey(left[i])).ToList();
        var b = Enumerable.Range(r, rightCount).Where(j => !rightMoved.ContainsKey(right[j])).ToList();
        var pairs = (long)a.Count * b.Count <= ExactPairing ? PairExactly(a, b, left, right) : PairGreedily(a, b, left, right);

        int li = l;
        int rj = r;
        foreach (var (pl, pr) in pairs.Append((l + leftCount, r + rightCount)))
        {
            while (li < pl)
            {
                rows.Add(new Row(AlignmentOp.LeftOnly, left[li++], null));
            }

            while (rj < pr)
            {
                rows.Add(new Row(AlignmentOp.RightOnly, null, right[rj++]));
            }

            if (pl < l + leftCount)
            {
                rows.Add(new Row(AlignmentOp.Changed, left[li++], right[rj++]));
            }
        }
    }

    /// <summary>
    /// Whether two events may face each other as "changed": the same sender, and of the same sort: bare
    /// ACKs with bare ACKs, data (byte counts) with data, everything else (TCP flags, messages) with itself.
    /// </summary>
    private static bool Comparable(FlowEvent x, FlowEvent y) =>
        x.Direction == y.Direction && Sort(x) == Sort(y);

    private static int Sort(FlowEvent e) => e.Kind switch
    {
        EventKind.Ack => 0,
        EventKind.Data or EventKind.Datagram => 1,
        _ => 2,
    };

    /// <summary>The most pairs of comparable events in order (a longest common subsequence over comparability).</summary>
    private static List<(int Left, int Right)> PairExactly(List<int> a, List<int> b, IReadOnlyList<FlowEvent> left, IReadOnlyList<FlowEvent> right)
    {
        var best = new int[a.Count + 1, b.Count + 1];
        for (int i = a.Count - 1; i >= 0; i--)
        {
            for (int j = b.Count - 1; j >= 0; j--)
            {
                best[i, j] = Comparable(left[a[i]], right[b[j]])
                    ? best[i + 1, j + 1] + 1
                    : Math.Max(best[i + 1, j], best[i, j + 1]);
            }
        }

        var pairs = new List<(int, int)>();
        for (int i = 0, j = 0; i < a.Count && j < b.Count;)
        {
            if (Comparable(left[a[i]], right[b[j]]) && best[i, j] == best[i + 1, j + 1] + 1)
            {
                pairs.Add((a[i++], b[j++]));
            }
            else if (best[i, j + 1] >= best[i + 1, j])
            {
                // On a tie the left event waits for a later right one: the earliest left events pair.
                j++;
            }
            else
            {
                i++;
            }
        }

        return pairs;
    }

    /// <summary>For a large block: each left event takes the next comparable right event, if it comes before the right events run out.</summary>
    private static List<(int Left, int Right)> PairGreedily(List<int> a, List<int> b, IReadOnlyList<FlowEvent> left, IReadOnlyList<FlowEvent> right)
    {
        var pairs = new List<(int, int)>();
        int j = 0;
        foreach (int i in a)
        {
            int k = j;
            while (k < b.Count && k - j < 8 && !Comparable(left[i], right[b[k]]))
            {
                k++;
            }

            if (k < b.Count && Comparable(left[i], right[b[k]]))
            {
                pairs.Add((i, b[k]));
                j = k + 1;
            }
        }

        return pairs;
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
        var patterns = EventPattern.Patterns(other);
        if (patterns.Count == 0)
        {
            return;
        }

        // Keys repeat (ACKs, same-sized records): each distinct one is matched once.
        var exact = new HashSet<string>(other, StringComparer.Ordinal);
        var matched = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (int i = 0; i < keys.Length; i++)
        {
            string key = keys[i];
            if (exact.Contains(key))
            {
                continue;
            }

            if (!matched.TryGetValue(key, out string? pattern))
            {
                pattern = EventPattern.FirstMatch(patterns, key);
                matched[key] = pattern;
            }

            if (pattern is not null)
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
