using System.Globalization;
using System.Text.RegularExpressions;
using PcapDiff.Core.Model;
using PcapDiff.Core.Normalization;

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
        EventKind.DnsQuery or EventKind.DnsResponse => (DnsDetailReader.Read(kind, rest), 0, 1),
        EventKind.IcmpError => (rest.Length > 0 && !rest.Contains(' ', StringComparison.Ordinal) ? new IcmpErrorDetail(rest, null) : null, 0, 1),
        EventKind.Http => (HttpDetailReader.Read(rest), 0, 1),
        EventKind.Tls => (TlsDetailReader.Read(rest), 0, 1),
        EventKind.Mqtt => (MqttDetailReader.Read(rest), 0, 1),
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
}
