using PcapDiff.Core.Model;

namespace PcapDiff.Core.Normalization;

/// <summary>
/// UDP: consecutive datagrams in one direction coalesce into one DGRAM event; DNS messages become
/// query and response events naming the query and the response code.
/// </summary>
internal sealed class UdpNormalizer(NormalizationOptions options, HostNameRegistry names, bool dnsPort)
    : FlowNormalizer(options)
{
    // Each DNS message seen, by direction, id and question; null where the event cap dropped it.
    private readonly Dictionary<(Direction, ushort, string?, ushort), EventDraft?> _dnsEvents = [];

    // The first frame of each transaction (id and question), which orders transactions of the same question.
    private readonly Dictionary<(ushort Id, ushort Type, string Name), long> _transactionStart = [];
    private string? _queryName;
    private bool _isDns;

    public override bool IsDns => _isDns;

    public override string? QueryName => _queryName;

    public override void Add(in PacketRecord packet, Direction direction, ReadOnlySpan<byte> payload)
    {
        if (dnsPort && DnsMessage.TryParse(payload) is { } dns)
        {
            AddDns(packet, direction, dns);
            return;
        }

        if (Events.Last is { Kind: EventKind.Datagram } last && last.Direction == direction)
        {
            last.Touch(packet);
            last.Bytes += packet.PayloadLength;
            return;
        }

        var draft = Events.Add(EventKind.Datagram, direction, packet);
        if (draft is not null)
        {
            draft.Bytes = packet.PayloadLength;
            draft.WritePreview(0, payload);
        }
    }

    public override NormalizedFlow Finish()
    {
        if (_isDns)
        {
            // The DNS transactions of one socket are independent: a resolver sends its A and AAAA
            // queries together, and the order of queries and answers on the wire is a race. Each
            // answer goes after its query (by id and question), and the transactions go in the order
            // of their questions, so two runs that asked and got the same compare equal.
            Events.Reorder(ByTransaction);
        }

        return base.Finish();
    }

    /// <summary>DNS events by question (name, then type), transaction and query before response; other datagrams after them, as they came.</summary>
    private int ByTransaction(EventDraft a, EventDraft b)
    {
        if (a.Detail is not DnsDetail x || b.Detail is not DnsDetail y)
        {
            return (a.Detail is DnsDetail ? 0 : 1).CompareTo(b.Detail is DnsDetail ? 0 : 1);
        }

        int order = string.CompareOrdinal(x.QueryName, y.QueryName);
        order = order != 0 ? order : x.QueryType.CompareTo(y.QueryType);
        order = order != 0 ? order : _transactionStart[(x.Id, x.QueryType, x.QueryName)].CompareTo(_transactionStart[(y.Id, y.QueryType, y.QueryName)]);
        return order != 0 ? order : x.IsResponse.CompareTo(y.IsResponse);
    }

    private void AddDns(in PacketRecord packet, Direction direction, DnsMessage dns)
    {
        _isDns = true;
        _queryName ??= dns.QueryName;
        var identity = (direction, dns.Id, dns.QueryName, dns.QueryType);
        if (_dnsEvents.TryGetValue(identity, out var earlier))
        {
            // The same query (or response) again: a resolver retry, not new behaviour.
            earlier?.Repeat(packet);
            return;
        }

        var draft = Events.Add(dns.IsResponse ? EventKind.DnsResponse : EventKind.DnsQuery, direction, packet);
        _dnsEvents[identity] = draft;
        if (draft is null)
        {
            return;
        }

        draft.Bytes = packet.PayloadLength;
        var detail = new DnsDetail(dns.Id, dns.QueryType, dns.QueryName ?? ".", dns.IsResponse ? dns.ResponseCode : null, dns.AnswerTypes);
        draft.Detail = detail;
        _transactionStart.TryAdd((detail.Id, detail.QueryType, detail.QueryName), packet.FrameNumber);

        if (dns.IsResponse && dns.QueryName is { } asked)
        {
            foreach (var (_, address) in dns.Addresses)
            {
                names.Add(IpAddress.FromBytes(address), asked);
            }
        }
    }
}
