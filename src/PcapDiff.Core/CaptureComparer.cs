using PcapDiff.Core.Decoding;
using PcapDiff.Core.Alignment;
using PcapDiff.Core.Model;
using PcapDiff.Core.Reporting;
using PcapDiff.Core.Reporting.Hints;
using PcapDiff.Core.Runs;

namespace PcapDiff.Core;

/// <summary>The library's front door: two runs' flows in, one <see cref="DiffReport"/> out.</summary>
public static class CaptureComparer
{
    /// <summary>
    /// Pairs the flows of the two runs, aligns each pair and explains the divergences. Pairs are
    /// independent of each other and are diffed on all cores; the report lists them in the
    /// matcher's order whatever the threads did.
    /// </summary>
    /// <param name="left">The reference run (the good one); its <see cref="Run.Label"/> names it in the report's sentences.</param>
    /// <param name="right">The run compared with it (the bad one).</param>
    public static DiffReport Compare(Run left, Run right)
    {
        var context = new ComparisonContext(left.Label, right.Label, left.Flows.Flows, right.Flows.Flows);
        var matches = FlowMatcher.Pair(left.Flows.Flows, right.Flows.Flows);
        var pairs = new FlowPairDiff[matches.Count];
        Parallel.For(0, matches.Count, i => pairs[i] = Diff(matches[i].Left, matches[i].Right, context));
        return new DiffReport { Left = Side(left, right), Right = Side(right, left), Pairs = pairs };
    }

    private static FlowPairDiff Diff(Flow? left, Flow? right, ComparisonContext context)
    {
        var (leftLabel, rightLabel) = (context.LeftLabel, context.RightLabel);
        List<AlignedRow> rows;
        PairStatus status;
        bool windowed = false;
        var identity = FlowIdentity.Same;
        if (left is not null && right is not null)
        {
            rows = EventAligner.Align(left.Events, right.Events, out windowed)
                .Select(r => new AlignedRow(r.Op, r.Left, r.Right) { Counterpart = r.Counterpart })
                .ToList();
            identity = FlowIdentity.Of(left, right);
            status = rows.TrueForAll(r => r.Op == AlignmentOp.Equal) && !identity.Diverges ? PairStatus.Equal : PairStatus.Diverged;
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
                Notes = [$"Optional flow, absent from the {(left is null ? leftLabel : rightLabel)} run."],
            };
        }

        var divergence = status == PairStatus.Equal ? null : DivergenceExplainer.Explain(rows, left, right, context);
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
            Identity = identity,
            Rows = rows,
            Divergence = divergence,
            // Equal flows get hints too: loss or a stalled reader change timing, not the events.
            Hints = right is not null ? HintCatalogue.For(right, left) : [],
            Notes = [.. Notes(left, leftLabel), .. Notes(right, rightLabel), .. CloseNote(left, right, context), .. WindowNote(windowed)],
        };
    }

    /// <summary>Who closed first, when both runs closed from both sides and not from the same side first (a race, no divergence).</summary>
    private static IEnumerable<string> CloseNote(Flow? left, Flow? right, ComparisonContext context)
    {
        if (left is null || right is null || FirstFin(left) is not { } a || FirstFin(right) is not { } b || a.Direction == b.Direction)
        {
            yield break;
        }

        yield return $"The {context.RightLabel} run closed from the {EventPhrases.Actor(b.Direction)} side first (#{b.FirstFrame}), "
            + $"the {context.LeftLabel} run from the {EventPhrases.Actor(a.Direction)} side ({context.LeftLabel} #{a.FirstFrame}). "
            + "Which side closes first is a race, not a difference: both closes are listed with the client's FIN first.";
    }

    /// <summary>The FIN that came first, in a flow whose both sides sent FIN.</summary>
    private static FlowEvent? FirstFin(Flow flow)
    {
        var fins = flow.Events.Where(e => e.Kind == EventKind.Fin).ToList();
        return fins.Select(f => f.Direction).Distinct().Count() == 2 && fins.All(f => f.HasTime) ? fins.MinBy(f => f.FirstFrame) : null;
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
        Add(parts, a.SynAckRetries, "SYN-ACK retransmission");
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

    /// <summary>The run as the report carries it: with the warnings only a comparison can give.</summary>
    private static Run Side(Run run, Run other)
    {
        var warnings = new List<RunWarning>(run.Warnings);
        if (FilterCoverage.FarFewer(run.Read, run.Name, other.Read, other.Name) is { } fewer)
        {
            warnings.Add(fewer);
        }

        if (run.Flows.Fragments > 0)
        {
            warnings.Add(new RunWarning(RunWarningKind.FragmentsNotReassembled, run.Name, $"{run.Flows.Fragments} IP fragments counted but not reassembled."));
        }

        if (run.Flows.FlowsCapped)
        {
            warnings.Add(new RunWarning(RunWarningKind.FlowCapReached, run.Name, "more flows than the flow cap; packets of later flows were counted, not compared."));
        }

        return run with { Warnings = warnings };
    }
}
