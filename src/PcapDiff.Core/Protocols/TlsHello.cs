using System.Text;
using PcapDiff.Core.Model;

namespace PcapDiff.Core.Protocols;

/// <summary>
/// ClientHello and ServerHello bodies (the bytes after the 4-byte handshake header).
/// Only what a client or server configuration decides is kept: server name, ALPN, versions, cipher
/// suite. Randoms, session ids and key shares change every run and are skipped.
/// </summary>
internal static class TlsHello
{
    private const ushort ServerNameExtension = 0;
    private const ushort AlpnExtension = 16;
    private const ushort SupportedVersionsExtension = 43;
    private const int MaxListed = 8;

    /// <summary>The random of a ServerHello that is a HelloRetryRequest (RFC 8446 §4.1.3).</summary>
    private static ReadOnlySpan<byte> RetryRandom =>
    [
        0xCF, 0x21, 0xAD, 0x74, 0xE5, 0x9A, 0x61, 0x11, 0xBE, 0x1D, 0x8C, 0x02, 0x1E, 0x65, 0xB8, 0x91,
        0xC2, 0xA2, 0x11, 0x16, 0x7A, 0xBB, 0x8C, 0x5E, 0x07, 0x9E, 0x09, 0xE2, 0xC8, 0xA8, 0x33, 0x9C,
    ];

    /// <summary>A ClientHello's server name, ALPN and offered versions, leaving out what the hello lacks.</summary>
    public static TlsDetail ClientHello(ReadOnlySpan<byte> body)
    {
        var hello = new TlsDetail(TlsMessageType.ClientHello);
        var reader = new SpanReader(body);
        if (!reader.TrySkip(2 + 32) || !reader.TryVector8(out _) || !reader.TryVector16(out _)
            || !reader.TryVector8(out _) || !reader.TryVector16(out var extensions))
        {
            return hello;
        }

        string? serverName = null;
        string? alpn = null;
        string? versions = null;
        var list = new SpanReader(extensions);
        while (list.TryUInt16(out ushort type) && list.TryVector16(out var data))
        {
            switch (type)
            {
                case ServerNameExtension:
                    serverName ??= ServerName(data);
                    break;
                case AlpnExtension:
                    alpn ??= Protocols(data);
                    break;
                case SupportedVersionsExtension:
                    versions ??= OfferedVersions(data);
                    break;
            }
        }

        return hello with { ServerName = serverName, Alpn = alpn, OfferedVersions = versions };
    }

    /// <summary>
    /// A ServerHello (or a HelloRetryRequest): the version the server chose (from supported_versions when
    /// present), its cipher suite and ALPN protocol, as far as the body can be read.
    /// </summary>
    public static TlsDetail ServerHello(ReadOnlySpan<byte> body)
    {
        var hello = new TlsDetail(TlsMessageType.ServerHello);
        var reader = new SpanReader(body);
        if (!reader.TryUInt16(out ushort version))
        {
            return hello;
        }

        if (!reader.TryBytes(32, out var random))
        {
            return hello with { Version = version };
        }

        if (random.SequenceEqual(RetryRandom))
        {
            // The body goes on with the (echoed) session id, cipher and key_share group: none adds anything.
            return new TlsDetail(TlsMessageType.HelloRetryRequest);
        }

        if (!reader.TryVector8(out _) || !reader.TryUInt16(out ushort cipher) || !reader.TrySkip(1))
        {
            return hello with { Version = version };
        }

        string? alpn = null;
        if (reader.TryVector16(out var extensions))
        {
            var list = new SpanReader(extensions);
            while (list.TryUInt16(out ushort type) && list.TryVector16(out var data))
            {
                if (type == SupportedVersionsExtension && data.Length == 2)
                {
                    version = (ushort)((data[0] << 8) | data[1]);
                }
                else if (type == AlpnExtension)
                {
                    alpn ??= Protocols(data);
                }
            }
        }

        return hello with { Version = version, Cipher = cipher, Alpn = alpn };
    }

    /// <summary>The first host_name in a server_name extension (RFC 6066 §3).</summary>
    private static string? ServerName(ReadOnlySpan<byte> data)
    {
        var reader = new SpanReader(data);
        if (!reader.TryVector16(out var names))
        {
            return null;
        }

        var list = new SpanReader(names);
        while (list.TryByte(out byte nameType) && list.TryVector16(out var name))
        {
            if (nameType == 0)
            {
                return WireText.NonEmptyField(name);
            }
        }

        return null;
    }

    /// <summary>The protocol names of an ALPN extension (RFC 7301 §3.1), comma-separated.</summary>
    private static string? Protocols(ReadOnlySpan<byte> data)
    {
        var reader = new SpanReader(data);
        if (!reader.TryVector16(out var names))
        {
            return null;
        }

        var list = new SpanReader(names);
        var text = new StringBuilder();
        int count = 0;
        while (list.TryVector8(out var name))
        {
            if (count++ == MaxListed)
            {
                text.Append(",…");
                break;
            }

            text.Append(count > 1 ? "," : "").Append(WireText.NonEmptyField(name));
        }

        return text.ToString();
    }

    /// <summary>The versions a client offers in supported_versions (RFC 8446 §4.2.1), GREASE left out.</summary>
    private static string? OfferedVersions(ReadOnlySpan<byte> data)
    {
        var reader = new SpanReader(data);
        if (!reader.TryVector8(out var versions))
        {
            return null;
        }

        var list = new SpanReader(versions);
        var text = new StringBuilder();
        int count = 0;
        while (list.TryUInt16(out ushort version))
        {
            if (TlsNames.IsGrease(version))
            {
                continue;
            }

            if (count++ == MaxListed)
            {
                text.Append(",…");
                break;
            }

            text.Append(count > 1 ? "," : "").Append(TlsNames.Version(version));
        }

        return text.ToString();
    }
}
