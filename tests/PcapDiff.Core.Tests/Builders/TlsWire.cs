using System.Buffers.Binary;
using System.Text;

namespace PcapDiff.Core.Tests.Builders;

/// <summary>
/// Writes TLS as it travels on the wire (RFC 5246 §6.2 and §7.4, RFC 8446 §4 and §5.1): records of
/// (type, version, 16-bit length, fragment), handshake messages of (type, 24-bit length, body), and
/// the hello bodies with the extensions the decoder reads. Randoms and session ids are filled with a
/// fixed pattern unless a test says otherwise.
/// </summary>
internal static class TlsWire
{
    public const byte ChangeCipherSpecType = 20;
    public const byte AlertType = 21;
    public const byte HandshakeType = 22;
    public const byte ApplicationDataType = 23;

    public const byte ClientHelloType = 1;
    public const byte ServerHelloType = 2;
    public const byte NewSessionTicketType = 4;
    public const byte CertificateType = 11;
    public const byte ServerKeyExchangeType = 12;
    public const byte CertificateRequestType = 13;
    public const byte ServerHelloDoneType = 14;
    public const byte ClientKeyExchangeType = 16;

    public const ushort Tls10 = 0x0301;
    public const ushort Tls12 = 0x0303;
    public const ushort Tls13 = 0x0304;

    /// <summary>The fixed random of a HelloRetryRequest (RFC 8446 §4.1.3).</summary>
    public static readonly byte[] RetryRandom = Convert.FromHexString("CF21AD74E59A6111BE1D8C021E65B891C2A211167ABB8C5E079E09E2C8A8339C");

    /// <summary>One record around <paramref name="fragment"/>.</summary>
    public static byte[] Record(byte type, byte[] fragment, ushort version = Tls12) =>
        [type, (byte)(version >> 8), (byte)version, .. UInt16(fragment.Length), .. fragment];

    /// <summary>A handshake record holding the given handshake messages back to back.</summary>
    public static byte[] HandshakeRecord(params byte[][] messages) => Record(HandshakeType, [.. messages.SelectMany(m => m)]);

    /// <summary>One handshake message: type, 24-bit length, body.</summary>
    public static byte[] Handshake(byte type, byte[] body) =>
        [type, (byte)(body.Length >> 16), (byte)(body.Length >> 8), (byte)body.Length, .. body];

    /// <summary>Cuts the handshake stream <paramref name="messages"/> into handshake records of at most <paramref name="size"/> bytes.</summary>
    public static byte[] Fragmented(int size, params byte[][] messages)
    {
        byte[] stream = [.. messages.SelectMany(m => m)];
        return [.. stream.Chunk(size).SelectMany(chunk => Record(HandshakeType, chunk))];
    }

    public static byte[] ChangeCipherSpec() => Record(ChangeCipherSpecType, [1]);

    public static byte[] Alert(byte level, byte description) => Record(AlertType, [level, description]);

    /// <summary>A record of <paramref name="length"/> bytes that stand for ciphertext.</summary>
    public static byte[] Encrypted(byte type, int length) =>
        Record(type, [.. Enumerable.Range(0, length).Select(i => (byte)(i * 37 + 11))]);

    /// <summary>
    /// A ClientHello body: legacy version 1.2, a random, a 32-byte session id, two cipher suites, null
    /// compression, then the extensions given (server_name, ALPN, supported_versions) and a key_share.
    /// </summary>
    public static byte[] ClientHello(string? sni = null, string[]? alpn = null, ushort[]? versions = null, byte randomFill = 0x5a)
    {
        var extensions = new List<byte>();
        if (sni is not null)
        {
            extensions.AddRange(ServerNameExtension(Encoding.Latin1.GetBytes(sni)));
        }

        extensions.AddRange(Extension(10, [0x00, 0x04, 0x00, 0x1d, 0x00, 0x17]));   // supported_groups x25519, secp256r1
        if (alpn is not null)
        {
            extensions.AddRange(AlpnExtension(alpn));
        }

        if (versions is not null)
        {
            byte[] list = [.. versions.SelectMany(v => UInt16(v))];
            extensions.AddRange(Extension(43, [(byte)list.Length, .. list]));
        }

        // key_share with one x25519 share: random per connection on a real client.
        extensions.AddRange(Extension(51, [0x00, 0x24, 0x00, 0x1d, 0x00, 0x20, .. Enumerable.Repeat(randomFill, 32)]));
        return
        [
            0x03, 0x03,
            .. Enumerable.Repeat(randomFill, 32),                   // random
            32, .. Enumerable.Repeat((byte)(randomFill ^ 0xff), 32), // session id
            0x00, 0x04, 0x13, 0x01, 0xc0, 0x2f,                     // cipher suites
            0x01, 0x00,                                             // compression methods: null
            .. UInt16(extensions.Count), .. extensions,
        ];
    }

    /// <summary>A ServerHello body: the legacy version, a random, an echoed session id, the cipher, null compression, extensions.</summary>
    public static byte[] ServerHello(ushort version, ushort cipher, string? alpn = null, ushort? selectedVersion = null, byte[]? random = null)
    {
        var extensions = new List<byte>();
        if (selectedVersion is ushort selected)
        {
            extensions.AddRange(Extension(43, UInt16(selected)));
        }

        if (alpn is not null)
        {
            extensions.AddRange(AlpnExtension([alpn]));
        }

        return
        [
            .. UInt16(version),
            .. random ?? Enumerable.Repeat((byte)0x33, 32),
            32, .. Enumerable.Repeat((byte)0xa5, 32),
            .. UInt16(cipher),
            0x00,
            .. UInt16(extensions.Count), .. extensions,
        ];
    }

    /// <summary>A HelloRetryRequest: a ServerHello with the special random, supported_versions 1.3 and a key_share group.</summary>
    public static byte[] HelloRetryRequest() =>
    [
        0x03, 0x03, .. RetryRandom, 32, .. Enumerable.Repeat((byte)0xa5, 32), 0x13, 0x01, 0x00,
        0x00, 0x0c, .. Extension(43, UInt16(Tls13)), .. Extension(51, [0x00, 0x17]),
    ];

    public static byte[] Extension(ushort type, byte[] data) => [.. UInt16(type), .. UInt16(data.Length), .. data];

    public static byte[] ServerNameExtension(byte[] name) =>
        Extension(0, [.. UInt16(name.Length + 3), 0x00, .. UInt16(name.Length), .. name]);

    public static byte[] AlpnExtension(string[] protocols)
    {
        byte[] list = [.. protocols.SelectMany(p => (byte[])[(byte)p.Length, .. Encoding.ASCII.GetBytes(p)])];
        return Extension(16, [.. UInt16(list.Length), .. list]);
    }

    public static byte[] UInt16(int value)
    {
        byte[] bytes = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(bytes, (ushort)value);
        return bytes;
    }
}
