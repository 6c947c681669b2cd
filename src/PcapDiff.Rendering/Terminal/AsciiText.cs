using System.Globalization;
using System.Text;

namespace PcapDiff.Rendering.Terminal;

/// <summary>
/// Text for a terminal whose locale is not UTF-8 (<c>LANG=C</c>): the report's own symbols in ASCII
/// (<c>→</c> as <c>-&gt;</c>, <c>≠</c> as <c>!=</c>, <c>…</c> as <c>...</c>), anything else outside ASCII
/// as a visible <c>\u00e9</c> escape, so nothing prints as mojibake.
/// </summary>
internal static class AsciiText
{
    private static readonly Dictionary<char, string> Symbols = new()
    {
        ['→'] = "->",
        ['←'] = "<-",
        ['≠'] = "!=",
        ['…'] = "...",
        ['×'] = "x",
        ['—'] = "-",
        ['–'] = "-",
        ['▶'] = ">",
        ['━'] = "=",
        ['─'] = "-",
        ['│'] = "|",
        ['Δ'] = "d",
        ['≥'] = ">=",
        ['≤'] = "<=",
        ['·'] = ".",
        ['µ'] = "u",
    };

    public static string Fold(string text)
    {
        int first = text.AsSpan().IndexOfAnyExceptInRange('\0', '\x7f');
        if (first < 0)
        {
            return text;
        }

        var ascii = new StringBuilder(text.Length + 8);
        ascii.Append(text, 0, first);
        for (int i = first; i < text.Length; i++)
        {
            char c = text[i];
            if (c <= '\x7f')
            {
                ascii.Append(c);
            }
            else if (Symbols.TryGetValue(c, out string? symbol))
            {
                ascii.Append(symbol);
            }
            else
            {
                ascii.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
        }

        return ascii.ToString();
    }
}
