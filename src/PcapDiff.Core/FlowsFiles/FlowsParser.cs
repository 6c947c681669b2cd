using System.Globalization;
using PcapDiff.Core.Flows;
using PcapDiff.Core.Model;
using PcapDiff.Core.Normalization;

namespace PcapDiff.Core.FlowsFiles;

/// <summary>
/// Reads a <c>.flows</c> file back into flows, so an expectation can stand wherever a capture can.
/// An event's frame numbers are its line numbers in the file. A mistake is reported as a
/// <see cref="PcapDiffException"/> naming the file and line.
/// </summary>
public static class FlowsParser
{
    private static readonly (string Keyword, EventKind Kind)[] Keywords =
    [
        ("SYN-ACK", EventKind.SynAck),
        ("SYN", EventKind.Syn),
        ("ACK", EventKind.Ack),
        ("DATA", EventKind.Data),
        ("FIN", EventKind.Fin),
        ("RST", EventKind.Rst),
        ("DGRAM", EventKind.Datagram),
        ("DNS query", EventKind.DnsQuery),
        ("DNS response", EventKind.DnsResponse),
        ("ICMP echo-request", EventKind.EchoRequest),
        ("ICMP echo-reply", EventKind.EchoReply),
        ("ICMP", EventKind.IcmpError),
        ("TLS", EventKind.Tls),
        ("HTTP", EventKind.Http),
        ("MQTT", EventKind.Mqtt),
    ];

    /// <summary>True when <paramref name="text"/> starts like a <c>.flows</c> file.</summary>
    public static bool LooksLikeFlows(ReadOnlySpan<char> text)
    {
        text = text.TrimStart('\uFEFF').TrimStart();
        return text.StartsWith("pcapdiff flows", StringComparison.Ordinal);
    }

    /// <summary>Parses the text of a <c>.flows</c> file; <paramref name="name"/> names it in error messages.</summary>
    /// <exception cref="PcapDiffException">The text is not a valid <c>.flows</c> file.</exception>
    public static CaptureFlows Parse(string text, string name)
    {
        var flows = new List<Flow>();
        FlowDraft? current = null;
        bool sawHeader = false;
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            int number = i + 1;
            string line = lines[i].TrimEnd('\r');
            if (i == 0)
            {
                line = line.TrimStart('\uFEFF');
            }

            string trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            if (!sawHeader)
            {
                if (trimmed != FlowsWriter.Header)
                {
                    throw Error(name, number, trimmed.StartsWith("pcapdiff flows", StringComparison.Ordinal)
                        ? $"unsupported version \"{trimmed}\" (this pcapdiff reads \"{FlowsWriter.Header}\")"
                        : $"expected \"{FlowsWriter.Header}\" as the first line");
                }

                sawHeader = true;
                continue;
            }

            if (line.StartsWith(' ') || line.StartsWith('\t'))
            {
                if (current is null)
                {
                    throw Error(name, number, "an event before the first flow line");
                }

                current.Events.Add(ParseEvent(trimmed, number, name));
                continue;
            }

            if (current is not null)
            {
                flows.Add(current.ToFlow(flows.Count));
            }

            current = ParseFlowLine(trimmed, number, name);
        }

        if (!sawHeader)
        {
            throw Error(name, 1, $"empty: expected \"{FlowsWriter.Header}\"");
        }

        if (current is not null)
        {
            flows.Add(current.ToFlow(flows.Count));
        }

        return new CaptureFlows(flows, 0, 0, 0, false);
    }

    /// <summary>One event line (<c>C→S DATA 5B "hoge\n"</c>) as the event it stands for, numbered <paramref name="number"/>.</summary>
    internal static FlowEvent ParseEventLine(string line, int number = 1) => ParseEvent(line.Trim(), number, "event");

    private static PcapDiffException Error(string name, int line, string message) => new($"{name}:{line}: {message}");

    private static FlowDraft ParseFlowLine(string line, int number, string name)
    {
        string[] tokens = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int at = 0;
        bool optional = false;
        if (tokens[0] == "optional")
        {
            optional = true;
            at = 1;
        }

        if (tokens.Length < at + 3 || tokens[at] != "flow")
        {
            throw Error(name, number, $"expected \"flow PROTOCOL SERVER\" or an indented event, not \"{Short(line)}\"");
        }

        var protocol = tokens[at + 1] switch
        {
            "TCP" => Transport.Tcp,
            "UDP" => Transport.Udp,
            "ICMP" => Transport.Icmp,
            "ICMPv6" => Transport.Icmpv6,
            var other => throw Error(name, number, $"unknown protocol \"{other}\" (TCP, UDP, ICMP or ICMPv6)"),
        };

        var (host, port) = SplitServer(tokens[at + 2], protocol, number, name);
        string? query = null;
        int rest = at + 3;
        if (tokens.Length >= rest + 2 && tokens[rest] == "dns")
        {
            query = FlowsSyntax.UnescapeName(tokens[rest + 1]);
            rest += 2;
        }

        if (tokens.Length > rest)
        {
            throw Error(name, number, $"unexpected \"{tokens[rest]}\" at the end of the flow line");
        }

        bool literal = TryAddress(host, out var address);
        return new FlowDraft(number, protocol, literal ? address : default, literal ? null : FlowsSyntax.UnescapeName(host), port, query, optional);
    }

    private static (string Host, ushort Port) SplitServer(string token, Transport protocol, int number, string name)
    {
        if (protocol is Transport.Icmp or Transport.Icmpv6)
        {
            return (token, 0);
        }

        int colon = token.LastIndexOf(':');
        if (colon <= 0 || !ushort.TryParse(token.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out ushort port))
        {
            throw Error(name, number, $"expected SERVER:PORT, not \"{token}\"");
        }

        return (token[..colon], port);
    }

    private static bool TryAddress(string host, out IpAddress address)
    {
        string literal = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        if (System.Net.IPAddress.TryParse(literal, out var parsed) && (literal.Contains(':', StringComparison.Ordinal) || literal.Count(c => c == '.') == 3))
        {
            address = IpAddress.FromBytes(parsed.GetAddressBytes());
            return true;
        }

        address = default;
        return false;
    }

    private static FlowEvent ParseEvent(string line, int number, string name)
    {
        Direction direction;
        string rest;
        if (line.StartsWith("C→S ", StringComparison.Ordinal) || line.StartsWith("C->S ", StringComparison.Ordinal))
        {
            direction = Direction.ClientToServer;
            rest = line[(line.IndexOf(' ', StringComparison.Ordinal) + 1)..];
        }
        else if (line.StartsWith("S→C ", StringComparison.Ordinal) || line.StartsWith("S->C ", StringComparison.Ordinal))
        {
            direction = Direction.ServerToClient;
            rest = line[(line.IndexOf(' ', StringComparison.Ordinal) + 1)..];
        }
        else
        {
            throw Error(name, number, $"an event starts with C→S or S→C (or C->S, S->C), not \"{Short(line)}\"");
        }

        foreach (var (keyword, kind) in Keywords)
        {
            if (rest == keyword || rest.StartsWith(keyword + " ", StringComparison.Ordinal))
            {
                string detail = rest.Length > keyword.Length ? rest[(keyword.Length + 1)..] : string.Empty;
                Validate(kind, EventLineReader.SplitMismatch(detail).Detail, number, name);
                var reading = EventLineReader.Read(kind, direction, detail);
                return new FlowEvent
                {
                    Kind = kind,
                    Direction = direction,
                    Detail = reading.Detail,
                    Mismatch = reading.Mismatch,
                    Bytes = reading.Bytes,
                    Packets = reading.Packets,
                    FirstFrame = number,
                    LastFrame = number,
                    Timestamp = DateTime.MinValue,
                };
            }
        }

        throw Error(name, number, $"unknown event \"{Short(rest)}\"");
    }

    private static void Validate(EventKind kind, string detail, int number, string name)
    {
        bool needsDetail = kind is EventKind.Data or EventKind.Datagram or EventKind.DnsQuery or EventKind.DnsResponse or EventKind.IcmpError
            or EventKind.Tls or EventKind.Http or EventKind.Mqtt;
        bool takesNone = kind is EventKind.Syn or EventKind.SynAck or EventKind.Ack or EventKind.Fin or EventKind.Rst or EventKind.EchoRequest or EventKind.EchoReply;
        if (needsDetail && detail.Length == 0)
        {
            throw Error(name, number, $"{EventText.Keyword(kind)} needs what follows it (e.g. DATA 5B \"hoge\\n\")");
        }

        if (takesNone && detail.Length > 0)
        {
            throw Error(name, number, $"{EventText.Keyword(kind)} takes nothing after it, not \"{Short(detail)}\"");
        }

        if (kind == EventKind.Data && !EventPattern.IsLength(detail.Split(' ')[0]))
        {
            throw Error(name, number, $"DATA needs a length such as 5B, *B or 100..200B, not \"{Short(detail)}\"");
        }
    }

    private static string Short(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private sealed class FlowDraft(int line, Transport protocol, IpAddress address, string? serverName, ushort port, string? query, bool optional)
    {
        public List<FlowEvent> Events { get; } = [];

        public Flow ToFlow(int index) => new()
        {
            Index = index,
            Protocol = protocol,
            Client = new Endpoint(IpAddress.Unknown, 0),
            Server = new Endpoint(address, port),
            ServerName = serverName,
            IsDns = query is not null,
            QueryName = query,
            FirstFrame = line,
            LastFrame = Events.Count == 0 ? line : Events.Max(e => e.LastFrame),
            Start = DateTime.MinValue,
            End = DateTime.MinValue,
            ClientToServer = default,
            ServerToClient = default,
            Events = ExpectationOrder.Apply(protocol, Events),
            IsOptional = optional,
        };
    }
}
