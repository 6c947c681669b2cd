using System.Text;

namespace PcapDiff.Core.Tests.Builders;

/// <summary>
/// Writes MQTT control packets as on the wire (MQTT 3.1.1 §2–3, MQTT 5.0 §2–3): a first byte of type
/// and flags, the remaining length as a variable byte integer, then the variable header and payload.
/// A <c>properties</c> argument is a whole MQTT 5 property block made by <see cref="Properties"/>;
/// null leaves it out, as MQTT 3.1.1 has none.
/// </summary>
internal static class MqttWire
{
    public const byte SessionExpiry = 0x11;
    public const byte ContentType = 0x03;
    public const byte TopicAlias = 0x23;
    public const byte UserProperty = 0x26;
    public const byte ReasonString = 0x1f;

    public static byte[] Packet(byte first, byte[] body) => [first, .. VarInt(body.Length), .. body];

    /// <summary>The variable byte integer: 7 bits a byte, least significant first, top bit = more follow.</summary>
    public static byte[] VarInt(int value)
    {
        var bytes = new List<byte>();
        do
        {
            byte b = (byte)(value & 0x7f);
            value >>= 7;
            bytes.Add(value > 0 ? (byte)(b | 0x80) : b);
        }
        while (value > 0);
        return [.. bytes];
    }

    /// <summary>A UTF-8 string or binary data field: 16-bit length, then the bytes.</summary>
    public static byte[] String(string value)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(value);
        return [(byte)(bytes.Length >> 8), (byte)bytes.Length, .. bytes];
    }

    public static byte[] Properties(params byte[][] properties)
    {
        byte[] all = [.. properties.SelectMany(p => p)];
        return [.. VarInt(all.Length), .. all];
    }

    public static byte[] Property(byte id, params byte[] value) => [id, .. value];

    /// <summary>
    /// CONNECT: protocol name ("MQTT", or "MQIsdp" at level 3), level, flags, keep alive 60, properties
    /// (level 5), then client id, will (properties at level 5, topic, message), user name, password.
    /// </summary>
    public static byte[] Connect(
        string clientId,
        int level = 4,
        string? user = null,
        string? password = null,
        bool clean = true,
        (string Topic, string Message)? will = null,
        byte[]? properties = null,
        byte[]? willProperties = null)
    {
        int flags = (user is null ? 0 : 0x80) | (password is null ? 0 : 0x40) | (will is null ? 0 : 0x04 | 0x08) | (clean ? 0x02 : 0);
        var body = new List<byte>();
        body.AddRange(String(level == 3 ? "MQIsdp" : "MQTT"));
        body.AddRange([(byte)level, (byte)flags, 0x00, 60]);
        if (level == 5)
        {
            body.AddRange(properties ?? Properties());
        }

        body.AddRange(String(clientId));
        if (will is var (topic, message))
        {
            if (level == 5)
            {
                body.AddRange(willProperties ?? Properties());
            }

            body.AddRange(String(topic));
            body.AddRange(String(message));
        }

        if (user is not null)
        {
            body.AddRange(String(user));
        }

        if (password is not null)
        {
            body.AddRange(String(password));
        }

        return Packet(0x10, [.. body]);
    }

    public static byte[] Connack(byte code, bool sessionPresent = false, byte[]? properties = null) =>
        Packet(0x20, [sessionPresent ? (byte)1 : (byte)0, code, .. properties ?? []]);

    public static byte[] Publish(string topic, byte[] payload, int qos = 0, bool retain = false, ushort packetId = 1, byte[]? properties = null)
    {
        byte first = (byte)(0x30 | (qos << 1) | (retain ? 1 : 0));
        byte[] id = qos > 0 ? [(byte)(packetId >> 8), (byte)packetId] : [];
        return Packet(first, [.. String(topic), .. id, .. properties ?? [], .. payload]);
    }

    /// <summary>PUBACK (4), PUBREC (5), PUBREL (6, flags 0010) or PUBCOMP (7), with an MQTT 5 reason code and properties when given.</summary>
    public static byte[] Ack(int type, ushort packetId, byte? reason = null, byte[]? properties = null)
    {
        byte first = (byte)((type << 4) | (type == 6 ? 2 : 0));
        byte[] tail = reason is byte r ? [r, .. properties ?? []] : [];
        return Packet(first, [(byte)(packetId >> 8), (byte)packetId, .. tail]);
    }

    public static byte[] Subscribe(ushort packetId, byte[]? properties, params (string Filter, byte Options)[] filters) =>
        Packet(0x82, [(byte)(packetId >> 8), (byte)packetId, .. properties ?? [], .. filters.SelectMany(f => (byte[])[.. String(f.Filter), f.Options])]);

    public static byte[] Suback(ushort packetId, byte[]? properties, params byte[] codes) =>
        Packet(0x90, [(byte)(packetId >> 8), (byte)packetId, .. properties ?? [], .. codes]);

    public static byte[] Unsubscribe(ushort packetId, byte[]? properties, params string[] filters) =>
        Packet(0xa2, [(byte)(packetId >> 8), (byte)packetId, .. properties ?? [], .. filters.SelectMany(String)]);

    public static byte[] Unsuback(ushort packetId, byte[]? properties, params byte[] codes) =>
        Packet(0xb0, [(byte)(packetId >> 8), (byte)packetId, .. properties ?? [], .. codes]);

    public static byte[] PingReq() => [0xc0, 0x00];

    public static byte[] PingResp() => [0xd0, 0x00];

    public static byte[] Disconnect(byte? reason = null, byte[]? properties = null) =>
        Packet(0xe0, reason is byte r ? [r, .. properties ?? []] : []);

    public static byte[] Auth(byte reason, byte[] properties) => Packet(0xf0, [reason, .. properties]);
}
