using System.Buffers.Binary;
using System.Text;

namespace PcapDiff.Core.Normalization;

/// <summary>The parts of a DNS message that matter to a behavioural diff.</summary>
/// <param name="Id">Transaction id (used to spot retransmitted queries, never compared).</param>
/// <param name="IsResponse">The QR bit.</param>
/// <param name="ResponseCode">RCODE (0 NOERROR, 2 SERVFAIL, 3 NXDOMAIN, …).</param>
/// <param name="QueryName">The first question's name, lower-case, without the trailing dot.</param>
/// <param name="QueryType">The first question's type.</param>
/// <param name="AnswerTypes">Types of the answer records, in order.</param>
/// <param name="Addresses">A and AAAA answers: (owner name, 4 or 16 address bytes).</param>
internal sealed record DnsMessage(
    ushort Id,
    bool IsResponse,
    int ResponseCode,
    string? QueryName,
    ushort QueryType,
    IReadOnlyList<ushort> AnswerTypes,
    IReadOnlyList<(string Name, byte[] Address)> Addresses)
{
    private const int MaxRecords = 64;

    /// <summary>Parses a DNS message; null when the bytes are not one (or are cut before the question).</summary>
    public static DnsMessage? TryParse(ReadOnlySpan<byte> data)
    {
        if (data.Length < 12)
        {
            return null;
        }

        ushort id = BinaryPrimitives.ReadUInt16BigEndian(data);
        ushort flags = BinaryPrimitives.ReadUInt16BigEndian(data[2..]);
        int questions = BinaryPrimitives.ReadUInt16BigEndian(data[4..]);
        int answers = BinaryPrimitives.ReadUInt16BigEndian(data[6..]);
        int opcode = (flags >> 11) & 0xf;
        if (questions == 0 || questions > 16 || opcode > 6)
        {
            return null;
        }

        int offset = 12;
        string? name = ReadName(data, ref offset);
        if (name is null || offset + 4 > data.Length)
        {
            return null;
        }

        ushort queryType = BinaryPrimitives.ReadUInt16BigEndian(data[offset..]);
        offset += 4;
        for (int q = 1; q < questions; q++)
        {
            if (ReadName(data, ref offset) is null || offset + 4 > data.Length)
            {
                return null;
            }

            offset += 4;
        }

        var types = new List<ushort>();
        var addresses = new List<(string, byte[])>();
        for (int a = 0; a < Math.Min(answers, MaxRecords); a++)
        {
            string? owner = ReadName(data, ref offset);
            if (owner is null || offset + 10 > data.Length)
            {
                break;
            }

            ushort type = BinaryPrimitives.ReadUInt16BigEndian(data[offset..]);
            int length = BinaryPrimitives.ReadUInt16BigEndian(data[(offset + 8)..]);
            offset += 10;
            if (offset + length > data.Length)
            {
                types.Add(type);
                break;
            }

            types.Add(type);
            if ((type == 1 && length == 4) || (type == 28 && length == 16))
            {
                addresses.Add((owner, data.Slice(offset, length).ToArray()));
            }

            offset += length;
        }

        return new DnsMessage(id, (flags & 0x8000) != 0, flags & 0xf, name, queryType, types, addresses);
    }

    /// <summary>The mnemonic of a record type (A, AAAA, …) or TYPEnnn.</summary>
    public static string TypeName(ushort type) => type switch
    {
        1 => "A",
        2 => "NS",
        5 => "CNAME",
        6 => "SOA",
        12 => "PTR",
        15 => "MX",
        16 => "TXT",
        28 => "AAAA",
        33 => "SRV",
        35 => "NAPTR",
        41 => "OPT",
        43 => "DS",
        46 => "RRSIG",
        47 => "NSEC",
        48 => "DNSKEY",
        64 => "SVCB",
        65 => "HTTPS",
        255 => "ANY",
        _ => $"TYPE{type}",
    };

    /// <summary>The mnemonic of a response code.</summary>
    public static string ResponseCodeName(int code) => code switch
    {
        0 => "NOERROR",
        1 => "FORMERR",
        2 => "SERVFAIL",
        3 => "NXDOMAIN",
        4 => "NOTIMP",
        5 => "REFUSED",
        _ => $"RCODE{code}",
    };

    private static string? ReadName(ReadOnlySpan<byte> data, ref int offset)
    {
        var name = new StringBuilder();
        int position = offset;
        int jumps = 0;
        bool jumped = false;
        while (true)
        {
            if (position >= data.Length)
            {
                return null;
            }

            int length = data[position];
            if (length == 0)
            {
                position++;
                break;
            }

            if ((length & 0xc0) == 0xc0)
            {
                if (position + 1 >= data.Length || ++jumps > 16)
                {
                    return null;
                }

                int target = ((length & 0x3f) << 8) | data[position + 1];
                if (!jumped)
                {
                    offset = position + 2;
                }

                jumped = true;
                position = target;
                continue;
            }

            if ((length & 0xc0) != 0 || position + 1 + length > data.Length || name.Length > 255)
            {
                return null;
            }

            if (name.Length > 0)
            {
                name.Append('.');
            }

            foreach (byte b in data.Slice(position + 1, length))
            {
                name.Append((char)(b is >= (byte)'A' and <= (byte)'Z' ? b + 32 : b));
            }

            position += 1 + length;
        }

        if (!jumped)
        {
            offset = position;
        }

        return name.Length == 0 ? "." : name.ToString();
    }
}
