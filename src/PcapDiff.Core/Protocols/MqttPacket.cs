using System.Text;

namespace PcapDiff.Core.Protocols;

/// <summary>
/// The texts of MQTT control packets (MQTT 3.1, 3.1.1 and 5.0) from their fixed header's first byte
/// and the head of what follows it. Packet ids, passwords, payloads and properties (but a topic
/// alias) are left out; MQTT 5 properties are skipped by their length.
/// </summary>
internal static class MqttPacket
{
    public const int Connect = 1;
    public const int Publish = 3;

    private const int MaxListed = 8;
    private const int TopicAliasProperty = 0x23;

    /// <summary>Whether a fixed header's first byte is a packet type with the flags it must have (MQTT 3.1.1 §2.2.2).</summary>
    public static bool IsValidFirstByte(byte first) => (first >> 4) switch
    {
        0 => false,
        Publish => ((first >> 1) & 3) != 3,
        6 or 8 or 10 => (first & 0xf) == 2,
        _ => (first & 0xf) == 0,
    };

    /// <summary>
    /// The packet's text, from <paramref name="head"/>, the first bytes after the fixed header, of a
    /// packet with <paramref name="remaining"/> bytes after it. <paramref name="complete"/> says no more
    /// of the head will come; until then a PUBLISH whose topic and properties are not all there gives
    /// null. A CONNECT sets <paramref name="level"/>, the protocol level the rest of the connection uses.
    /// </summary>
    public static string? Describe(byte first, ReadOnlySpan<byte> head, int remaining, bool complete, ref int level)
    {
        int type = first >> 4;
        bool v5 = level == 5;
        return type switch
        {
            Connect => DescribeConnect(head, ref level),
            2 => DescribeConnack(head, v5),
            Publish => DescribePublish(first, head, remaining, complete, v5),
            4 => WithReason("MQTT PUBACK", head, 2, v5),
            5 => WithReason("MQTT PUBREC", head, 2, v5),
            6 => WithReason("MQTT PUBREL", head, 2, v5),
            7 => WithReason("MQTT PUBCOMP", head, 2, v5),
            8 => DescribeSubscribe("MQTT SUBSCRIBE", head, v5, withOptions: true),
            9 => DescribeSuback(head, v5),
            10 => DescribeSubscribe("MQTT UNSUBSCRIBE", head, v5, withOptions: false),
            11 => DescribeUnsuback(head, v5),
            12 => "MQTT PINGREQ",
            13 => "MQTT PINGRESP",
            14 => WithReason("MQTT DISCONNECT", head, 0, v5),
            _ => WithReason("MQTT AUTH", head, 0, v5),
        };
    }

    private static string DescribeConnect(ReadOnlySpan<byte> head, ref int level)
    {
        var reader = new SpanReader(head);
        if (!reader.TryVector16(out var name) || !reader.TryByte(out byte protocolLevel)
            || !reader.TryByte(out byte flags) || !reader.TrySkip(2))
        {
            return "MQTT CONNECT (malformed)";
        }

        string? version = protocolLevel switch
        {
            3 when name.SequenceEqual("MQIsdp"u8) => "v3.1",
            4 when name.SequenceEqual("MQTT"u8) => "v3.1.1",
            5 when name.SequenceEqual("MQTT"u8) => "v5.0",
            _ => null,
        };
        if (version is null)
        {
            return $"MQTT CONNECT protocol={WireText.NonEmptyField(name)} level={protocolLevel}";
        }

        level = protocolLevel;
        bool v5 = protocolLevel == 5;
        if ((v5 && !SkipProperties(ref reader)) || !reader.TryVector16(out var clientId))
        {
            return $"MQTT CONNECT {version} (malformed)";
        }

        var text = new StringBuilder("MQTT CONNECT client=").Append(WireText.NonEmptyField(clientId)).Append(' ').Append(version);
        bool will = (flags & 0x04) != 0;
        bool readable = !will || ((!v5 || SkipProperties(ref reader)) && reader.TryVector16(out _) && reader.TryVector16(out _));
        if ((flags & 0x80) != 0)
        {
            // The user name is shown; the password that may follow it never is.
            text.Append(readable && reader.TryVector16(out var user) ? " user=" + WireText.NonEmptyField(user) : " user");
        }

        if ((flags & 0x02) != 0)
        {
            text.Append(" clean");
        }

        if (will)
        {
            text.Append(" will");
        }

        return text.ToString();
    }

    private static string DescribeConnack(ReadOnlySpan<byte> head, bool v5)
    {
        if (head.Length < 2)
        {
            return "MQTT CONNACK (malformed)";
        }

        byte code = head[1];
        if (code == 0)
        {
            return (head[0] & 1) != 0 ? "MQTT CONNACK accepted session-present" : "MQTT CONNACK accepted";
        }

        string? name = v5 ? MqttReasons.Reason(code) : MqttReasons.ConnectReturnCode(code);
        string number = v5 ? $"0x{code:x2}" : code.ToString();
        return name is null ? $"MQTT CONNACK refused ({number})" : $"MQTT CONNACK refused: {name} ({number})";
    }

    private static string? DescribePublish(byte first, ReadOnlySpan<byte> head, int remaining, bool complete, bool v5)
    {
        int qos = (first >> 1) & 3;
        string flags = (first & 1) != 0 ? $"qos{qos} retain" : $"qos{qos}";
        bool whole = head.Length == remaining;
        var reader = new SpanReader(head);
        if (!reader.TryUInt16(out ushort topicLength))
        {
            return complete ? "MQTT PUBLISH (malformed)" : null;
        }

        if (!reader.TryBytes(topicLength, out var topic))
        {
            // Short of the topic's end: wait, or, when the head kept ends inside a topic longer
            // than itself, show the topic cut (it would show cut anyway).
            return !complete ? null : whole ? "MQTT PUBLISH (malformed)" : $"MQTT PUBLISH {WireText.Field(reader.Rest)} {flags}";
        }

        int headerLength = 2 + topic.Length;
        if (qos > 0)
        {
            if (!reader.TrySkip(2))
            {
                return complete ? "MQTT PUBLISH (malformed)" : null;
            }

            headerLength += 2;
        }

        int alias = -1;
        if (v5)
        {
            int before = reader.Remaining;
            if (!reader.TryVarInt(out int propertiesLength))
            {
                return complete ? "MQTT PUBLISH (malformed)" : null;
            }

            headerLength += before - reader.Remaining + propertiesLength;
            if (!reader.TryBytes(propertiesLength, out var properties))
            {
                if (!complete)
                {
                    return null;
                }

                properties = reader.Rest;
            }

            alias = TopicAlias(properties);
        }

        long payload = (long)remaining - headerLength;
        if (payload < 0)
        {
            return "MQTT PUBLISH (malformed)";
        }

        string name = topic.IsEmpty && alias >= 0 ? $"alias={alias}" : WireText.NonEmptyField(topic);
        return $"MQTT PUBLISH {name} {payload}B {flags}";
    }

    /// <summary>SUBSCRIBE (filters with their options byte) or UNSUBSCRIBE (filters only), after the packet id.</summary>
    private static string DescribeSubscribe(string name, ReadOnlySpan<byte> head, bool v5, bool withOptions)
    {
        var reader = new SpanReader(head);
        var text = new StringBuilder(name);
        if (!reader.TrySkip(2) || (v5 && !SkipProperties(ref reader)))
        {
            return text.Append(" (malformed)").ToString();
        }

        int count = 0;
        while (reader.TryVector16(out var filter))
        {
            byte options = 0;
            if (withOptions && !reader.TryByte(out options))
            {
                break;
            }

            if (count++ == MaxListed)
            {
                text.Append(" …");
                break;
            }

            text.Append(' ').Append(WireText.NonEmptyField(filter));
            if (withOptions)
            {
                text.Append(" qos").Append(options & 3);
            }
        }

        return text.ToString();
    }

    private static string DescribeSuback(ReadOnlySpan<byte> head, bool v5)
    {
        var reader = new SpanReader(head);
        if (!reader.TrySkip(2) || (v5 && !SkipProperties(ref reader)))
        {
            return "MQTT SUBACK (malformed)";
        }

        var text = new StringBuilder("MQTT SUBACK");
        AppendCodes(text, reader.Rest, code => code switch
        {
            <= 2 => $"qos{code}",
            0x80 => "failure",
            _ => v5 ? Hyphenated(MqttReasons.ReasonOrCode(code)) : $"0x{code:x2}",
        });
        return text.ToString();
    }

    private static string DescribeUnsuback(ReadOnlySpan<byte> head, bool v5)
    {
        var reader = new SpanReader(head);
        if (!v5)
        {
            return "MQTT UNSUBACK";
        }

        if (!reader.TrySkip(2) || !SkipProperties(ref reader))
        {
            return "MQTT UNSUBACK (malformed)";
        }

        var text = new StringBuilder("MQTT UNSUBACK");
        if (reader.Rest.IndexOfAnyExcept((byte)0) >= 0)
        {
            AppendCodes(text, reader.Rest, code => Hyphenated(MqttReasons.ReasonOrCode(code)));
        }

        return text.ToString();
    }

    /// <summary>MQTT 5 packets whose reason code sits at <paramref name="at"/>: its name is added when it is not 0 (success).</summary>
    private static string WithReason(string name, ReadOnlySpan<byte> head, int at, bool v5) =>
        v5 && head.Length > at && head[at] != 0 ? $"{name} {MqttReasons.ReasonOrCode(head[at])}" : name;

    private static void AppendCodes(StringBuilder text, ReadOnlySpan<byte> codes, Func<byte, string> name)
    {
        for (int i = 0; i < codes.Length; i++)
        {
            if (i == MaxListed)
            {
                text.Append(" …");
                break;
            }

            text.Append(' ').Append(name(codes[i]));
        }
    }

    private static string Hyphenated(string name) => name.Replace(' ', '-');

    private static bool SkipProperties(ref SpanReader reader) => reader.TryVarInt(out int length) && reader.TrySkip(length);

    /// <summary>The Topic Alias property (MQTT 5 §3.3.2.3.4) among PUBLISH properties; -1 when absent or unreadable.</summary>
    private static int TopicAlias(ReadOnlySpan<byte> properties)
    {
        var reader = new SpanReader(properties);
        while (reader.TryVarInt(out int id))
        {
            if (id == TopicAliasProperty)
            {
                return reader.TryUInt16(out ushort alias) ? alias : -1;
            }

            bool skipped = id switch
            {
                0x01 or 0x17 or 0x19 or 0x24 or 0x25 or 0x28 or 0x29 or 0x2A => reader.TrySkip(1),
                0x13 or 0x21 or 0x22 => reader.TrySkip(2),
                0x02 or 0x11 or 0x18 or 0x27 => reader.TrySkip(4),
                0x0B => reader.TryVarInt(out _),
                0x03 or 0x08 or 0x09 or 0x12 or 0x15 or 0x16 or 0x1A or 0x1C or 0x1F => reader.TryVector16(out _),
                0x26 => reader.TryVector16(out _) && reader.TryVector16(out _),
                _ => false,
            };
            if (!skipped)
            {
                return -1;
            }
        }

        return -1;
    }
}
