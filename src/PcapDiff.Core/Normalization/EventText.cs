using PcapDiff.Core.Model;

namespace PcapDiff.Core.Normalization;

/// <summary>The canonical one-line text of an event, e.g. <c>C→S DATA 5B "hoge\n"</c>.</summary>
public static class EventText
{
    /// <summary>The arrow text of a direction.</summary>
    public static string Arrow(Direction direction) => direction == Direction.ClientToServer ? "C→S" : "S→C";

    /// <summary>The keyword of an event kind as it appears in the text.</summary>
    public static string Keyword(EventKind kind) => kind switch
    {
        EventKind.Syn => "SYN",
        EventKind.SynAck => "SYN-ACK",
        EventKind.Ack => "ACK",
        EventKind.Data => "DATA",
        EventKind.Fin => "FIN",
        EventKind.Rst => "RST",
        EventKind.Datagram => "DGRAM",
        EventKind.DnsQuery => "DNS query",
        EventKind.DnsResponse => "DNS response",
        EventKind.EchoRequest => "ICMP echo-request",
        EventKind.EchoReply => "ICMP echo-reply",
        EventKind.IcmpError => "ICMP",
        _ => kind.ToString(),
    };

    /// <summary>Builds the canonical text from its parts.</summary>
    public static string Format(Direction direction, EventKind kind, string? detail) =>
        string.IsNullOrEmpty(detail)
            ? $"{Arrow(direction)} {Keyword(kind)}"
            : $"{Arrow(direction)} {Keyword(kind)} {detail}";
}
