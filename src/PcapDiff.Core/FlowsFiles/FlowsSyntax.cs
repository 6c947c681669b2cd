using System.Text;
using PcapDiff.Core.Normalization;

namespace PcapDiff.Core.FlowsFiles;

/// <summary>Lexical rules shared by the writer and the parser.</summary>
internal static class FlowsSyntax
{
    /// <summary>A name in a flow header: escaped like any capture text, and spaces too, so it stays one token.</summary>
    public static string EscapeName(string name)
    {
        string escaped = PayloadPreview.EscapeText(name);
        return escaped.Contains(' ', StringComparison.Ordinal) ? escaped.Replace(" ", "\\x20", StringComparison.Ordinal) : escaped;
    }

    /// <summary>Undoes <see cref="EscapeName"/> (and the <c>\xNN</c>, <c>\\</c>, <c>\uNNNN</c> escapes of capture text).</summary>
    public static string UnescapeName(string token)
    {
        if (!token.Contains('\\', StringComparison.Ordinal))
        {
            return token;
        }

        var text = new StringBuilder(token.Length);
        for (int i = 0; i < token.Length; i++)
        {
            char c = token[i];
            if (c != '\\' || i + 1 >= token.Length)
            {
                text.Append(c);
                continue;
            }

            char next = token[++i];
            switch (next)
            {
                case 'x' when i + 2 < token.Length && IsHex(token.AsSpan(i + 1, 2)):
                    text.Append((char)Convert.ToInt32(token.Substring(i + 1, 2), 16));
                    i += 2;
                    break;
                case 'u' when i + 4 < token.Length && IsHex(token.AsSpan(i + 1, 4)):
                    text.Append((char)Convert.ToInt32(token.Substring(i + 1, 4), 16));
                    i += 4;
                    break;
                case 'n':
                    text.Append('\n');
                    break;
                case 'r':
                    text.Append('\r');
                    break;
                case 't':
                    text.Append('\t');
                    break;
                default:
                    text.Append(next);
                    break;
            }
        }

        return text.ToString();
    }

    private static bool IsHex(ReadOnlySpan<char> digits)
    {
        foreach (char d in digits)
        {
            if (!char.IsAsciiHexDigit(d))
            {
                return false;
            }
        }

        return true;
    }
}
