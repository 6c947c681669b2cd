using PcapDiff.Core.Model;

namespace PcapDiff.Core.Normalization;

/// <summary>
/// UDP: consecutive datagrams in one direction coalesce into one DGRAM event; DNS messages become
/// query and response events naming the query and the response code.
/// </summary>
internal sealed class UdpNormalizer(NormalizationOptions options, HostNameRegistry names, bool dnsPort)
    : FlowNormalizer(options, Transport.Udp)
{
    // Each DNS message seen, by direction, id and question; null where the event cap dropped it.
    private readonly Dictionary<(Direction, ushort, string?, ushort), EventDraft?> _dnsEvents = [];
    private string? _queryName;
    private bool _isDns;

    public override string? Application => _isDns ? "DNS" : null;

    public override string? QueryName => _queryName;

    public override void Add(in PacketRecord packet, Direction direction, ReadOnlySpan<byte> payload)
    {
        Zeek.Udp(direction, packet.PayloadLength);
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
        // A resolver sends its A and AAAA queries together; which answer comes back first is a race.
        Events.OrderRuns(e => e.Kind is EventKind.DnsQuery or EventKind.DnsResponse);
        return base.Finish();
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
        draft.Detail = new DnsDetail(dns.Id, dns.QueryType, dns.QueryName ?? ".", dns.IsResponse ? dns.ResponseCode : null, dns.AnswerTypes);

        if (dns.IsResponse && dns.QueryName is { } asked)
        {
            foreach (var (_, address) in dns.Addresses)
            {
                names.Add(IpAddress.FromBytes(address), asked);
            }
        }
    }
}
