using System.Globalization;
using PcapDiff.Core.Model;
using PcapDiff.Core.Protocols;

namespace PcapDiff.Core.FlowsFiles;

/// <summary>Reads the detail of a TLS event on a <c>.flows</c> line back into a <see cref="TlsDetail"/>.</summary>
internal static class TlsDetailReader
{
    /// <summary>A TLS message's detail; null when it is not in the form the writer makes.</summary>
    public static TlsDetail? Read(string rest)
    {
        switch (rest)
        {
            case "ChangeCipherSpec":
                return new TlsDetail(TlsMessageType.ChangeCipherSpec);
            case "Finished (encrypted)":
                return new TlsDetail(TlsMessageType.EncryptedFinished);
            case "alert (encrypted)":
                return new TlsDetail(TlsMessageType.EncryptedAlert);
            case "alert (malformed)":
                return new TlsDetail(TlsMessageType.MalformedAlert);
            case "HelloRetryRequest":
                return new TlsDetail(TlsMessageType.HelloRetryRequest);
        }

        string[] parts = rest.Split(' ');
        if (parts[0] == "alert" && parts.Length == 3 && ByteNames.Find(parts[1], TlsNames.AlertLevel) is { } level && ByteNames.Find(parts[2], TlsNames.Alert) is { } description)
        {
            return new TlsDetail(TlsMessageType.Alert) { AlertLevel = level, AlertDescription = description };
        }

        if (parts[0] == "ClientHello")
        {
            var fields = Fields(parts.AsSpan(1));
            return fields is null ? null : new TlsDetail(TlsMessageType.ClientHello)
            {
                ServerName = fields.GetValueOrDefault("sni"),
                Alpn = fields.GetValueOrDefault("alpn"),
                OfferedVersions = fields.GetValueOrDefault("versions"),
            };
        }

        if (parts[0] == "ServerHello")
        {
            if (parts.Length == 1)
            {
                return new TlsDetail(TlsMessageType.ServerHello);
            }

            if (Version(parts[1]) is not { } version)
            {
                return null;
            }

            var fields = Fields(parts.AsSpan(2));
            ushort? cipher = fields?.GetValueOrDefault("cipher") is { } hex && hex.StartsWith("0x", StringComparison.Ordinal)
                && ushort.TryParse(hex.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ushort c) ? c : null;
            return fields is null ? null : new TlsDetail(TlsMessageType.ServerHello) { Version = version, Cipher = cipher, Alpn = fields.GetValueOrDefault("alpn") };
        }

        if (parts is [var certificate, var number, "certificate)" or "certificates)"] && number.StartsWith('(')
            && int.TryParse(number.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out int count) && count > 0
            && ByteNames.Find(certificate, t => TlsNames.Handshake(t) ?? string.Empty) is TlsDetail.CertificateMessage)
        {
            return new TlsDetail(TlsMessageType.Handshake) { HandshakeType = TlsDetail.CertificateMessage, HandshakeName = certificate, CertificateCount = count };
        }

        bool empty = parts.Length == 2 && parts[1] == "(empty)";
        if ((parts.Length == 1 || empty) && ByteNames.Find(parts[0], t => TlsNames.Handshake(t) ?? string.Empty) is { } handshake)
        {
            return new TlsDetail(TlsMessageType.Handshake) { HandshakeType = handshake, HandshakeName = parts[0], NoCertificates = empty };
        }

        return null;
    }

    private static ushort? Version(string name)
    {
        foreach (ushort version in (ushort[])[0x0300, 0x0301, 0x0302, 0x0303, 0x0304])
        {
            if (TlsNames.Version(version) == name)
            {
                return version;
            }
        }

        if (name.StartsWith("1.3-draft", StringComparison.Ordinal) && byte.TryParse(name.AsSpan(9), NumberStyles.None, CultureInfo.InvariantCulture, out byte draft))
        {
            return (ushort)(0x7f00 | draft);
        }

        return name.StartsWith("0x", StringComparison.Ordinal) && ushort.TryParse(name.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ushort other) ? other : null;
    }

    private static Dictionary<string, string>? Fields(ReadOnlySpan<string> parts)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string part in parts)
        {
            int equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || !fields.TryAdd(part[..equals], part[(equals + 1)..]))
            {
                return null;
            }
        }

        return fields;
    }
}
