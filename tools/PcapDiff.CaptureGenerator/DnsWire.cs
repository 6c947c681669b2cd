using System.Buffers.Binary;
using System.Text;

namespace PcapDiff.CaptureGenerator;

/// <summary>DNS messages in wire format (RFC 1035), with name compression as resolvers write it.</summary>
internal static class DnsWire
{
    public const ushort TypeA = 1;
    public const ushort TypeCname = 5;
    public const ushort TypeSoa = 6;
    public const ushort TypeAaaa = 28;
    public const ushort TypeSrv = 33;
    public const int NoError = 0;
    public const int NxDomain = 3;

    private const int HeaderSize = 12;
    private const uint Ttl = 300;

    /// <summary>A stub resolver's query: recursion desired, one question.</summary>
    public static byte[] Query(ushort id, string name, ushort type)
    {
        var w = new Writer();
        w.Header(id, 0x0100, questions: 1, answers: 0, authority: 0);
        w.Name(name);
        w.UInt16(type);
        w.UInt16(1);
        return w.ToArray();
    }

    /// <summary>
    /// A recursive resolver's answer: the question, then a CNAME when the name has one, then the
    /// address; or, with no address, the zone's SOA in the authority section (NODATA or NXDOMAIN).
    /// </summary>
    public static byte[] Response(ushort id, string name, ushort type, int rcode, string? canonicalName, uint? address)
    {
        var w = new Writer();
        bool answered = rcode == NoError && address is not null && type == TypeA;
        int answers = answered ? (canonicalName is null ? 1 : 2) : 0;
        w.Header(id, (ushort)(0x8180 | rcode), questions: 1, answers: (ushort)answers, authority: (ushort)(answered ? 0 : 1));
        w.Name(name);
        w.UInt16(type);
        w.UInt16(1);
        int owner = HeaderSize;
        if (answered)
        {
            if (canonicalName is not null)
            {
                w.Pointer(owner);
                w.UInt16(TypeCname);
                w.UInt16(1);
                w.UInt32(Ttl);
                int lengthAt = w.Reserve16();
                owner = w.Position;
                w.Name(canonicalName);
                w.Patch16(lengthAt, (ushort)(w.Position - lengthAt - 2));
            }

            w.Pointer(owner);
            w.UInt16(TypeA);
            w.UInt16(1);
            w.UInt32(60);
            w.UInt16(4);
            w.UInt32(address!.Value);
        }
        else
        {
            // The zone is the last two labels; its SOA names the primary and the mailbox beneath it.
            int zone = ZoneOffset(name);
            w.Pointer(zone);
            w.UInt16(TypeSoa);
            w.UInt16(1);
            w.UInt32(900);
            int lengthAt = w.Reserve16();
            w.Label("ns1");
            w.Pointer(zone);
            w.Label("hostmaster");
            w.Pointer(zone);
            w.UInt32(2026112401);
            w.UInt32(7200);
            w.UInt32(3600);
            w.UInt32(1209600);
            w.UInt32(900);
            w.Patch16(lengthAt, (ushort)(w.Position - lengthAt - 2));
        }

        return w.ToArray();
    }

    /// <summary>Offset of the zone (last two labels) of the question name, for a compression pointer.</summary>
    private static int ZoneOffset(string name)
    {
        string[] labels = name.Split('.');
        int offset = HeaderSize;
        for (int i = 0; i < labels.Length - 2; i++)
        {
            offset += 1 + labels[i].Length;
        }

        return offset;
    }

    private sealed class Writer
    {
        private readonly byte[] _buffer = new byte[512];

        public int Position { get; private set; }

        public void Header(ushort id, ushort flags, ushort questions, ushort answers, ushort authority)
        {
            UInt16(id);
            UInt16(flags);
            UInt16(questions);
            UInt16(answers);
            UInt16(authority);
            UInt16(0);
        }

        public void Name(string name)
        {
            foreach (string label in name.Split('.'))
            {
                Label(label);
            }

            _buffer[Position++] = 0;
        }

        public void Label(string label)
        {
            _buffer[Position++] = (byte)label.Length;
            Position += Encoding.ASCII.GetBytes(label, _buffer.AsSpan(Position));
        }

        public void Pointer(int offset) => UInt16((ushort)(0xC000 | offset));

        public void UInt16(ushort value)
        {
            BinaryPrimitives.WriteUInt16BigEndian(_buffer.AsSpan(Position), value);
            Position += 2;
        }

        public void UInt32(uint value)
        {
            BinaryPrimitives.WriteUInt32BigEndian(_buffer.AsSpan(Position), value);
            Position += 4;
        }

        public int Reserve16()
        {
            Position += 2;
            return Position - 2;
        }

        public void Patch16(int at, ushort value) => BinaryPrimitives.WriteUInt16BigEndian(_buffer.AsSpan(at), value);

        public byte[] ToArray() => _buffer.AsSpan(0, Position).ToArray();
    }
}
