using PcapDiff.Core.Alignment;
using PcapDiff.Core.Model;
using PcapDiff.Core.Reporting;
using PcapDiff.Core.Reporting.Hints;

namespace PcapDiff.Core;

/// <summary>The library's front door: two runs' flows in, one <see cref="DiffReport"/> out.</summary>
public static class CaptureComparer
{
    /// <summary>Pairs the flows of the two runs, aligns each pair and explains the divergences.</summary>
    public static DiffReport Compare(ComparisonInput left, ComparisonInput right)
    {
        var pairs = new List<FlowPairDiff>();
        foreach (var match in FlowMatcher.Pair(left.Flows.Flows, right.Flows.Flows))
        {
            pairs.Add(Diff(match.Left, match.Right, left.Label, right.Label));
        }

        return new DiffReport { Left = Side(left), Right = Side(right), Pairs = pairs };
    }

    private static FlowPairDiff Diff(Flow? left, Flow? right, string leftLabel, string rightLabel)
    {
        List<AlignedRow> rows;
        PairStatus status;
        bool windowed = false;
        if (left is not null && right is not null)
        {
            rows = EventAligner.Align(left.Events, right.Events, out windowed).Select(r => new AlignedRow(r.Op, r.Left, r.Right)).ToList();
            status = rows.TrueForAll(r => r.Op == AlignmentOp.Equal) ? PairStatus.Equal : PairStatus.Diverged;
        }
        else if (left is not null)
        {
            rows = left.Events.Select(e => new AlignedRow(AlignmentOp.LeftOnly, e, null)).ToList();
            status = PairStatus.OnlyLeft;
        }
        else
        {
            rows = right!.Events.Select(e => new AlignedRow(AlignmentOp.RightOnly, null, e)).ToList();
            status = PairStatus.OnlyRight;
        }

        var optionalAbsent = status is PairStatus.OnlyLeft or PairStatus.OnlyRight && (left ?? right)!.IsOptional;
        if (optionalAbsent)
        {
            // An expectation said this flow may or may not appear: its absence is no divergence.
            return new FlowPairDiff
            {
                Left = left,
                Right = right,
                Status = PairStatus.Equal,
                Rows = rows,
                Notes = [$"optional flow, absent from the {(left is null ? leftLabel : rightLabel)} run"],
            };
        }

        var divergence = status == PairStatus.Equal ? null : DivergenceExplainer.Explain(rows, left, right, leftLabel, rightLabel);
        if (divergence is null && status is PairStatus.OnlyLeft or PairStatus.OnlyRight)
        {
            // A one-sided flow with no events still differs.
            divergence = new Divergence(0, $"Only the {(left is null ? rightLabel : leftLabel)} run has this flow.", left?.FirstFrame, right?.FirstFrame);
        }

        return new FlowPairDiff
        {
            Left = left,
            Right = right,
            Status = status,
            Rows = rows,
            Divergence = divergence,
            // Equal flows get hints too: loss or a stalled reader change timing, not the events.
            Hints = right is not null ? HintCatalogue.For(right, left) : [],
            Notes = [.. Notes(left, leftLabel), .. Notes(right, rightLabel), .. WindowNote(windowed)],
        };
    }

    private static IEnumerable<string> WindowNote(bool windowed)
    {
        if (windowed)
        {
            yield return $"The two flows differ in more than {SequenceDiff.MaxEditDistance:N0} events, too many to align whole in reasonable time: "
                + $"they were aligned in windows of {SequenceDiff.WindowLines} events, so rows near a window's edge may be paired differently than a whole alignment would pair them.";
        }
    }

    private static IEnumerable<string> Notes(Flow? flow, string label)
    {
        if (flow is null)
        {
            yield break;
        }

        var a = flow.Anomalies;
        var parts = new List<string>();
        Add(parts, a.Retransmissions, "retransmission");
        Add(parts, a.SynRetries, "SYN retry", "SYN retries");
        Add(parts, a.DuplicateAcks, "duplicate ACK");
        Add(parts, a.OutOfOrder, "out-of-order segment");
        Add(parts, a.KeepAlives, "keep-alive");
        Add(parts, a.ZeroWindows, "zero-window advertisement");
        if (parts.Count > 0)
        {
            yield return $"{label}: {string.Join(", ", parts)} recognised; they do not change what data was delivered and are not counted as divergences.";
        }

        if (flow.EventsCapped)
        {
            yield return $"{label}: the flow has more events than the per-flow cap; later events were not compared.";
        }
    }

    private static void Add(List<string> parts, int count, string singular, string? plural = null)
    {
        if (count > 0)
        {
            parts.Add(count == 1 ? $"1 {singular}" : $"{count} {plural ?? singular + "s"}");
        }
    }

    private static CaptureSide Side(ComparisonInput input)
    {
        var warnings = new List<string>(input.Warnings ?? input.Read?.Warnings ?? []);
        if (input.Flows.Fragments > 0)
        {
            warnings.Add($"{input.Name}: {input.Flows.Fragments} IP fragments counted but not reassembled.");
        }

        if (input.Flows.FlowsCapped)
        {
            warnings.Add($"{input.Name}: more flows than the flow cap; packets of later flows were counted, not compared.");
        }

        return new CaptureSide(input.Label, input.Name, input.Read, input.Flows.Flows.Count, warnings);
    }
}
