using PcapDiff.Core.Alignment;
using PcapDiff.Core.Model;
using static PcapDiff.Core.Reporting.DivergenceExplainer;
using static PcapDiff.Core.Reporting.EventPhrases;

namespace PcapDiff.Core.Reporting;

/// <summary>The sentence about one pair's first differing row, and the frames it points at.</summary>
internal sealed class DivergenceStory(IReadOnlyList<AlignedRow> rows, int at, Flow left, Flow right, ComparisonContext context)
{
    private readonly AlignedRow _row = rows[at];
    private readonly string _good = context.LeftLabel;
    private readonly string _bad = context.RightLabel;

    /// <summary>The left run's frame the divergence points at: its event in the row, else its next, else its last.</summary>
    public long? LeftFrame => _row.Left?.FirstFrame ?? NextOf(r => r.Left)?.FirstFrame ?? PreviousOf(r => r.Left)?.LastFrame;

    /// <summary>The right run's frame: its event in the row, else what it did instead, else its next, else its last.</summary>
    public long? RightFrame => _row.Right?.FirstFrame ?? Named?.FirstFrame ?? NextOf(r => r.Right)?.FirstFrame ?? PreviousOf(r => r.Right)?.LastFrame;

    /// <summary>The right run's event the sentence names where the row has none of its own.</summary>
    private FlowEvent? Named { get; set; }

    /// <summary>The right run's events the sentence cites with their frames: what follows need not cite them again.</summary>
    public HashSet<FlowEvent> Cited { get; } = [];

    /// <summary><see cref="EventPhrases.Cite"/> for an event of the right run, remembering that it was cited.</summary>
    private string CiteRight(string phrase, FlowEvent e)
    {
        Cited.Add(e);
        return Cite(phrase, e);
    }

    public string Tell() => _row.Op switch
    {
        AlignmentOp.Changed => Changed(_row.Left!, _row.Right!),
        AlignmentOp.LeftOnly => Missing(_row.Left!),
        _ => Extra(_row.Right!),
    };

    private string After
    {
        get
        {
            var anchor = Anchor(right, r => r.Right, Start(r => r.Right));
            if (anchor is null)
            {
                return string.Empty;
            }

            // An anchor repeated after the event the sentence is about (a SYN-ACK sent again): cite where it came first.
            if (_row.Right is { } here && anchor.LastFrame > here.FirstFrame)
            {
                Cited.Add(anchor);
                return $"after {CiteFirstFrame(Possessive(anchor), anchor)}";
            }

            return $"after {CiteRight(Possessive(anchor), anchor)}";
        }
    }

    /// <summary>
    /// Where the differing part starts on one side: this row, or earlier when the row's event is data whose
    /// protocol messages stand in the rows just before it (the messages are part of what differs).
    /// </summary>
    private int Start(Func<AlignedRow, FlowEvent?> side)
    {
        int start = at;
        if (side(_row) is { Kind: EventKind.Data, CarriedMessages: > 0 } data)
        {
            int carried = data.CarriedMessages;
            while (start > 0 && carried > 0 && side(rows[start - 1]) is { } e && e.Direction == data.Direction && e.Kind is EventKind.Tls or EventKind.Http or EventKind.Mqtt)
            {
                start--;
                carried--;
            }
        }

        return start;
    }

    private string Changed(FlowEvent good, FlowEvent bad)
    {
        string actor = Actor(bad.Direction);
        if (bad.Kind == good.Kind && bad.Mismatch is { } wrong && good.Mismatch is null)
        {
            return Join(After, $"the {actor}'s {Keyword(bad)} ({Where(bad)}) carried {Number(wrong)}: {Why(bad, wrong)}");
        }

        string sentence = Join(After, $"{Sent(bad)} instead of {What(good)}");
        return LaterInRight(good) is { } later ? $"{sentence}, which it sent only later ({Where(later)})" : sentence;
    }

    /// <summary>"the client sent RST (#5)", "the client began with …" at the start; an ICMP error "came back" from whoever sent it.</summary>
    private string Sent(FlowEvent e) => e.Detail is IcmpErrorDetail
        ? $"{CiteRight(Possessive(e), e)} came back"
        : PreviousOf(r => r.Right) is null
            ? $"the {Actor(e.Direction)} began with {CiteRight(What(e), e)}"
            : $"the {Actor(e.Direction)} sent {CiteRight(What(e), e)}";

    /// <summary>Joins the "after …" part and the rest of a sentence.</summary>
    private static string Join(string after, string rest) => after.Length == 0 ? rest : $"{after} {rest}";

    private string Missing(FlowEvent missing)
    {
        string actor = Actor(missing.Direction);
        if (_row.Moved && rows[_row.Counterpart].Right is { } copy)
        {
            Named = copy;
            var before = Anchor(right, r => r.Right, _row.Counterpart);
            string where = before is null ? string.Empty : $", after {Possessive(before)}";
            return Join(After, $"the {_bad} run has the {actor}'s {Noun(missing)} only later ({Where(copy)}{where})");
        }

        bool absent = !right.Events.Any(e => e.SameAs(missing));
        var next = NextMeaningful(missing, out bool nextDiffers);
        string notSent = absent
            ? Elsewhere(missing) is { } other
                ? $"the {actor} did not send {What(missing)} on this connection: the {_bad} run sent it over another one ({Where(other)})"
                : $"the {actor} never sent {What(missing)}"
            : $"the {actor} did not send {What(missing)} here ({Where(missing, _good)})";
        if (next is null)
        {
            return Join(After, $"the {_bad} run stops: {notSent}");
        }

        Named = next;
        if (next.Direction == missing.Direction && nextDiffers)
        {
            return Join(After, $"{Sent(next)} instead of {What(missing)}");
        }

        return next.Direction == missing.Direction || next.Detail is IcmpErrorDetail
            ? Join(After, notSent)
            : Join(After, $"{notSent}; the {Actor(next.Direction)} sent {CiteRight(What(next), next)} next");
    }

    private string Extra(FlowEvent extra)
    {
        string actor = Actor(extra.Direction);
        if (_row.Moved && rows[_row.Counterpart].Left is { } copy)
        {
            var before = Anchor(left, r => r.Left, _row.Counterpart);
            string where = before is null ? string.Empty : $", after {Possessive(before)}";
            return Join(After, $"{Sent(extra)}, earlier than the {_good} run, which has it only later ({Where(copy, _good)}{where})");
        }

        var expected = NextDifferingLeft();
        if (expected is not null && expected.Direction == extra.Direction && !IsBareAck(extra) && !IsBareAck(expected))
        {
            return Join(After, $"{Sent(extra)} instead of {What(expected)}");
        }

        return left.Events.Any(e => e.SameAs(extra))
            ? Join(After, $"{Sent(extra)} once more than the {_good} run's {actor} did")
            : Join(After, $"{Sent(extra)}, which the {_good} run's {actor} never sent");
    }

    /// <summary>Why a number is wrong, for the numbers the handshake fixes.</summary>
    private static string Why(FlowEvent e, SequenceMismatch wrong) => (e.Kind, wrong.Field) switch
    {
        (EventKind.Ack, TcpNumber.Acknowledgment) => "the handshake's ACK must acknowledge the SYN-ACK's sequence number plus one",
        (EventKind.SynAck, TcpNumber.Acknowledgment) => "a SYN-ACK must acknowledge the SYN's sequence number plus one",
        (_, TcpNumber.Sequence) => "the first byte of data comes one past the SYN's own sequence number",
        _ => $"{wrong.Expected} was due",
    };

    private static string Keyword(FlowEvent e) => Normalization.EventText.Keyword(e.Kind);

    /// <summary>The right run's copy of a left event, at a row after this one.</summary>
    private FlowEvent? LaterInRight(FlowEvent e) =>
        rows.Skip(at + 1).Select(r => r.Right).FirstOrDefault(x => x is not null && x.SameAs(e));

    /// <summary>The same event in another flow of the right run to the same service (one connection there, two here).</summary>
    private FlowEvent? Elsewhere(FlowEvent e)
    {
        if (!IsDistinctive(e))
        {
            return null;
        }

        return context.Right.FirstElsewhere(FlowMatcher.ServiceKey(right), right, e);
    }

    /// <summary>
    /// The right run's next event from this row on that could stand where <paramref name="missing"/> was due,
    /// passing over bare ACKs (and, for a protocol message, the data events that only count bytes), and
    /// whether it is in a row that differs.
    /// </summary>
    private FlowEvent? NextMeaningful(FlowEvent missing, out bool differs)
    {
        bool message = missing.Kind is EventKind.Tls or EventKind.Http or EventKind.Mqtt;
        for (int i = at; i < rows.Count; i++)
        {
            // Data that carries messages only counts their bytes; data in which nothing was decoded, where the other
            // run's bytes held the missing message, is what was sent instead.
            if (rows[i].Right is { } e && !IsBareAck(e)
                && !(message && e.Kind == EventKind.Data && e.Direction == missing.Direction && (rows[i].Op == AlignmentOp.Equal || e.CarriedMessages > 0)))
            {
                differs = rows[i].Op != AlignmentOp.Equal;
                return e;
            }
        }

        differs = false;
        return null;
    }

    /// <summary>What the left run did at this point: its next event in a row that differs, before the runs agree again.</summary>
    private FlowEvent? NextDifferingLeft()
    {
        for (int i = at; i < rows.Count && rows[i].Op != AlignmentOp.Equal; i++)
        {
            if (rows[i].Left is { } e)
            {
                return e;
            }
        }

        return null;
    }

    /// <summary>
    /// What a sentence starts from: the run's last event before row <paramref name="before"/>, passing over
    /// ACKs of data (they only say that what came before arrived), named by its protocol message if it has one.
    /// </summary>
    private FlowEvent? Anchor(Flow flow, Func<AlignedRow, FlowEvent?> side, int before)
    {
        for (int i = before - 1; i >= 0; i--)
        {
            if (side(rows[i]) is { } e && !IsAckOfBytes(e))
            {
                return Decoded(e, flow);
            }
        }

        return PreviousOf(side, before) is { } ack ? Decoded(ack, flow) : null;
    }

    private FlowEvent? NextOf(Func<AlignedRow, FlowEvent?> side)
    {
        for (int i = at; i < rows.Count; i++)
        {
            if (side(rows[i]) is { } e)
            {
                return e;
            }
        }

        return null;
    }

    private FlowEvent? PreviousOf(Func<AlignedRow, FlowEvent?> side, int before = -1)
    {
        for (int i = (before < 0 ? at : before) - 1; i >= 0; i--)
        {
            if (side(rows[i]) is { } e)
            {
                return e;
            }
        }

        return null;
    }
}
