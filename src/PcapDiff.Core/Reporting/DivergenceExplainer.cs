using PcapDiff.Core.Alignment;
using PcapDiff.Core.Model;
using static PcapDiff.Core.Reporting.EventPhrases;

namespace PcapDiff.Core.Reporting;

/// <summary>
/// Names the first divergence of a pair in plain words, with both runs' frame numbers. Every sentence
/// states only what the aligned rows prove: who did what, and what the other run did at that point.
/// "Never" is said only of an event the whole flow lacks; an event both runs have at different places
/// is said to come earlier or later. Frames cited bare (#7) are the right (bad) run's; the left run's
/// carry its label (good #8).
/// </summary>
internal static class DivergenceExplainer
{
    public static Divergence? Explain(IReadOnlyList<AlignedRow> rows, Flow? left, Flow? right, ComparisonContext context)
    {
        if (left is null || right is null)
        {
            return OneSidedFlows.Explain(left, right, context);
        }

        var identity = FlowIdentity.Of(left, right);
        string? service = identity.Diverges ? ServiceClause(left, right, context) : null;
        int at = FirstDifference(rows);
        if (at < 0)
        {
            return service is null ? null : new Divergence(0, Capitalize(service) + ".", left.FirstFrame, right.FirstFrame);
        }

        var story = new DivergenceStory(rows, at, left, right, context);
        string sentence = story.Tell();
        string text = service is null ? Capitalize(sentence) : $"{Capitalize(service)}; {sentence}";
        string? facts = DeliveryFacts.Of(rows, at, left, right, context, story.Cited);
        return new Divergence(at, facts is null ? text + "." : $"{text}. {facts}.", story.LeftFrame, story.RightFrame);
    }

    /// <summary>
    /// The first row that differs; a bare ACK one run has and the other lacks counts only when nothing
    /// else differs after it (what an ACK acknowledges is told by the delivery facts).
    /// </summary>
    internal static int FirstDifference(IReadOnlyList<AlignedRow> rows)
    {
        int first = -1;
        for (int i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.Op == AlignmentOp.Equal)
            {
                continue;
            }

            if (first < 0)
            {
                first = i;
            }

            if (!(row.Op is AlignmentOp.LeftOnly or AlignmentOp.RightOnly && IsBareAck(row.Event)))
            {
                return i;
            }
        }

        return first;
    }

    /// <summary>"the client connected to port 8515 where the good run's client connected to 8514".</summary>
    private static string ServiceClause(Flow left, Flow right, ComparisonContext context)
    {
        string verb = right.Protocol == Transport.Tcp ? "connected to" : "sent to";
        return left.Server.Port != right.Server.Port && left.ServerName == right.ServerName
            ? $"the client {verb} port {right.Server.Port} where the {context.LeftLabel} run's client {verb} {left.Server.Port}"
            : $"the client {verb} {Server(right)} where the {context.LeftLabel} run's client {verb} {Server(left)}";
    }

    /// <summary>"collector.test (192.0.2.1) port 8514": the name users know, the address that proves it.</summary>
    internal static string Server(Flow flow)
    {
        string address = flow.Server.Address.IsKnown ? flow.Server.Address.ToString() : string.Empty;
        string host = flow.ServerName is { } name
            ? address.Length == 0 ? name : $"{name} ({address})"
            : address;
        return flow.Protocol is Transport.Tcp or Transport.Udp ? $"{host} port {flow.Server.Port}" : host;
    }

    /// <summary>A data event named by the last protocol message found in its bytes, where one was: "the server's MQTT CONNACK accepted".</summary>
    internal static FlowEvent Decoded(FlowEvent e, Flow flow)
    {
        if (e.Kind != EventKind.Data || e.CarriedMessages == 0)
        {
            return e;
        }

        int index = IndexOf(flow.Events, e);
        return index > 0 ? flow.Events[index - 1] : e;
    }

    /// <summary>Whether an event says enough to be recognised in another flow: a decoded message or data with a preview.</summary>
    internal static bool IsDistinctive(FlowEvent e) =>
        e.Kind is EventKind.Tls or EventKind.Http or EventKind.Mqtt or EventKind.DnsQuery
        || e.Detail is PayloadDetail { Hidden: false, Preview.Length: > 0 };

    internal static int IndexOf(IReadOnlyList<FlowEvent> events, FlowEvent e)
    {
        for (int i = 0; i < events.Count; i++)
        {
            if (ReferenceEquals(events[i], e))
            {
                return i;
            }
        }

        return -1;
    }
}
