using System.Text;

namespace PcapDiff.Rendering;

/// <summary>
/// Cuts words too long to read (an 800 KB DNS name, a path of a thousand segments) for the text and
/// HTML reports, so that drawing costs what is shown. The JSON report keeps every word whole.
/// </summary>
internal static class LongWords
{
    /// <summary>Characters of a word that are shown; the rest is replaced by "…".</summary>
    public const int Shown = 200;

    /// <summary>The text with every run of more than <see cref="Shown"/> non-space characters cut to that many and "…".</summary>
    public static string Cut(string text)
    {
        if (text.Length <= Shown)
        {
            return text;
        }

        StringBuilder? cut = null;
        int copied = 0;
        int start = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                continue;
            }

            if (i - start > Shown)
            {
                int end = start + Shown;
                if (char.IsHighSurrogate(text[end - 1]))
                {
                    end--;
                }

                cut ??= new StringBuilder(text.Length);
                cut.Append(text, copied, end - copied).Append('…');
                copied = i;
            }

            start = i + 1;
        }

        return cut is null ? text : cut.Append(text, copied, text.Length - copied).ToString();
    }
}
