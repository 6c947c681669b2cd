using PcapDiff.Core.Model;

namespace PcapDiff.Core.Reporting.Hints;

/// <summary>
/// The shape of a TLS 1.3 handshake seen without keys: the server's first flight (the data that holds
/// its ServerHello), the client's answer to it, and what each side sent after. Everything after the
/// ServerHello is encrypted, so only record sizes and who closed tell a failed handshake from a good one.
/// </summary>
internal sealed record TlsHandshakeShape(FlowEvent ServerFlight, FlowEvent ClientFlight, IReadOnlyList<FlowEvent> After)
{
    /// <summary>The shape of a TLS 1.3 flow; null when the flow did not choose TLS 1.3 or the client never answered the server's flight.</summary>
    public static TlsHandshakeShape? Of(Flow flow)
    {
        var events = flow.Events;
        int hello = -1;
        for (int i = 0; i < events.Count && hello < 0; i++)
        {
            if (events[i].Detail is TlsDetail { ChoseTls13: true })
            {
                hello = i;
            }
        }

        int server = Next(events, hello, Direction.ServerToClient);
        int client = Next(events, server, Direction.ClientToServer);
        return hello < 0 || server < 0 || client < 0 ? null : new TlsHandshakeShape(events[server], events[client], [.. events.Skip(client + 1)]);
    }

    /// <summary>The data events of one side after the client's flight.</summary>
    public IEnumerable<FlowEvent> DataAfter(Direction direction) => After.Where(e => e.Kind == EventKind.Data && e.Direction == direction);

    /// <summary>The first FIN or RST after the client's flight, by frame.</summary>
    public FlowEvent? Close => After.Where(EventPhrases.IsClose).MinBy(e => e.FirstFrame);

    /// <summary>The last record known to start in a data event, if any.</summary>
    public static TlsRecord? LastRecord(FlowEvent data) => data.Records.Count == 0 ? null : data.Records[^1];

    /// <summary>True when all of the event's records that are known are short encrypted ones (an alert).</summary>
    public static bool OnlyShortRecords(FlowEvent data) => data.Records.Count > 0 && data.Records.All(r => r.IsShortEncrypted);

    private static int Next(IReadOnlyList<FlowEvent> events, int from, Direction direction)
    {
        if (from < 0)
        {
            return -1;
        }

        for (int i = from + 1; i < events.Count; i++)
        {
            if (events[i] is { Kind: EventKind.Data } e && e.Direction == direction)
            {
                return i;
            }
        }

        return -1;
    }
}
