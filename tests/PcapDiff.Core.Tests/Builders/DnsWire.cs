using System.Buffers.Binary;
using System.Net;
using System.Text;

namespace PcapDiff.Core.Tests.Builders;

/// <summary>
/// Writes DNS messages as they travel on the wire: a header, one question (QNAME labels, QTYPE,
/// QCLASS IN) and, in responses, A/AAAA answers whose owner name is a compression pointer to the
/// question (0xC00C), as real resolvers write them.
/// </summary>
internal static class DnsWire
{
    public const ushort TypeA = 1;
    public const ushort TypeAaaa = 28;

    public static byte[] Query(ushort id, string name, ushort type = TypeA) =>
        Message(id, flags: 0x0100, name, type, rcode: 0, []);

    /// <summary>A NOERROR response answering <paramref name="name"/> with the addresses (an AAAA question when they are IPv6).</summary>
    public static byte[] Answer(ushort id, string name, params string[] addresses) =>
        Message(id, flags: 0x8180, name, addresses.Length > 0 && addresses[0].Contains(':', StringComparison.Ordinal) ? TypeAaaa : TypeA, rcode: 0, addresses);

    /// <summary>A response with no answers and the given RCODE (3 is NXDOMAIN).</summary>
    public static byte[] Error(ushort id, string name, int rcode, ushort type = TypeA) =>
        Message(id, flags: 0x8180, name, type, rcode, []);

    /// <summary>The question's QNAME: length-prefixed labels, then the root. Raw bytes, so a label may hold anything.</summary>
    public static byte[] Name(string name)
    {
        var bytes = new List<byte>();
        foreach (string label in name.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            byte[] text = Encoding.Latin1.GetBytes(label);
            bytes.Add((byte)text.Length);
            bytes.AddRange(text);
        }

        bytes.Add(0);
        return [.. bytes];
    }

    private static byte[] Message(ushort id, ushort flags, string name, ushort type, int rcode, string[] addresses)
    {
        var message = new List<byte>();
        Span<byte> header = stackalloc byte[12];
        BinaryPrimitives.WriteUInt16BigEndian(header, id);
        BinaryPrimitives.WriteUInt16BigEndian(header[2..], (ushort)(flags | (rcode & 0xf)));
        BinaryPrimitives.WriteUInt16BigEndian(header[4..], 1);
        BinaryPrimitives.WriteUInt16BigEndian(header[6..], (ushort)addresses.Length);
        message.AddRange(header.ToArray());
        message.AddRange(Name(name));
        AddUInt16(message, type);
        AddUInt16(message, 1);

        foreach (string address in addresses)
        {
            byte[] data = IPAddress.Parse(address).GetAddressBytes();
            message.AddRange([0xc0, 0x0c]);
            AddUInt16(message, data.Length == 4 ? TypeA : TypeAaaa);
            AddUInt16(message, 1);
            message.AddRange([0, 0, 0x0e, 0x10]);
            AddUInt16(message, (ushort)data.Length);
            message.AddRange(data);
        }

        return [.. message];
    }

    private static void AddUInt16(List<byte> bytes, ushort value)
    {
        bytes.Add((byte)(value >> 8));
        bytes.Add((byte)value);
    }
}
