using System.Text;

namespace PcapDiff.Rendering;

/// <summary>
/// The last line of defence for every string a renderer writes: C0 and C1 control characters
/// (ESC, BEL, …) become visible <c>\xNN</c> escapes, so nothing from a capture, a file name or a
/// DNS name can act on a terminal or hide in a page.
/// </summary>
public static class SafeText
{
    /// <summary>The text with every control character except line feed escaped.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        int first = -1;
        for (int i = 0; i < text.Length; i++)
        {
            if (IsControl(text[i]))
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
            if (IsControl(c))
            {
                clean.Append("\\x").Append(((int)c).ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                clean.Append(c);
            }
        }

        return clean.ToString();
    }

    private static bool IsControl(char c) => (c < 0x20 && c != '\n') || (c >= 0x7f && c <= 0x9f);
}
