using System.Globalization;
using System.Text;

namespace PcapDiff.Rendering;

/// <summary>
/// The last line of defence for every string a renderer writes: C0 and C1 control characters
/// (ESC, BEL, …), the Unicode bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F,
/// U+061C) and the line and paragraph separators become visible escapes (<c>\x1b</c>, <c>\u202e</c>),
/// so nothing from a capture, a file name, a label or a DNS name can act on a terminal, reorder what
/// it shows, or hide in a page.
/// </summary>
public static class SafeText
{
    /// <summary>The text with every control character except line feed escaped: for text whose line breaks are pcapdiff's own.</summary>
    public static string Clean(string? text) => Escape(text, keepLineFeeds: true);

    /// <summary>
    /// The text as one line: line feeds and carriage returns escaped too. For anything that is not
    /// pcapdiff's own words: file names, labels, filter expressions, warnings and errors naming them,
    /// so a file named <c>x⏎EQUIVALENT⏎y.pcap</c> cannot print a line of its own.
    /// </summary>
    public static string Line(string? text) => Escape(text, keepLineFeeds: false);

    /// <summary>Whether a character is escaped in any text (line feed aside).</summary>
    public static bool IsUnsafe(int c) =>
        c < 0x20 || (c >= 0x7f && c <= 0x9f)
        || c is 0x061C or 0x200E or 0x200F or 0x2028 or 0x2029 or (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069);

    private static string Escape(string? text, bool keepLineFeeds)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        int first = -1;
        for (int i = 0; i < text.Length; i++)
        {
            if (Escaped(text[i], keepLineFeeds))
            {
                first = i;
                break;
            }
        }

        if (first < 0)
        {
            return text;
        }

        var clean = new StringBuilder(text.Length + 8);
        clean.Append(text, 0, first);
        for (int i = first; i < text.Length; i++)
        {
            char c = text[i];
            if (!Escaped(c, keepLineFeeds))
            {
                clean.Append(c);
            }
            else if (c <= 0xff)
            {
                clean.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
            }
            else
            {
                clean.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
        }

        return clean.ToString();
    }

    private static bool Escaped(char c, bool keepLineFeeds) => IsUnsafe(c) && !(keepLineFeeds && c == '\n');
}
