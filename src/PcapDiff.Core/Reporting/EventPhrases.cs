using PcapDiff.Core.Model;

namespace PcapDiff.Core.Reporting;

/// <summary>Plain-language words for events, for divergence descriptions and hints.</summary>
internal static class EventPhrases
{
    public static string Actor(Direction direction) => direction == Direction.ClientToServer ? "client" : "server";

    /// <summary>What was sent, without who sent it: "RST", "5 bytes of data (\"hoge\\n\")".</summary>
    public static string What(FlowEvent e) => e.Kind switch
    {
        EventKind.Data => Preview(e) is { Length: > 0 } preview ? $"{Bytes(e.Bytes)} of data ({preview})" : $"{Bytes(e.Bytes)} of data",
        EventKind.Datagram => e.Packets > 1 ? $"{e.Packets} datagrams ({Bytes(e.Bytes)})" : $"a datagram of {Bytes(e.Bytes)}",
        EventKind.DnsQuery or EventKind.DnsResponse or EventKind.IcmpError => Detail(e),
        EventKind.EchoRequest => "an echo request",
        EventKind.EchoReply => "an echo reply",
        _ => Keyword(e),
    };

    /// <summary>The event with its sender: "the server's SYN-ACK", "the client's 5 bytes of data".</summary>
    public static string Possessive(FlowEvent e)
    {
        string repeats = e.Repeats > 0 ? $" (sent {e.Repeats + 1} times)" : string.Empty;
        return e.Kind switch
        {
            EventKind.IcmpError => $"an ICMP {Detail(e)}{repeats}",
            _ => $"the {Actor(e.Direction)}'s {What(e)}{repeats}",
        };
    }

    public static string Bytes(long bytes) => bytes == 1 ? "1 byte" : $"{bytes} bytes";

    /// <summary>What follows the arrow and the keyword in the event's text: <c>alert fatal unknown_ca</c> of <c>S→C TLS alert fatal unknown_ca</c>.</summary>
    public static string DetailOf(FlowEvent e)
    {
        string head = $"{Normalization.EventText.Arrow(e.Direction)} {Normalization.EventText.Keyword(e.Kind)} ";
        return e.Text.StartsWith(head, StringComparison.Ordinal) ? e.Text[head.Length..] : string.Empty;
    }

    private static string Keyword(FlowEvent e)
    {
        int space = e.Text.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? e.Text : e.Text[(space + 1)..];
    }

    private static string Detail(FlowEvent e) => e.Kind switch
    {
        EventKind.DnsQuery => "DNS " + Keyword(e)[4..],
        EventKind.DnsResponse => "DNS " + Keyword(e)[4..],
        EventKind.IcmpError => Keyword(e)[5..],
        _ => Keyword(e),
    };

    private static string Preview(FlowEvent e)
    {
        int quote = e.Text.IndexOf('"', StringComparison.Ordinal);
        return quote < 0 ? string.Empty : e.Text[quote..];
    }
}
