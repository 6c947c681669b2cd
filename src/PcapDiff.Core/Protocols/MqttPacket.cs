using PcapDiff.Core.Model;

namespace PcapDiff.Core.Protocols;

/// <summary>
/// MQTT control packets (MQTT 3.1, 3.1.1 and 5.0) read from their fixed header's first byte and the
/// head of what follows it. Packet ids, passwords, payloads and properties (but a topic
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
    /// The packet, from <paramref name="head"/>, the first bytes after the fixed header, of a packet with
    /// <paramref name="remaining"/> bytes after it. <paramref name="complete"/> says no more of the head
    /// will come; until then a PUBLISH whose topic and properties are not all there gives null. A CONNECT
    /// sets <paramref name="level"/>, the protocol level the rest of the connection uses.
    /// </summary>
    public static MqttDetail? Describe(byte first, ReadOnlySpan<byte> head, int remaining, bool complete, ref int level)
    {
        var type = (MqttPacketType)(first >> 4);
        bool v5 = level == 5;
        MqttDetail? packet = type switch
        {
            MqttPacketType.Connect => DescribeConnect(head, ref level),
            MqttPacketType.Connack => DescribeConnack(head),
            MqttPacketType.Publish => DescribePublish(first, head, remaining, complete, v5),
            MqttPacketType.Puback or MqttPacketType.Pubrec or MqttPacketType.Pubrel or MqttPacketType.Pubcomp => WithReason(type, head, 2, v5),
            MqttPacketType.Subscribe => DescribeSubscribe(type, head, v5, withOptions: true),
            MqttPacketType.Suback => DescribeSuback(head, v5),
            MqttPacketType.Unsubscribe => DescribeSubscribe(type, head, v5, withOptions: false),
            MqttPacketType.Unsuback => DescribeUnsuback(head, v5),
            MqttPacketType.Pingreq or MqttPacketType.Pingresp => new MqttAckDetail(type, [], false),
            MqttPacketType.Disconnect => WithReason(type, head, 0, v5),
            _ => WithReason(MqttPacketType.Auth, head, 0, v5),
        };
        return packet is null ? null : packet with { V5 = level == 5 };
    }

    private static MqttConnectDetail DescribeConnect(ReadOnlySpan<byte> head, ref int level)
    {
        var reader = new SpanReader(head);
        if (!reader.TryVector16(out var name) || !reader.TryByte(out byte protocolLevel)
            || !reader.TryByte(out byte flags) || !reader.TrySkip(2))
        {
            return new MqttConnectDetail { Malformed = true };
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
            return new MqttConnectDetail { ProtocolName = WireText.NonEmptyField(name), Level = protocolLevel };
        }

        level = protocolLevel;
        bool v5 = protocolLevel == 5;
        if ((v5 && !SkipProperties(ref reader)) || !reader.TryVector16(out var clientId))
        {
            return new MqttConnectDetail { Version = version, Malformed = true };
        }

        bool will = (flags & 0x04) != 0;
        bool hasUser = (flags & 0x80) != 0;
        bool readable = !will || ((!v5 || SkipProperties(ref reader)) && reader.TryVector16(out _) && reader.TryVector16(out _));
        string? user = null;
        if (hasUser && readable && reader.TryVector16(out var userName))
        {
            // The user name is shown; the password that may follow it never is.
            user = WireText.NonEmptyField(userName);
        }

        return new MqttConnectDetail
        {
            Version = version,
            ClientId = WireText.NonEmptyField(clientId),
            HasUser = hasUser,
            User = user,
            Clean = (flags & 0x02) != 0,
            Will = will,
        };
    }

    private static MqttConnackDetail DescribeConnack(ReadOnlySpan<byte> head) => head.Length < 2
        ? new MqttConnackDetail(0, false) { Malformed = true }
        : new MqttConnackDetail(head[1], (head[0] & 1) != 0);

    private static MqttPublishDetail? DescribePublish(byte first, ReadOnlySpan<byte> head, int remaining, bool complete, bool v5)
    {
        int qos = (first >> 1) & 3;
        var malformed = new MqttPublishDetail { Malformed = true, Qos = qos, Retain = (first & 1) != 0 };
        bool whole = head.Length == remaining;
        var reader = new SpanReader(head);
        if (!reader.TryUInt16(out ushort topicLength))
        {
            return complete ? malformed : null;
        }

        if (!reader.TryBytes(topicLength, out var topic))
        {
            // Short of the topic's end: wait, or, when the head kept ends inside a topic longer
            // than itself, show the topic cut (it would show cut anyway).
            return !complete ? null : whole ? malformed : malformed with { Malformed = false, Topic = WireText.Field(reader.Rest) };
        }

        int headerLength = 2 + topic.Length;
        if (qos > 0)
        {
            if (!reader.TrySkip(2))
            {
                return complete ? malformed : null;
            }

            headerLength += 2;
        }

        int alias = -1;
        if (v5)
        {
            int before = reader.Remaining;
            if (!reader.TryVarInt(out int propertiesLength))
            {
                return complete ? malformed : null;
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
            return malformed;
        }

        bool byAlias = topic.IsEmpty && alias >= 0;
        return malformed with
        {
            Malformed = false,
            Topic = byAlias ? null : WireText.NonEmptyField(topic),
            Alias = byAlias ? alias : null,
            PayloadBytes = payload,
        };
    }

    /// <summary>SUBSCRIBE (filters with their options byte) or UNSUBSCRIBE (filters only), after the packet id.</summary>
    private static MqttSubscribeDetail DescribeSubscribe(MqttPacketType type, ReadOnlySpan<byte> head, bool v5, bool withOptions)
    {
        var reader = new SpanReader(head);
        if (!reader.TrySkip(2) || (v5 && !SkipProperties(ref reader)))
        {
            return new MqttSubscribeDetail(type, [], false) { Malformed = true };
        }

        var filters = new List<MqttFilter>();
        bool more = false;
        while (reader.TryVector16(out var filter))
        {
            byte options = 0;
            if (withOptions && !reader.TryByte(out options))
            {
                break;
            }

            if (filters.Count == MaxListed)
            {
                more = true;
                break;
            }

            filters.Add(new MqttFilter(WireText.NonEmptyField(filter), withOptions ? options & 3 : null));
        }

        return new MqttSubscribeDetail(type, filters, more);
    }

    private static MqttAckDetail DescribeSuback(ReadOnlySpan<byte> head, bool v5)
    {
        var reader = new SpanReader(head);
        return !reader.TrySkip(2) || (v5 && !SkipProperties(ref reader))
            ? new MqttAckDetail(MqttPacketType.Suback, [], false) { Malformed = true }
            : Listed(MqttPacketType.Suback, reader.Rest);
    }

    private static MqttAckDetail DescribeUnsuback(ReadOnlySpan<byte> head, bool v5)
    {
        var reader = new SpanReader(head);
        if (!v5)
        {
            return new MqttAckDetail(MqttPacketType.Unsuback, [], false);
        }

        if (!reader.TrySkip(2) || !SkipProperties(ref reader))
        {
            return new MqttAckDetail(MqttPacketType.Unsuback, [], false) { Malformed = true };
        }

        // Success for every filter needs no words.
        return reader.Rest.IndexOfAnyExcept((byte)0) >= 0
            ? Listed(MqttPacketType.Unsuback, reader.Rest)
            : new MqttAckDetail(MqttPacketType.Unsuback, [], false);
    }

    /// <summary>MQTT 5 packets whose reason code sits at <paramref name="at"/>: it is kept when it is not 0 (success).</summary>
    private static MqttAckDetail WithReason(MqttPacketType type, ReadOnlySpan<byte> head, int at, bool v5) =>
        new(type, v5 && head.Length > at && head[at] != 0 ? [head[at]] : [], false);

    private static MqttAckDetail Listed(MqttPacketType type, ReadOnlySpan<byte> codes) =>
        new(type, codes[..Math.Min(codes.Length, MaxListed)].ToArray(), codes.Length > MaxListed);

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
