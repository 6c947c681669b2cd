using PcapDiff.Core.Alignment;
using PcapDiff.Core.Model;

namespace PcapDiff.Core.Reporting;

/// <summary>Names the first divergence of a pair in plain words, with both runs' frame numbers.</summary>
internal static class DivergenceExplainer
{
    public static Divergence? Explain(IReadOnlyList<AlignedRow> rows, Flow? left, Flow? right, string leftLabel, string rightLabel)
    {
        int at = -1;
        for (int i = 0; i < rows.Count; i++)
        {
            if (rows[i].Op != AlignmentOp.Equal)
            {
                at = i;
                break;
            }
        }

        if (at < 0)
        {
            return null;
        }

        if (left is null || right is null)
        {
            return OneSided(rows, left, right, leftLabel, rightLabel, at);
        }

        var row = rows[at];
        var previous = at > 0 ? rows[at - 1].Right : null;
        string after = previous is null ? "from the start," : $"after {EventPhrases.Possessive(previous)}";
        var instead = row.Op == AlignmentOp.LeftOnly ? Instead(rows, at) : null;
        string sentence = row.Op switch
        {
            AlignmentOp.Changed => $"{after} the {EventPhrases.Actor(row.Right!.Direction)} sent {EventPhrases.What(row.Right)} instead of {EventPhrases.What(row.Left!)}",
            AlignmentOp.RightOnly => RightOnly(rows, at, after, leftLabel, rightLabel),
            _ => LeftOnly(rows, at, after, rightLabel, instead),
        };

        // Where a side has no event in this row, point at what it did instead (its next event, or
        // the one the sentence names), else at its last one (where it stopped).
        long? leftFrame = row.Left?.FirstFrame ?? Next(rows, at, r => r.Left) ?? Previous(rows, at, r => r.Left);
        long? rightFrame = row.Right?.FirstFrame ?? instead?.FirstFrame ?? Next(rows, at, r => r.Right) ?? Previous(rows, at, r => r.Right);
        return new Divergence(at, Capitalize(sentence) + Facts(left, right), leftFrame, rightFrame);
    }

    private static long? Next(IReadOnlyList<AlignedRow> rows, int at, Func<AlignedRow, FlowEvent?> side) =>
        rows.Skip(at).Select(side).FirstOrDefault(e => e is not null)?.FirstFrame;

    private static long? Previous(IReadOnlyList<AlignedRow> rows, int at, Func<AlignedRow, FlowEvent?> side) =>
        rows.Take(at).Select(side).LastOrDefault(e => e is not null)?.LastFrame;

    private static string RightOnly(IReadOnlyList<AlignedRow> rows, int at, string after, string leftLabel, string rightLabel)
    {
        var extra = rows[at].Right!;
        var expected = rows.Skip(at).FirstOrDefault(r => r.Left is not null)?.Left;
        string actor = EventPhrases.Actor(extra.Direction);
        return expected is not null && expected.Direction == extra.Direction
            ? $"{after} the {actor} sent {EventPhrases.What(extra)} instead of {EventPhrases.What(expected)}"
            : $"{after} the {rightLabel} run has {EventPhrases.What(extra)} from the {actor} that the {leftLabel} run does not";
    }

    /// <summary>What the side of a missing event did next instead, passing over bare ACKs (a RST where an answer was due).</summary>
    private static FlowEvent? Instead(IReadOnlyList<AlignedRow> rows, int at)
    {
        var missing = rows[at].Left!;
        return rows.Skip(at).Select(r => r.Right).FirstOrDefault(e => e is not null && e.Direction == missing.Direction && e.Kind != EventKind.Ack);
    }

    private static string LeftOnly(IReadOnlyList<AlignedRow> rows, int at, string after, string rightLabel, FlowEvent? instead)
    {
        var missing = rows[at].Left!;
        bool rightEnds = rows.Skip(at).All(r => r.Right is null);
        string actor = EventPhrases.Actor(missing.Direction);
        if (rightEnds)
        {
            return $"{after} the {rightLabel} run stops: the {actor} never sent {EventPhrases.What(missing)}";
        }

        return instead is not null
            ? $"{after} the {actor} sent {EventPhrases.What(instead)} instead of {EventPhrases.What(missing)}"
            : $"{after} the {rightLabel} run has no {EventPhrases.What(missing)} from the {actor}";
    }

    private static Divergence OneSided(IReadOnlyList<AlignedRow> rows, Flow? left, Flow? right, string leftLabel, string rightLabel, int at)
    {
        string description = left is not null
            ? $"The {rightLabel} run has no such flow: it never {Began(left)}"
            : $"Only the {rightLabel} run has this flow; the {leftLabel} run never {Began(right!)}";
        return new Divergence(at, description, left?.FirstFrame, right?.FirstFrame);
    }

    private static string Began(Flow flow) => flow.Protocol switch
    {
        Transport.Tcp => $"connected to {flow.ServerLabel} port {flow.Server.Port}",
        Transport.Udp when flow.QueryName is { } name => $"asked DNS for {name}",
        Transport.Udp => $"sent UDP to {flow.ServerLabel} port {flow.Server.Port}",
        _ => $"pinged {flow.ServerLabel}",
    };

    /// <summary>Facts about the right flow that the left one does not share, appended to the sentence.</summary>
    private static string Facts(Flow left, Flow right)
    {
        var facts = new List<string>();
        if (right.ClientBytesUnacknowledged > 0 && left.ClientBytesUnacknowledged == 0)
        {
            facts.Add($"the client's {Unacknowledged(right.ClientBytesUnacknowledged)}");
        }

        if (right.ServerBytesUnacknowledged > 0 && left.ServerBytesUnacknowledged == 0)
        {
            facts.Add($"the server's {Unacknowledged(right.ServerBytesUnacknowledged)}");
        }

        return facts.Count == 0 ? "." : "; " + string.Join("; ", facts) + ".";
    }

    private static string Unacknowledged(long bytes) =>
        bytes == 1 ? "1 byte was never acknowledged" : $"{bytes} bytes were never acknowledged";

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
