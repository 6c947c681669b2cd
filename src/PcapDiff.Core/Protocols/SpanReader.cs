using System.Buffers.Binary;

namespace PcapDiff.Core.Protocols;

/// <summary>Reads big-endian fields from a span; every read checks the bytes are there and says so.</summary>
internal ref struct SpanReader(ReadOnlySpan<byte> data)
{
    private ReadOnlySpan<byte> _rest = data;

    /// <summary>Bytes not read yet.</summary>
    public readonly int Remaining => _rest.Length;

    /// <summary>The bytes not read yet.</summary>
    public readonly ReadOnlySpan<byte> Rest => _rest;

    public bool TryByte(out byte value)
    {
        value = 0;
        if (_rest.IsEmpty)
        {
            return false;
        }

        value = _rest[0];
        _rest = _rest[1..];
        return true;
    }

    public bool TryUInt16(out ushort value)
    {
        value = 0;
        if (_rest.Length < 2)
        {
            return false;
        }

        value = BinaryPrimitives.ReadUInt16BigEndian(_rest);
        _rest = _rest[2..];
        return true;
    }

    public bool TryBytes(int count, out ReadOnlySpan<byte> value)
    {
        value = default;
        if (count < 0 || count > _rest.Length)
        {
            return false;
        }

        value = _rest[..count];
        _rest = _rest[count..];
        return true;
    }

    public bool TrySkip(int count) => TryBytes(count, out _);

    /// <summary>A field with a one-byte length in front.</summary>
    public bool TryVector8(out ReadOnlySpan<byte> value)
    {
        value = default;
        return TryByte(out byte length) && TryBytes(length, out value);
    }

    /// <summary>A field with a two-byte length in front.</summary>
    public bool TryVector16(out ReadOnlySpan<byte> value)
    {
        value = default;
        return TryUInt16(out ushort length) && TryBytes(length, out value);
    }

    /// <summary>A three-byte length (TLS's 24-bit fields).</summary>
    public bool TryUInt24(out int value)
    {
        value = 0;
        if (!TryBytes(3, out var bytes))
        {
            return false;
        }

        value = (bytes[0] << 16) | (bytes[1] << 8) | bytes[2];
        return true;
    }

    /// <summary>Skips a field with a length of <paramref name="lengthBytes"/> (1 to 3) bytes in front.</summary>
    public bool TrySkipVector(int lengthBytes)
    {
        int length = 0;
        for (int i = 0; i < lengthBytes; i++)
        {
            if (!TryByte(out byte b))
            {
                return false;
            }

            length = (length << 8) | b;
        }

        return TrySkip(length);
    }

    /// <summary>An MQTT variable byte integer: 1 to 4 bytes, 7 bits each, least significant first.</summary>
    public bool TryVarInt(out int value)
    {
        value = 0;
        for (int i = 0; i < 4; i++)
        {
            if (!TryByte(out byte b))
            {
                return false;
            }

            value |= (b & 0x7f) << (7 * i);
            if ((b & 0x80) == 0)
            {
                return true;
            }
        }

        return false;
    }
}
