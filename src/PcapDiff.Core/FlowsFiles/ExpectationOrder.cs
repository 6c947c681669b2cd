using PcapDiff.Core.Model;

namespace PcapDiff.Core.FlowsFiles;

/// <summary>
/// Puts the events of a flow read from a <c>.flows</c> file into the order the normalizer gives a
/// capture's, so that a file written by an older pcapdiff, or by hand, compares as the capture would:
/// a close in which both sides sent FIN lists the client's FIN first and no ACK of those FINs, and
/// the DNS transactions of a flow go by question, each answer after its query.
/// </summary>
internal static class ExpectationOrder
{
    public static List<FlowEvent> Apply(Transport protocol, List<FlowEvent> events) => protocol switch
    {
        Transport.Tcp => Close(events),
        Transport.Udp when events.Any(e => e.Detail is DnsDetail) => Dns(events),
        _ => events,
    };

    private static List<FlowEvent> Close(List<FlowEvent> events)
    {
        int second = events.FindLastIndex(e => e.Kind == EventKind.Fin);
        if (second < 1 || events[second - 1] is not { Kind: EventKind.Fin } first || first.Direction == events[second].Direction)
        {
            return events;
        }

        var ordered = new List<FlowEvent>(events);
        if (ordered[second].Direction == Direction.ClientToServer)
        {
            (ordered[second - 1], ordered[second]) = (ordered[second], ordered[second - 1]);
        }

        while (second + 1 < ordered.Count && ordered[second + 1] is { Kind: EventKind.Ack, Mismatch: null, Detail: null })
        {
            ordered.RemoveAt(second + 1);
        }

        return ordered;
    }

    /// <summary>
    /// A <c>.flows</c> file has no transaction ids: the n-th query for a question and the n-th answer to
    /// it are one transaction.
    /// </summary>
    private static List<FlowEvent> Dns(List<FlowEvent> events)
    {
        var seen = new Dictionary<(bool, ushort, string), int>();
        var keyed = new List<(FlowEvent Event, int Transaction, int Position)>(events.Count);
        for (int i = 0; i < events.Count; i++)
        {
            int transaction = 0;
            if (events[i].Detail is DnsDetail dns)
            {
                var question = (dns.IsResponse, dns.QueryType, dns.QueryName);
                transaction = seen.GetValueOrDefault(question);
                seen[question] = transaction + 1;
            }

            keyed.Add((events[i], transaction, i));
        }

        keyed.Sort((a, b) =>
        {
            if (a.Event.Detail is not DnsDetail x || b.Event.Detail is not DnsDetail y)
            {
                int dnsFirst = (a.Event.Detail is DnsDetail ? 0 : 1).CompareTo(b.Event.Detail is DnsDetail ? 0 : 1);
                return dnsFirst != 0 ? dnsFirst : a.Position.CompareTo(b.Position);
            }

            int order = string.CompareOrdinal(x.QueryName, y.QueryName);
            order = order != 0 ? order : x.QueryType.CompareTo(y.QueryType);
            order = order != 0 ? order : a.Transaction.CompareTo(b.Transaction);
            order = order != 0 ? order : x.IsResponse.CompareTo(y.IsResponse);
            return order != 0 ? order : a.Position.CompareTo(b.Position);
        });
        return keyed.ConvertAll(k => k.Event);
    }
}
