using System.Globalization;
using System.Text.RegularExpressions;
using PcapDiff.Core.Model;
using PcapDiff.Core.Normalization;
using PcapDiff.Core.Protocols;

namespace PcapDiff.Core.FlowsFiles;

/// <summary>
/// Reads what follows an event's keyword on a <c>.flows</c> line back into typed fields, so an
/// expectation's events carry the same meaning as a capture's. A detail is taken apart only when
/// <see cref="EventText"/> writes the fields back to the very same text; a pattern, or a form this
/// reader does not know, stays a <see cref="ParsedDetail"/> and keeps its text as written.
/// </summary>
internal static partial class EventLineReader
{
    /// <summary>What a line's detail says.</summary>
    public readonly record struct Reading(EventDetail? Detail, SequenceMismatch? Mismatch, long Bytes, int Packets);

    public static Reading Read(EventKind kind, Direction direction, string detail)
    {
        var (rest, mismatch) = SplitMismatch(detail);
        string text = EventText.Format(direction, kind, detail);
        if (EventPattern.IsPattern(text))
        {
            return new Reading(new ParsedDetail(rest, IsPattern: true), mismatch, PatternBytes(kind, rest), 1);
        }

        var (typed, bytes, packets) = Typed(kind, rest);
        if (typed is not null || rest.Length == 0)
        {
            var e = new FlowEvent
            {
                Kind = kind,
                Direction = direction,
                Detail = typed,
                Mismatch = mismatch,
                Bytes = bytes,
                Packets = packets,
                FirstFrame = 0,
                LastFrame = 0,
                Timestamp = DateTime.MinValue,
            };
            if (e.Text == text)
            {
                return new Reading(typed, mismatch, bytes, packets);
            }
        }

        return new Reading(new ParsedDetail(rest, IsPattern: false), mismatch, PatternBytes(kind, rest), 1);
    }

    /// <summary>Splits a trailing <c>ack=0 (expected 1)</c> off the detail.</summary>
    public static (string Detail, SequenceMismatch? Mismatch) SplitMismatch(string detail)
    {
        var match = MismatchPattern().Match(detail);
        if (!match.Success)
        {
            return (detail, null);
        }

        var field = match.Groups["field"].Value == "ack" ? TcpNumber.Acknowledgment : TcpNumber.Sequence;
        var mismatch = new SequenceMismatch(field, long.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture), long.Parse(match.Groups["expected"].Value, CultureInfo.InvariantCulture));
        return (detail[..match.Index].TrimEnd(), mismatch);
    }

    private static (EventDetail? Detail, long Bytes, int Packets) Typed(EventKind kind, string rest) => kind switch
    {
        EventKind.Data or EventKind.Datagram => Payload(rest),
        EventKind.DnsQuery or EventKind.DnsResponse => (Dns(kind, rest), 0, 1),
        EventKind.IcmpError => (rest.Length > 0 && !rest.Contains(' ', StringComparison.Ordinal) ? new IcmpErrorDetail(rest, null) : null, 0, 1),
        EventKind.Http => (Http(rest), 0, 1),
        EventKind.Tls => (Tls(rest), 0, 1),
        EventKind.Mqtt => (Mqtt(rest), 0, 1),
        _ => (null, 0, 1),
    };

    private static (EventDetail?, long, int) Payload(string rest)
    {
        var match = PayloadPattern().Match(rest);
        if (!match.Success)
        {
            return (null, 0, 1);
        }

        int packets = match.Groups["count"].Success ? int.Parse(match.Groups["count"].Value, CultureInfo.InvariantCulture) : 1;
        long bytes = long.Parse(match.Groups["bytes"].Value, CultureInfo.InvariantCulture);
        byte[]? preview = match.Groups["preview"].Success ? Unescape(match.Groups["preview"].Value) : null;
        return preview is null ? (null, bytes, packets) : (new PayloadDetail(preview, Hidden: false), bytes, packets);
    }

    /// <summary>The bytes a preview's escapes stand for; null when it holds an escape the writer does not make.</summary>
    private static byte[]? Unescape(string body)
    {
        var bytes = new List<byte>(body.Length);
        for (int i = 0; i < body.Length; i++)
        {
            char c = body[i];
            if (c != '\\')
            {
                if (c > 0x7e)
                {
                    return null;
                }

                bytes.Add((byte)c);
                continue;
            }

            if (++i >= body.Length)
            {
                return null;
            }

            switch (body[i])
            {
                case 'n':
                    bytes.Add((byte)'\n');
                    break;
                case 'r':
                    bytes.Add((byte)'\r');
                    break;
                case 't':
                    bytes.Add((byte)'\t');
                    break;
                case '\\' or '"':
                    bytes.Add((byte)body[i]);
                    break;
                case 'x' when i + 2 < body.Length && byte.TryParse(body.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out byte b):
                    bytes.Add(b);
                    i += 2;
                    break;
                default:
                    return null;
            }
        }

        return [.. bytes];
    }

    private static DnsDetail? Dns(EventKind kind, string rest)
    {
        string[] parts = rest.Split(' ', 4);
        if (kind == EventKind.DnsQuery)
        {
            return parts.Length == 2 && TypeCode(parts[0]) is { } type ? new DnsDetail(0, type, FlowsSyntax.UnescapeName(parts[1]), null, []) : null;
        }

        if (parts.Length != 4 || ResponseCode(parts[0]) is not { } code || TypeCode(parts[1]) is not { } queried)
        {
            return null;
        }

        string answers = parts[3];
        var types = new List<ushort>();
        if (answers != "(no answers)")
        {
            if (!answers.StartsWith("(answers: ", StringComparison.Ordinal) || !answers.EndsWith(')'))
            {
                return null;
            }

            foreach (string token in answers["(answers: ".Length..^1].Split(' '))
            {
                string[] counted = token.Split('×');
                if (TypeCode(counted[0]) is not { } answer)
                {
                    return null;
                }

                int count = counted.Length == 2 && int.TryParse(counted[1], NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : 1;
                types.AddRange(Enumerable.Repeat(answer, count));
            }
        }

        return new DnsDetail(0, queried, FlowsSyntax.UnescapeName(parts[2]), code, types);
    }

    private static ushort? TypeCode(string name)
    {
        if (name.StartsWith("TYPE", StringComparison.Ordinal) && ushort.TryParse(name.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out ushort number))
        {
            return number;
        }

        for (int type = 0; type <= 255; type++)
        {
            if (DnsMessage.TypeName((ushort)type) == name)
            {
                return (ushort)type;
            }
        }

        return null;
    }

    private static int? ResponseCode(string name)
    {
        if (name.StartsWith("RCODE", StringComparison.Ordinal) && int.TryParse(name.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out int number))
        {
            return number;
        }

        for (int code = 0; code < 16; code++)
        {
            if (DnsMessage.ResponseCodeName(code) == name)
            {
                return code;
            }
        }

        return null;
    }

    private static EventDetail? Http(string rest)
    {
        var status = StatusPattern().Match(rest);
        if (status.Success)
        {
            return new HttpResponseDetail(int.Parse(status.Groups["code"].Value, CultureInfo.InvariantCulture), status.Groups["reason"].Success ? status.Groups["reason"].Value : null);
        }

        string[] parts = rest.Split(' ');
        if (parts.Length != 2)
        {
            return null;
        }

        bool query = parts[1].EndsWith("?…", StringComparison.Ordinal);
        return new HttpRequestDetail(parts[0], query ? parts[1][..^2] : parts[1], query);
    }

    private static TlsDetail? Tls(string rest)
    {
        switch (rest)
        {
            case "ChangeCipherSpec":
                return new TlsDetail(TlsMessageType.ChangeCipherSpec);
            case "Finished (encrypted)":
                return new TlsDetail(TlsMessageType.EncryptedFinished);
            case "alert (encrypted)":
                return new TlsDetail(TlsMessageType.EncryptedAlert);
            case "alert (malformed)":
                return new TlsDetail(TlsMessageType.MalformedAlert);
            case "HelloRetryRequest":
                return new TlsDetail(TlsMessageType.HelloRetryRequest);
        }

        string[] parts = rest.Split(' ');
        if (parts[0] == "alert" && parts.Length == 3 && Lookup(parts[1], TlsNames.AlertLevel) is { } level && Lookup(parts[2], TlsNames.Alert) is { } description)
        {
            return new TlsDetail(TlsMessageType.Alert) { AlertLevel = level, AlertDescription = description };
        }

        if (parts[0] == "ClientHello")
        {
            var fields = Fields(parts.AsSpan(1));
            return fields is null ? null : new TlsDetail(TlsMessageType.ClientHello)
            {
                ServerName = fields.GetValueOrDefault("sni"),
                Alpn = fields.GetValueOrDefault("alpn"),
                OfferedVersions = fields.GetValueOrDefault("versions"),
            };
        }

        if (parts[0] == "ServerHello")
        {
            if (parts.Length == 1)
            {
                return new TlsDetail(TlsMessageType.ServerHello);
            }

            if (Version(parts[1]) is not { } version)
            {
                return null;
            }

            var fields = Fields(parts.AsSpan(2));
            ushort? cipher = fields?.GetValueOrDefault("cipher") is { } hex && hex.StartsWith("0x", StringComparison.Ordinal)
                && ushort.TryParse(hex.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ushort c) ? c : null;
            return fields is null ? null : new TlsDetail(TlsMessageType.ServerHello) { Version = version, Cipher = cipher, Alpn = fields.GetValueOrDefault("alpn") };
        }

        bool empty = parts.Length == 2 && parts[1] == "(empty)";
        if ((parts.Length == 1 || empty) && Lookup(parts[0], t => TlsNames.Handshake(t) ?? string.Empty) is { } handshake)
        {
            return new TlsDetail(TlsMessageType.Handshake) { HandshakeType = handshake, HandshakeName = parts[0], NoCertificates = empty };
        }

        return null;
    }

    private static ushort? Version(string name)
    {
        foreach (ushort version in (ushort[])[0x0300, 0x0301, 0x0302, 0x0303, 0x0304])
        {
            if (TlsNames.Version(version) == name)
            {
                return version;
            }
        }

        if (name.StartsWith("1.3-draft", StringComparison.Ordinal) && byte.TryParse(name.AsSpan(9), NumberStyles.None, CultureInfo.InvariantCulture, out byte draft))
        {
            return (ushort)(0x7f00 | draft);
        }

        return name.StartsWith("0x", StringComparison.Ordinal) && ushort.TryParse(name.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ushort other) ? other : null;
    }

    private static Dictionary<string, string>? Fields(ReadOnlySpan<string> parts)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string part in parts)
        {
            int equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || !fields.TryAdd(part[..equals], part[(equals + 1)..]))
            {
                return null;
            }
        }

        return fields;
    }

    private static byte? Lookup(string name, Func<byte, string> names)
    {
        for (int value = 0; value <= 255; value++)
        {
            if (names((byte)value) == name)
            {
                return (byte)value;
            }
        }

        return null;
    }

    private static MqttDetail? Mqtt(string rest)
    {
        string[] parts = rest.Split(' ');
        if (!Enum.TryParse<MqttPacketType>(parts[0], ignoreCase: true, out var type) || MqttText.Name(type) != parts[0])
        {
            return null;
        }

        switch (type)
        {
            case MqttPacketType.Connack:
                if (rest == "CONNACK accepted" || rest == "CONNACK accepted session-present")
                {
                    return new MqttConnackDetail(0, rest.EndsWith("present", StringComparison.Ordinal));
                }

                var refused = RefusedPattern().Match(rest);
                if (!refused.Success)
                {
                    return null;
                }

                string number = refused.Groups["number"].Value;
                bool v5 = number.StartsWith("0x", StringComparison.Ordinal);
                return byte.TryParse(v5 ? number[2..] : number, v5 ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out byte code)
                    ? new MqttConnackDetail(code, false) { V5 = v5 }
                    : null;
            case MqttPacketType.Puback or MqttPacketType.Pubrec or MqttPacketType.Pubrel or MqttPacketType.Pubcomp or MqttPacketType.Disconnect or MqttPacketType.Auth:
                if (parts.Length == 1)
                {
                    return new MqttAckDetail(type, [], false);
                }

                return Lookup(rest[(parts[0].Length + 1)..], c => MqttReasons.ReasonOrCode(c)) is { } reason
                    ? new MqttAckDetail(type, [reason], false) { V5 = true }
                    : null;
            case MqttPacketType.Pingreq or MqttPacketType.Pingresp:
                return parts.Length == 1 ? new MqttAckDetail(type, [], false) : null;
            case MqttPacketType.Suback or MqttPacketType.Unsuback:
                return Acks(type, parts);
            default:
                return null;
        }
    }

    /// <summary>SUBACK and UNSUBACK codes; MQTT 5 when any code is named only by MQTT 5.</summary>
    private static MqttAckDetail? Acks(MqttPacketType type, string[] parts)
    {
        bool more = parts[^1] == "…";
        var tokens = parts.AsSpan(1, parts.Length - 1 - (more ? 1 : 0));
        foreach (bool v5 in (bool[])[false, true])
        {
            var probe = new MqttAckDetail(type, [], more) { V5 = v5 };
            var codes = new List<byte>();
            foreach (string token in tokens)
            {
                if (Lookup(token, c => MqttText.Code(probe, c)) is not { } code)
                {
                    break;
                }

                codes.Add(code);
            }

            if (codes.Count == tokens.Length)
            {
                return probe with { Codes = codes };
            }
        }

        return null;
    }

    private static long PatternBytes(EventKind kind, string rest)
    {
        if (kind is not (EventKind.Data or EventKind.Datagram))
        {
            return 0;
        }

        foreach (string token in rest.Split(' '))
        {
            if (token.EndsWith('B') && long.TryParse(token.AsSpan(0, token.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out long bytes))
            {
                return bytes;
            }
        }

        return 0;
    }

    [GeneratedRegex(@" ?(?<field>ack|seq)=(?<value>\d+) \(expected (?<expected>\d+)\)$")]
    private static partial Regex MismatchPattern();

    [GeneratedRegex("^(?:×(?<count>[0-9]+) )?(?<bytes>[0-9]+)B(?: \"(?<preview>(?:[^\"\\\\]|\\\\.)*)\"…?)?$")]
    private static partial Regex PayloadPattern();

    [GeneratedRegex("^(?<code>[0-9]{3})(?: (?<reason>.+))?$")]
    private static partial Regex StatusPattern();

    [GeneratedRegex(@"^CONNACK refused(?:: .+)? \((?<number>0x[0-9a-f]{2}|[0-9]+)\)$")]
    private static partial Regex RefusedPattern();
}
