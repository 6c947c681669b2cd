using System.Text;
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
        EventKind.Tls => "TLS",
        EventKind.Http => "HTTP",
        EventKind.Mqtt => "MQTT",
        _ => kind.ToString(),
    };

    // The text of every event without detail (SYN, ACK, FIN, …), made once: most events are these.
    private static readonly EventKind[] Kinds = Enum.GetValues<EventKind>();
    private static readonly string[] Plain = [.. Enum.GetValues<Direction>()
        .SelectMany(d => Kinds.Select(k => $"{Arrow(d)} {Keyword(k)}"))];

    [ThreadStatic]
    private static StringBuilder? _threadBuilder;

    /// <summary>Builds the canonical text from its parts.</summary>
    public static string Format(Direction direction, EventKind kind, string? detail) =>
        string.IsNullOrEmpty(detail)
            ? PlainText(direction, kind)
            : $"{Arrow(direction)} {Keyword(kind)} {detail}";

    /// <summary>
    /// A builder holding the start of an event's text ("C→S DATA "), to append the detail to and
    /// pass to <see cref="Finish"/>; one per thread, so building a text allocates only the text.
    /// </summary>
    internal static StringBuilder Start(Direction direction, EventKind kind)
    {
        var text = _threadBuilder ?? new StringBuilder(64);
        _threadBuilder = null;
        return text.Clear().Append(Arrow(direction)).Append(' ').Append(Keyword(kind)).Append(' ');
    }

    /// <summary>The text in <paramref name="text"/>; the builder goes back for reuse.</summary>
    internal static string Finish(StringBuilder text)
    {
        string result = text.ToString();
        _threadBuilder = text;
        return result;
    }

    private static string PlainText(Direction direction, EventKind kind)
    {
        int index = ((int)direction * Kinds.Length) + (int)kind;
        return (uint)kind < (uint)Kinds.Length && (uint)index < (uint)Plain.Length ? Plain[index] : $"{Arrow(direction)} {Keyword(kind)}";
    }
}
