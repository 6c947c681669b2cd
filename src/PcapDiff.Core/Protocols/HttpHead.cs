using System.Diagnostics.CodeAnalysis;
using System.Text;
using PcapDiff.Core.Model;

namespace PcapDiff.Core.Protocols;

/// <summary>The lines of an HTTP/1.x message head (RFC 9112 §3, §4, §6): start lines and framing headers.</summary>
internal static class HttpHead
{
    /// <summary>Method tokens that mark the start of HTTP/1.x when a connection is detected.</summary>
    public static readonly string[] KnownMethods =
    [
        "GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH",
        "PROPFIND", "PROPPATCH", "MKCOL", "COPY", "MOVE", "LOCK", "UNLOCK", "REPORT", "SEARCH",
    ];

    private const int MaxMethodLength = 32;

    /// <summary>
    /// Reads "METHOD SP request-target SP HTTP/1.x" (the line without its end): the method and the path;
    /// of a query only that there is one (its values often change between runs).
    /// </summary>
    public static bool TryRequestLine(ReadOnlySpan<byte> line, [NotNullWhen(true)] out HttpRequestDetail? request)
    {
        request = null;
        int first = line.IndexOf((byte)' ');
        int last = line.LastIndexOf((byte)' ');
        if (first <= 0 || first > MaxMethodLength || last <= first + 1 || line[(first + 1)..last].Contains((byte)' ')
            || !IsToken(line[..first]) || !IsVersion(line[(last + 1)..]))
        {
            return false;
        }

        var target = line[(first + 1)..last];
        int query = target.IndexOf((byte)'?');
        request = new HttpRequestDetail(Encoding.ASCII.GetString(line[..first]), WireText.Field(query < 0 ? target : target[..query]), query >= 0);
        return true;
    }

    /// <summary>Reads "HTTP/1.x SP 3DIGIT [SP reason-phrase]".</summary>
    public static bool TryStatusLine(ReadOnlySpan<byte> line, [NotNullWhen(true)] out HttpResponseDetail? response)
    {
        response = null;
        if (line.Length < 12 || !IsVersion(line[..8]) || line[8] != ' '
            || !char.IsAsciiDigit((char)line[9]) || !char.IsAsciiDigit((char)line[10]) || !char.IsAsciiDigit((char)line[11])
            || (line.Length > 12 && line[12] != ' '))
        {
            return false;
        }

        int status = ((line[9] - '0') * 100) + ((line[10] - '0') * 10) + (line[11] - '0');
        var reason = line.Length > 13 ? line[13..] : [];
        response = new HttpResponseDetail(status, reason.IsEmpty ? null : WireText.Field(reason));
        return true;
    }

    /// <summary>"HTTP/1." and one digit.</summary>
    public static bool IsVersion(ReadOnlySpan<byte> value) =>
        value.Length == 8 && value[..7].SequenceEqual("HTTP/1."u8) && char.IsAsciiDigit((char)value[7]);

    /// <summary>Splits "name: value" and trims the value; false when the line has no colon.</summary>
    public static bool TrySplitField(ReadOnlySpan<byte> line, out ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
    {
        int colon = line.IndexOf((byte)':');
        name = colon > 0 ? line[..colon] : default;
        value = colon > 0 ? line[(colon + 1)..].Trim(" \t"u8) : default;
        return colon > 0;
    }

    /// <summary>A Content-Length value: digits, or a list of identical ones ("5, 5"); -1 when invalid.</summary>
    public static long ParseContentLength(ReadOnlySpan<byte> value)
    {
        long length = -1;
        foreach (var range in value.Split((byte)','))
        {
            var item = value[range].Trim(" \t"u8);
            long parsed = ParseDigits(item);
            if (parsed < 0 || (length >= 0 && parsed != length))
            {
                return -1;
            }

            length = parsed;
        }

        return length;
    }

    /// <summary>Whether the last transfer coding in a Transfer-Encoding value is chunked.</summary>
    public static bool EndsWithChunked(ReadOnlySpan<byte> value)
    {
        int comma = value.LastIndexOf((byte)',');
        var last = value[(comma + 1)..].Trim(" \t"u8);
        return Ascii.EqualsIgnoreCase(last, "chunked"u8);
    }

    /// <summary>The size at the start of a chunk line ("1a;ext=x"): hex digits, at most 15 of them; -1 when invalid.</summary>
    public static long ParseChunkSize(ReadOnlySpan<byte> line)
    {
        long size = 0;
        int digits = 0;
        foreach (byte b in line)
        {
            int value = b switch
            {
                >= (byte)'0' and <= (byte)'9' => b - '0',
                >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
                _ => -1,
            };
            if (value < 0)
            {
                if (b is (byte)';' or (byte)' ' or (byte)'\t')
                {
                    break;
                }

                return -1;
            }

            if (++digits > 15)
            {
                return -1;
            }

            size = (size << 4) | (uint)value;
        }

        return digits == 0 ? -1 : size;
    }

    private static long ParseDigits(ReadOnlySpan<byte> digits)
    {
        if (digits.IsEmpty || digits.Length > 18)
        {
            return -1;
        }

        long value = 0;
        foreach (byte b in digits)
        {
            if (!char.IsAsciiDigit((char)b))
            {
                return -1;
            }

            value = (value * 10) + (b - '0');
        }

        return value;
    }

    /// <summary>An RFC 9110 token: visible ASCII other than delimiters.</summary>
    private static bool IsToken(ReadOnlySpan<byte> value)
    {
        foreach (byte b in value)
        {
            if (!char.IsAsciiLetterOrDigit((char)b) && !"!#$%&'*+-.^_`|~"u8.Contains(b))
            {
                return false;
            }
        }

        return !value.IsEmpty;
    }
}
