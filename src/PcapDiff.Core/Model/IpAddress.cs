using System.Buffers.Binary;
using System.Net;

namespace PcapDiff.Core.Model;

/// <summary>An IPv4 or IPv6 address held in two machine words, so decoding a packet allocates nothing.</summary>
public readonly record struct IpAddress(ulong High, ulong Low, byte Version) : IComparable<IpAddress>
{
    /// <summary>Reads a 4-byte IPv4 or 16-byte IPv6 address.</summary>
    public static IpAddress FromBytes(ReadOnlySpan<byte> bytes) => bytes.Length switch
    {
        4 => new IpAddress(0, BinaryPrimitives.ReadUInt32BigEndian(bytes), 4),
        16 => new IpAddress(BinaryPrimitives.ReadUInt64BigEndian(bytes), BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]), 6),
        _ => throw new ArgumentException("An IP address has 4 or 16 bytes.", nameof(bytes)),
    };

    /// <summary>
    /// No address: the flows of a <c>.flows</c> expectation record none (written <c>?</c>). A
    /// renderer leaves out what needs one (the endpoints, a Wireshark filter).
    /// </summary>
    public static IpAddress Unknown => default;

    /// <summary>Whether this is a real IPv4 or IPv6 address, not <see cref="Unknown"/>.</summary>
    public bool IsKnown => Version != 0;

    /// <summary>Parses the text form of an address.</summary>
    public static IpAddress Parse(string text) => FromBytes(IPAddress.Parse(text).GetAddressBytes());

    /// <inheritdoc />
    public int CompareTo(IpAddress other)
    {
        int byVersion = Version.CompareTo(other.Version);
        if (byVersion != 0)
        {
            return byVersion;
        }

        int byHigh = High.CompareTo(other.High);
        return byHigh != 0 ? byHigh : Low.CompareTo(other.Low);
    }

    /// <summary>Orders by version, then numerically.</summary>
    public static bool operator <(IpAddress left, IpAddress right) => left.CompareTo(right) < 0;

    /// <summary>Orders by version, then numerically.</summary>
    public static bool operator >(IpAddress left, IpAddress right) => left.CompareTo(right) > 0;

    /// <summary>Orders by version, then numerically.</summary>
    public static bool operator <=(IpAddress left, IpAddress right) => left.CompareTo(right) <= 0;

    /// <summary>Orders by version, then numerically.</summary>
    public static bool operator >=(IpAddress left, IpAddress right) => left.CompareTo(right) >= 0;

    /// <summary>The conventional text form (dotted quad or RFC 5952).</summary>
    public override string ToString()
    {
        if (!IsKnown)
        {
            return "?";
        }

        if (Version == 4)
        {
            uint v = (uint)Low;
            return $"{v >> 24}.{(v >> 16) & 0xff}.{(v >> 8) & 0xff}.{v & 0xff}";
        }

        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, High);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], Low);
        return new IPAddress(bytes).ToString();
    }
}
