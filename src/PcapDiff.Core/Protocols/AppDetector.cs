using System.Buffers.Binary;
using PcapDiff.Core.Model;

namespace PcapDiff.Core.Protocols;

/// <summary>
/// Picks the decoder for a TCP connection: by the content of its first payload bytes, and by the
/// server port only when those bytes are too short to tell (but could still be the port's protocol).
/// </summary>
internal static class AppDetector
{
    private enum Fit
    {
        No,
        Maybe,
        Yes,
    }

    /// <summary>
    /// The decoder for a connection, judged from the first payload bytes seen in it (from either
    /// direction, possibly one short segment) and the server port; null when none fits. The caller
    /// feeds the new decoder from the start, these bytes included.
    /// </summary>
    internal static AppDecoder? Detect(Direction direction, ReadOnlySpan<byte> firstBytes, ushort serverPort)
    {
        Fit tls = JudgeTls(firstBytes);
        Fit http = JudgeHttp(firstBytes);
        Fit mqtt = JudgeMqtt(direction, firstBytes);
        if (tls == Fit.Yes)
        {
            return new TlsDecoder();
        }

        if (http == Fit.Yes)
        {
            return new HttpDecoder();
        }

        if (mqtt == Fit.Yes)
        {
            return new MqttDecoder();
        }

        return serverPort switch
        {
            443 or 8443 or 853 or 8883 when tls == Fit.Maybe => new TlsDecoder(),
            80 or 8080 or 8000 when http == Fit.Maybe => new HttpDecoder(),
            1883 when mqtt == Fit.Maybe => new MqttDecoder(),
            _ => null,
        };
    }

    /// <summary>A handshake record (0x16, version 3.0 to 3.4, a sane length) holding a ClientHello or ServerHello.</summary>
    private static Fit JudgeTls(ReadOnlySpan<byte> bytes)
    {
        if ((bytes.Length > 0 && bytes[0] != 0x16) || (bytes.Length > 1 && bytes[1] != 3) || (bytes.Length > 2 && bytes[2] > 4))
        {
            return Fit.No;
        }

        if (bytes.Length > 4)
        {
            int length = BinaryPrimitives.ReadUInt16BigEndian(bytes[3..]);
            if (length < 4 || length > TlsDecoder.MaxRecordLength)
            {
                return Fit.No;
            }
        }

        return bytes.Length <= 5 ? Fit.Maybe : bytes[5] is 1 or 2 ? Fit.Yes : Fit.No;
    }

    /// <summary>A request line with a known method, or a status line, or a prefix of either.</summary>
    private static Fit JudgeHttp(ReadOnlySpan<byte> bytes)
    {
        int end = bytes.IndexOf((byte)'\n');
        var line = end < 0 ? bytes : bytes[..end];
        line = line.EndsWith((byte)'\r') ? line[..^1] : line;
        if (line.StartsWith("HTTP/"u8) || "HTTP/"u8.StartsWith(line))
        {
            if (HttpHead.TryStatusLine(line, out _))
            {
                return Fit.Yes;
            }

            // "HTTP/1.1 20" is a status line cut short; after its code, a line is whole.
            return end < 0 && line.Length < 12 && IsStatusPrefix(line) ? Fit.Maybe : Fit.No;
        }

        foreach (string method in HttpHead.KnownMethods)
        {
            int length = method.Length;
            if (line.Length <= length)
            {
                if (end < 0 && IsAsciiPrefix(line, method))
                {
                    return Fit.Maybe;
                }

                continue;
            }

            if (line[length] == ' ' && IsAsciiPrefix(line[..length], method))
            {
                return HttpHead.TryRequestLine(line, out _) ? Fit.Yes : end < 0 ? Fit.Maybe : Fit.No;
            }
        }

        return Fit.No;
    }

    /// <summary>A CONNECT with protocol name "MQTT" (level 4 or 5) or "MQIsdp" (level 3); from the server, a CONNACK may begin.</summary>
    private static Fit JudgeMqtt(Direction direction, ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return Fit.Maybe;
        }

        if (bytes[0] != 0x10)
        {
            return direction == Direction.ServerToClient && bytes[0] == 0x20 && (bytes.Length < 2 || bytes[1] == 2) ? Fit.Maybe : Fit.No;
        }

        int at = 1;
        while (at < bytes.Length && at < 5 && (bytes[at] & 0x80) != 0)
        {
            at++;
        }

        if (at == 5)
        {
            return Fit.No;
        }

        if (at == bytes.Length)
        {
            return Fit.Maybe;
        }

        var rest = bytes[(at + 1)..];
        Fit v311 = JudgeProtocolName(rest, "\0\u0004MQTT"u8, 4, 5);
        Fit v31 = JudgeProtocolName(rest, "\0\u0006MQIsdp"u8, 3, 3);
        return v311 == Fit.Yes || v31 == Fit.Yes ? Fit.Yes : v311 == Fit.Maybe || v31 == Fit.Maybe ? Fit.Maybe : Fit.No;
    }

    private static Fit JudgeProtocolName(ReadOnlySpan<byte> rest, ReadOnlySpan<byte> name, byte lowest, byte highest)
    {
        if (rest.Length <= name.Length)
        {
            return name.StartsWith(rest) ? Fit.Maybe : Fit.No;
        }

        return rest.StartsWith(name) && rest[name.Length] >= lowest && rest[name.Length] <= highest ? Fit.Yes : Fit.No;
    }

    private static bool IsStatusPrefix(ReadOnlySpan<byte> line)
    {
        ReadOnlySpan<byte> shape = "HTTP/1.d ddd"u8;
        for (int i = 0; i < line.Length; i++)
        {
            bool ok = shape[i] == 'd' ? char.IsAsciiDigit((char)line[i]) : line[i] == shape[i];
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAsciiPrefix(ReadOnlySpan<byte> bytes, string text)
    {
        for (int i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] != text[i])
            {
                return false;
            }
        }

        return true;
    }
}
