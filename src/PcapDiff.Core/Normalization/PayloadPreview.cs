using System.Text;

namespace PcapDiff.Core.Normalization;

/// <summary>
/// Turns the first payload bytes into a short, quoted, terminal-safe preview: printable ASCII as is,
/// C escapes for the usual controls, <c>\xNN</c> for everything else. Capture bytes can therefore
/// never reach a terminal as control sequences, and a preview never contains a line break.
/// </summary>
public static class PayloadPreview
{
    /// <summary>Payload bytes kept for the preview of an event.</summary>
    internal const int MaxBytes = 16;

    /// <summary>Formats <paramref name="captured"/> (at most <see cref="MaxBytes"/> are used) as <c>"…"</c>.</summary>
    /// <param name="captured">The payload bytes that were captured.</param>
    /// <param name="totalLength">The payload length on the wire; an ellipsis marks bytes not shown.</param>
    internal static string Format(ReadOnlySpan<byte> captured, long totalLength)
    {
        var text = new StringBuilder(Math.Min(captured.Length, MaxBytes) + 8);
        Append(text, captured, totalLength);
        return text.ToString();
    }

    /// <summary>Appends what <see cref="Format"/> returns to <paramref name="text"/>.</summary>
    internal static void Append(StringBuilder text, ReadOnlySpan<byte> captured, long totalLength)
    {
        var shown = captured[..Math.Min(captured.Length, MaxBytes)];
        text.Append('"');
        foreach (byte b in shown)
        {
            AppendByte(text, b);
        }

        text.Append('"');
        if (totalLength > shown.Length)
        {
            text.Append('…');
        }
    }

    /// <summary>How many payload bytes a preview written by <see cref="Format"/> shows (each escape is one byte).</summary>
    internal static int ShownBytes(string preview)
    {
        var body = preview.AsSpan().TrimEnd('…');
        body = body.Length >= 2 && body[0] == '"' && body[^1] == '"' ? body[1..^1] : body;
        int bytes = 0;
        for (int i = 0; i < body.Length; i++, bytes++)
        {
            if (body[i] == '\\' && i + 1 < body.Length)
            {
                i += body[i + 1] == 'x' ? 3 : 1;
            }
        }

        return bytes;
    }

    /// <summary>Escapes arbitrary text from a capture (a DNS name, say) the way event texts escape payload bytes, without quotes.</summary>
    public static string EscapeText(string value)
    {
        bool clean = true;
        foreach (char c in value)
        {
            if (c < 0x20 || c > 0x7e || c == '\\')
            {
                clean = false;
                break;
            }
        }

        if (clean)
        {
            return value;
        }

        var text = new StringBuilder(value.Length + 8);
        foreach (char c in value)
        {
            if (c > 0xff)
            {
                text.Append("\\u").Append(((int)c).ToString("x4"));
            }
            else
            {
                AppendByte(text, (byte)c, quoteIsSpecial: false);
            }
        }

        return text.ToString();
    }

    private static void AppendByte(StringBuilder text, byte b, bool quoteIsSpecial = true)
    {
        switch (b)
        {
            case (byte)'\n':
                text.Append("\\n");
                break;
            case (byte)'\r':
                text.Append("\\r");
                break;
            case (byte)'\t':
                text.Append("\\t");
                break;
            case (byte)'\\':
                text.Append("\\\\");
                break;
            case (byte)'"' when quoteIsSpecial:
                text.Append("\\\"");
                break;
            case >= 0x20 and <= 0x7e:
                text.Append((char)b);
                break;
            default:
                text.Append("\\x").Append(b.ToString("x2"));
                break;
        }
    }
}
