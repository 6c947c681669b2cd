using System.Buffers.Binary;
using System.Text;

namespace PcapDiff.CaptureGenerator;

/// <summary>TLS 1.3 hellos laid out as a current browser and server send them (RFC 8446).</summary>
internal static class TlsHandshake
{
    private const int ClientHelloRecord = 517;

    /// <summary>A ClientHello with SNI, padded to 517 bytes; its session id goes into <paramref name="sessionId"/>.</summary>
    public static byte[] ClientHello(Rng rng, string serverName, Span<byte> sessionId)
    {
        var b = new Builder();
        b.Bytes(0x16, 0x03, 0x01);
        int recordLength = b.Reserve(2);
        b.Bytes(0x01);
        int handshakeLength = b.Reserve(3);
        b.Bytes(0x03, 0x03);
        b.Random(rng, 32);
        b.Bytes(32);
        rng.Fill(sessionId);
        b.Span(sessionId);
        ushort[] suites = [0x1301, 0x1303, 0x1302, 0xC02B, 0xC02F, 0xCCA9, 0xCCA8, 0xC02C, 0xC030, 0xC00A, 0xC009, 0xC013, 0xC014, 0x009C, 0x009D, 0x002F, 0x0035];
        b.UInt16((ushort)(suites.Length * 2));
        foreach (ushort suite in suites)
        {
            b.UInt16(suite);
        }

        b.Bytes(0x01, 0x00);
        int extensions = b.Reserve(2);
        byte[] name = Encoding.ASCII.GetBytes(serverName);
        b.UInt16(0x0000);
        b.UInt16((ushort)(name.Length + 5));
        b.UInt16((ushort)(name.Length + 3));
        b.Bytes(0x00);
        b.UInt16((ushort)name.Length);
        b.Span(name);
        b.Bytes(0x00, 0x17, 0x00, 0x00);
        b.Bytes(0xFF, 0x01, 0x00, 0x01, 0x00);
        b.Bytes(0x00, 0x0A, 0x00, 0x0E, 0x00, 0x0C, 0x00, 0x1D, 0x00, 0x17, 0x00, 0x18, 0x00, 0x19, 0x01, 0x00, 0x01, 0x01);
        b.Bytes(0x00, 0x0B, 0x00, 0x02, 0x01, 0x00);
        b.Bytes(0x00, 0x23, 0x00, 0x00);
        b.Bytes(0x00, 0x10, 0x00, 0x0E, 0x00, 0x0C, 0x02, (byte)'h', (byte)'2', 0x08);
        b.Span("http/1.1"u8);
        b.Bytes(0x00, 0x05, 0x00, 0x05, 0x01, 0x00, 0x00, 0x00, 0x00);
        b.Bytes(0x00, 0x33, 0x00, 0x26, 0x00, 0x24, 0x00, 0x1D, 0x00, 0x20);
        b.Random(rng, 32);
        b.Bytes(0x00, 0x2B, 0x00, 0x05, 0x04, 0x03, 0x04, 0x03, 0x03);
        b.Bytes(0x00, 0x0D, 0x00, 0x18, 0x00, 0x16, 0x04, 0x03, 0x05, 0x03, 0x06, 0x03, 0x08, 0x04, 0x08, 0x05, 0x08, 0x06, 0x04, 0x01, 0x05, 0x01, 0x06, 0x01, 0x02, 0x03, 0x02, 0x01);
        b.Bytes(0x00, 0x2D, 0x00, 0x02, 0x01, 0x01);
        b.Bytes(0x00, 0x1C, 0x00, 0x02, 0x40, 0x01);
        int padding = ClientHelloRecord - b.Length - 4;
        if (padding >= 0)
        {
            b.UInt16(0x0015);
            b.UInt16((ushort)padding);
            b.Zeros(padding);
        }

        b.Patch(extensions, 2, b.Length - extensions - 2);
        b.Patch(handshakeLength, 3, b.Length - handshakeLength - 3);
        b.Patch(recordLength, 2, b.Length - 5);
        return b.ToArray();
    }

    /// <summary>ServerHello (echoing the session id, choosing TLS_AES_128_GCM_SHA256 and x25519) and ChangeCipherSpec: 133 bytes.</summary>
    public static byte[] ServerHelloAndChangeCipherSpec(Rng rng, ReadOnlySpan<byte> sessionId)
    {
        var b = new Builder();
        b.Bytes(0x16, 0x03, 0x03, 0x00, 0x7A, 0x02, 0x00, 0x00, 0x76, 0x03, 0x03);
        b.Random(rng, 32);
        b.Bytes(32);
        b.Span(sessionId);
        b.Bytes(0x13, 0x01, 0x00, 0x00, 0x2E, 0x00, 0x2B, 0x00, 0x02, 0x03, 0x04, 0x00, 0x33, 0x00, 0x24, 0x00, 0x1D, 0x00, 0x20);
        b.Random(rng, 32);
        b.Bytes(0x14, 0x03, 0x03, 0x00, 0x01, 0x01);
        return b.ToArray();
    }

    private sealed class Builder
    {
        private readonly byte[] _buffer = new byte[1024];

        public int Length { get; private set; }

        public void Bytes(params ReadOnlySpan<byte> bytes) => Span(bytes);

        public void Span(ReadOnlySpan<byte> bytes)
        {
            bytes.CopyTo(_buffer.AsSpan(Length));
            Length += bytes.Length;
        }

        public void UInt16(ushort value)
        {
            BinaryPrimitives.WriteUInt16BigEndian(_buffer.AsSpan(Length), value);
            Length += 2;
        }

        public void Random(Rng rng, int count)
        {
            rng.Fill(_buffer.AsSpan(Length, count));
            Length += count;
        }

        public void Zeros(int count) => Length += count;

        public int Reserve(int count)
        {
            Length += count;
            return Length - count;
        }

        public void Patch(int at, int size, int value)
        {
            for (int i = 0; i < size; i++)
            {
                _buffer[at + i] = (byte)(value >> (8 * (size - 1 - i)));
            }
        }

        public byte[] ToArray() => _buffer.AsSpan(0, Length).ToArray();
    }
}
