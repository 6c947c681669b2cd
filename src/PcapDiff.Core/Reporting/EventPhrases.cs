using System.Globalization;
using PcapDiff.Core.Model;
using PcapDiff.Core.Normalization;

namespace PcapDiff.Core.Reporting;

/// <summary>
/// Plain-language words for events, for divergence sentences and hints, made from the events' typed
/// fields (a protocol message is named by the one formatter, <see cref="EventText"/>).
/// </summary>
internal static class EventPhrases
{
    public static string Actor(Direction direction) => direction == Direction.ClientToServer ? "client" : "server";

    public static string Peer(Direction direction) => direction == Direction.ClientToServer ? "server" : "client";

    /// <summary>What was sent, without who sent it: "RST", "5 bytes of data ("hoge\n")", "a datagram of 5 bytes", "MQTT CONNACK accepted".</summary>
    public static string What(FlowEvent e) => e.Kind switch
    {
        EventKind.Datagram when e.Packets <= 1 => "a " + Noun(e),
        EventKind.EchoRequest or EventKind.EchoReply => "an " + Noun(e),
        _ => Noun(e),
    };

    /// <summary>The event with its sender: "the server's SYN-ACK", "the client's 5 bytes of data", "an ICMP host-unreachable from 198.51.100.254".</summary>
    public static string Possessive(FlowEvent e) => e.Detail is IcmpErrorDetail icmp
        ? icmp.From is { } from ? $"an ICMP {icmp.Name} from {from}" : $"an ICMP {icmp.Name}"
        : $"the {Actor(e.Direction)}'s {Noun(e)}";

    /// <summary>The event's own words without an article: "datagram of 5 bytes ("hoge\n")", "2 datagrams (10 bytes)".</summary>
    public static string Noun(FlowEvent e)
    {
        string noun = e.Kind switch
        {
            EventKind.Data => e.Detail switch
            {
                PayloadDetail { Hidden: true } => $"{Bytes(e.Bytes)} of TLS data",
                PayloadDetail { Preview.Length: > 0 } payload => $"{Bytes(e.Bytes)} of data ({PayloadPreview.Format(payload.Preview, e.Bytes)})",
                _ => $"{Bytes(e.Bytes)} of data",
            },
            EventKind.Datagram => e.Packets > 1
                ? $"{e.Packets} datagrams ({Bytes(e.Bytes)})"
                : e.Detail is PayloadDetail { Hidden: false, Preview.Length: > 0 } datagram
                    ? $"datagram of {Bytes(e.Bytes)} ({PayloadPreview.Format(datagram.Preview, e.Bytes)})"
                    : $"datagram of {Bytes(e.Bytes)}",
            EventKind.EchoRequest => "echo request",
            EventKind.EchoReply => "echo reply",
            EventKind.IcmpError => $"ICMP {EventText.DetailOf(e)}",
            EventKind.DnsQuery or EventKind.DnsResponse or EventKind.Tls or EventKind.Http or EventKind.Mqtt
                => $"{EventText.Keyword(e.Kind)} {EventText.DetailOf(e)}",
            EventKind.Ack when e.Acknowledges == AckMeaning.Handshake => "handshake ACK",
            _ => EventText.Keyword(e.Kind),
        };
        return e.Mismatch is { } mismatch ? $"{noun} with {Number(mismatch)}" : noun;
    }

    /// <summary>"ack=0 (expected 1)": a wrong TCP number as the event's text shows it.</summary>
    public static string Number(SequenceMismatch mismatch) =>
        $"{(mismatch.Field == TcpNumber.Acknowledgment ? "ack" : "seq")}={mismatch.Value} (expected {mismatch.Expected})";

    /// <summary>Where the event is in its capture: "#5", "#5-9" (frames), with its repeats: "#3, sent 3 times".</summary>
    public static string Where(FlowEvent e, string? label = null)
    {
        string frames = e.LastFrame > e.FirstFrame ? $"#{N(e.FirstFrame)}-{N(e.LastFrame)}" : $"#{N(e.FirstFrame)}";
        string place = label is null ? frames : $"{label} {frames}";
        return EventText.Repeats(e) is { } repeats ? $"{place}, {repeats}" : place;
    }

    /// <summary>
    /// A phrase with where its event is: "5 bytes of data ("hoge\n", #6)", "SYN (#3-5, sent 3 times)". A
    /// phrase that ends in a preview or a DNS answer list takes the citation inside those brackets.
    /// </summary>
    public static string Cite(string phrase, FlowEvent e, string? label = null) => Place(phrase, e, Where(e, label));

    /// <summary>Like <see cref="Cite"/>, but only the event's first frame: for an event whose repeats came after what the sentence is about.</summary>
    public static string CiteFirstFrame(string phrase, FlowEvent e) => Place(phrase, e, Frame(e.FirstFrame));

    private static string Place(string phrase, FlowEvent e, string where)
    {
        bool inside = phrase.EndsWith(')') && e.Kind is EventKind.Data or EventKind.Datagram or EventKind.DnsResponse && e.Mismatch is null;
        return inside ? $"{phrase[..^1]}, {where})" : $"{phrase} ({where})";
    }

    /// <summary>A frame as a sentence cites it: "#7", or "good #7" for the run that is not the one the sentence is about.</summary>
    public static string Frame(long frame, string? label = null) => label is null ? $"#{N(frame)}" : $"{label} #{N(frame)}";

    public static string Bytes(long bytes) => bytes == 1 ? "1 byte" : $"{N(bytes)} bytes";

    /// <summary>A time between two events for a sentence: "less than 0.1 ms", "0.2 ms", "15 ms", "3.0 s", "2 min 5 s".</summary>
    public static string Duration(TimeSpan span)
    {
        double ms = span.TotalMilliseconds;
        return ms switch
        {
            < 0.1 => "less than 0.1 ms",
            < 1 => $"{ms.ToString("0.0", CultureInfo.InvariantCulture)} ms",
            < 1000 => $"{ms.ToString("0", CultureInfo.InvariantCulture)} ms",
            < 60_000 => $"{span.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s",
            _ => $"{(int)span.TotalMinutes} min {span.Seconds} s",
        };
    }

    /// <summary>True for a pure ACK with no wrong number: it says only that bytes arrived (or, in the handshake, that the SYN-ACK did).</summary>
    public static bool IsBareAck(FlowEvent e) => e.Kind == EventKind.Ack && e.Mismatch is null;

    /// <summary>True for a pure ACK of data or of a FIN: a bad anchor for a sentence, since what it answers came just before it.</summary>
    public static bool IsAckOfBytes(FlowEvent e) => IsBareAck(e) && e.Acknowledges != AckMeaning.Handshake;

    /// <summary>True for an event that ends the sender's side of a TCP connection.</summary>
    public static bool IsClose(FlowEvent e) => e.Kind is EventKind.Fin or EventKind.Rst;

    /// <summary>"closed" for a FIN, "reset the connection" for a RST.</summary>
    public static string Closing(FlowEvent e) => e.Kind == EventKind.Rst ? "reset the connection" : "closed";

    public static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);
}
