using System.Globalization;
using System.Text;
using PcapDiff.Core.Model;
using PcapDiff.Core.Protocols;

namespace PcapDiff.Core.Normalization;

/// <summary>
/// The one formatter of events: the canonical one-line text of an event (<c>C→S DATA 5B "hoge\n"</c>),
/// made from its typed fields, and the display words that go with it. Alignment compares these texts
/// and <c>.flows</c> files store them; no other code reads them back to decide anything.
/// </summary>
internal static class EventText
{
    // The text of every event without detail (SYN, ACK, FIN, …), made once: most events are these.
    private static readonly EventKind[] Kinds = Enum.GetValues<EventKind>();
    private static readonly string[] Plain = [.. Enum.GetValues<Direction>()
        .SelectMany(d => Kinds.Select(k => $"{Arrow(d)} {Keyword(k)}"))];

    [ThreadStatic]
    private static StringBuilder? _threadBuilder;

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

    /// <summary>The canonical text of an event: direction, keyword, detail, and a wrong TCP number if any.</summary>
    public static string Of(FlowEvent e)
    {
        if (e.Detail is null && e.Mismatch is null && e.Kind is not (EventKind.Data or EventKind.Datagram))
        {
            return PlainText(e.Direction, e.Kind);
        }

        var text = Builder().Append(Arrow(e.Direction)).Append(' ').Append(Keyword(e.Kind));
        int before = text.Length;
        text.Append(' ');
        AppendDetail(text, e);
        if (text.Length == before + 1)
        {
            text.Length = before;
        }

        if (e.Mismatch is { } mismatch)
        {
            text.Append(' ').Append(mismatch.Field == TcpNumber.Acknowledgment ? "ack=" : "seq=").Append(mismatch.Value)
                .Append(" (expected ").Append(mismatch.Expected).Append(')');
        }

        return Finish(text);
    }

    /// <summary>What follows the keyword in an event's text (<c>5B "hoge\n"</c>, <c>alert fatal unknown_ca</c>); empty when nothing does.</summary>
    public static string DetailOf(FlowEvent e)
    {
        var text = Builder();
        AppendDetail(text, e);
        return Finish(text);
    }

    /// <summary>A protocol message as text with its protocol name: <c>TLS ClientHello sni=collector.test</c>.</summary>
    public static string Message(EventDetail detail)
    {
        var text = Builder();
        text.Append(detail switch
        {
            TlsDetail => "TLS ",
            HttpRequestDetail or HttpResponseDetail => "HTTP ",
            MqttDetail => "MQTT ",
            _ => string.Empty,
        });
        AppendMessage(text, detail);
        return Finish(text);
    }

    /// <summary>How often the event's packets were sent again, in one wording everywhere: <c>sent 3 times</c>, <c>2 segments sent again</c>; null when never.</summary>
    public static string? Repeats(FlowEvent e)
    {
        if (e.Repeats <= 0)
        {
            return null;
        }

        bool oneMessage = e.Kind is not (EventKind.Data or EventKind.Datagram) || e.Packets - e.Repeats <= 1;
        return oneMessage
            ? $"sent {Count(e.Repeats + 1, "time")}"
            : $"{Count(e.Repeats, "segment")} sent again";
    }

    /// <summary>Display-only words about an event that are no part of its text: who sent an ICMP error, what a pure ACK acknowledges.</summary>
    public static string? Note(FlowEvent e) => e switch
    {
        { Detail: IcmpErrorDetail { From: { } from } } => $"sent by {from}",
        { Acknowledges: AckMeaning.Fin } => "acknowledges the FIN",
        { Acknowledges: AckMeaning.Data } => "acknowledges data",
        _ => null,
    };

    /// <summary>"1 time", "3 times": a count with its noun in the right number.</summary>
    public static string Count(long count, string noun, string? plural = null) =>
        count == 1 ? $"1 {noun}" : $"{count.ToString(CultureInfo.InvariantCulture)} {plural ?? noun + "s"}";

    /// <summary>Builds the canonical text from a direction, a kind and a detail already written out (a <c>.flows</c> line).</summary>
    internal static string Format(Direction direction, EventKind kind, string? detail) =>
        string.IsNullOrEmpty(detail)
            ? PlainText(direction, kind)
            : $"{Arrow(direction)} {Keyword(kind)} {detail}";

    private static void AppendDetail(StringBuilder text, FlowEvent e)
    {
        switch (e.Detail)
        {
            case ParsedDetail parsed:
                text.Append(parsed.Text);
                return;
            case var _ when e.Kind is EventKind.Data or EventKind.Datagram:
                AppendPayload(text, e);
                return;
            case DnsDetail dns:
                AppendDns(text, dns);
                return;
            case IcmpErrorDetail icmp:
                text.Append(icmp.Name);
                return;
            case { } message:
                AppendMessage(text, message);
                return;
        }
    }

    private static void AppendPayload(StringBuilder text, FlowEvent e)
    {
        if (e.Kind == EventKind.Datagram && e.Packets > 1)
        {
            text.Append('×').Append(e.Packets).Append(' ');
        }

        text.Append(e.Bytes).Append('B');
        if (e.Detail is PayloadDetail { Hidden: false } payload)
        {
            text.Append(' ');
            PayloadPreview.Append(text, payload.Preview, e.Bytes);
        }
    }

    private static void AppendDns(StringBuilder text, DnsDetail dns)
    {
        if (dns.ResponseCode is { } code)
        {
            text.Append(DnsMessage.ResponseCodeName(code)).Append(' ');
        }

        text.Append(DnsMessage.TypeName(dns.QueryType)).Append(' ').Append(PayloadPreview.EscapeText(dns.QueryName));
        if (!dns.IsResponse)
        {
            return;
        }

        if (dns.AnswerTypes.Count == 0)
        {
            text.Append(" (no answers)");
            return;
        }

        // In order of first appearance; counts matter, the addresses themselves do not.
        text.Append(" (answers:");
        foreach (var group in dns.AnswerTypes.GroupBy(t => t))
        {
            text.Append(' ').Append(DnsMessage.TypeName(group.Key));
            int count = group.Count();
            if (count > 1)
            {
                text.Append('×').Append(count);
            }
        }

        text.Append(')');
    }

    private static void AppendMessage(StringBuilder text, EventDetail detail)
    {
        switch (detail)
        {
            case TlsDetail tls:
                AppendTls(text, tls);
                break;
            case HttpRequestDetail request:
                text.Append(request.Method).Append(' ').Append(request.Path).Append(request.HasQuery ? "?…" : string.Empty);
                break;
            case HttpResponseDetail response:
                text.Append(response.Status);
                if (response.Reason is { } reason)
                {
                    text.Append(' ').Append(reason);
                }

                break;
            case MqttDetail mqtt:
                MqttText.Append(text, mqtt);
                break;
            case ParsedDetail parsed:
                text.Append(parsed.Text);
                break;
        }
    }

    private static void AppendTls(StringBuilder text, TlsDetail tls)
    {
        switch (tls.Type)
        {
            case TlsMessageType.ClientHello:
                text.Append("ClientHello");
                Field(text, "sni", tls.ServerName);
                Field(text, "alpn", tls.Alpn);
                Field(text, "versions", tls.OfferedVersions);
                break;
            case TlsMessageType.ServerHello:
                text.Append("ServerHello");
                if (tls.Version is { } version)
                {
                    text.Append(' ').Append(TlsNames.Version(version));
                    if (tls.Cipher is { } cipher)
                    {
                        text.Append(" cipher=0x").Append(cipher.ToString("x4", CultureInfo.InvariantCulture));
                        Field(text, "alpn", tls.Alpn);
                    }
                }

                break;
            case TlsMessageType.HelloRetryRequest:
                text.Append("HelloRetryRequest");
                break;
            case TlsMessageType.Handshake:
                text.Append(tls.HandshakeName);
                if (tls.NoCertificates)
                {
                    text.Append(" (empty)");
                }
                else if (tls.CertificateCount is { } certificates)
                {
                    text.Append(" (").Append(Count(certificates, "certificate")).Append(')');
                }

                break;
            case TlsMessageType.ChangeCipherSpec:
                text.Append("ChangeCipherSpec");
                break;
            case TlsMessageType.EncryptedFinished:
                text.Append("Finished (encrypted)");
                break;
            case TlsMessageType.Alert:
                text.Append("alert ").Append(TlsNames.AlertLevel(tls.AlertLevel ?? 0)).Append(' ').Append(TlsNames.Alert(tls.AlertDescription ?? 0));
                break;
            case TlsMessageType.EncryptedAlert:
                text.Append("alert (encrypted)");
                break;
            case TlsMessageType.MalformedAlert:
                text.Append("alert (malformed)");
                break;
        }
    }

    private static void Field(StringBuilder text, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            text.Append(' ').Append(name).Append('=').Append(value);
        }
    }

    /// <summary>A builder for one text, one per thread, so building a text allocates only the text.</summary>
    private static StringBuilder Builder()
    {
        var text = _threadBuilder ?? new StringBuilder(64);
        _threadBuilder = null;
        return text.Clear();
    }

    private static string Finish(StringBuilder text)
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
