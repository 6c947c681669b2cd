using System.Globalization;
using PcapDiff.Core.Normalization;

namespace PcapDiff.Core.FlowsFiles;

/// <summary>
/// The little slack a hand-edited <c>.flows</c> expectation may have, matched against canonical
/// event text: <c>*</c> for any one token, <c>*B</c> or <c>100..200B</c> for a byte count, a
/// DATA or DGRAM line without a preview for any payload, and a preview shorter than a full one
/// ending in <c>…</c> for any payload that starts with it. Everything else must be equal.
/// </summary>
internal static class EventPattern
{
    /// <summary>True when <paramref name="text"/> uses any of the slack (so it may match other text).</summary>
    public static bool IsPattern(string text)
    {
        var (head, preview) = Split(text);
        foreach (string token in head)
        {
            if (token.Contains('*', StringComparison.Ordinal) || token.Contains("..", StringComparison.Ordinal))
            {
                return true;
            }
        }

        // A preview ending in "…" that shows a full preview's worth of bytes is just a long payload;
        // only a shorter one (hand-written, or cut by a snaplen) stands for "starts with".
        return (preview is null && head.Length >= 2 && head[1] is "DATA" or "DGRAM")
            || (preview is not null && preview.EndsWith('…') && PayloadPreview.ShownBytes(preview) < PayloadPreview.MaxBytes);
    }

    /// <summary>True when the canonical event text <paramref name="text"/> satisfies <paramref name="pattern"/>.</summary>
    public static bool Matches(string pattern, string text) =>
        pattern == text || Matches(Split(pattern), Split(text));

    /// <summary>
    /// The patterns among <paramref name="texts"/>, each split once, for matching many texts against
    /// them (<see cref="FirstMatch"/>).
    /// </summary>
    public static List<(string Text, string[] Head, string? Preview)> Patterns(IEnumerable<string> texts) =>
        [.. texts.Distinct(StringComparer.Ordinal).Where(IsPattern).Select(p => Split(p) is var (head, preview) ? (p, head, preview) : default)];

    /// <summary>The first of <paramref name="patterns"/> that <paramref name="text"/> satisfies, or null.</summary>
    public static string? FirstMatch(List<(string Text, string[] Head, string? Preview)> patterns, string text)
    {
        (string[] Head, string? Preview)? split = null;
        foreach (var pattern in patterns)
        {
            if (pattern.Text == text)
            {
                return pattern.Text;
            }

            // The direction and the keyword come first: most patterns fail on them, without splitting the text.
            if (!SameStart(pattern.Head, text))
            {
                continue;
            }

            split ??= Split(text);
            if (Matches((pattern.Head, pattern.Preview), split.Value))
            {
                return pattern.Text;
            }
        }

        return null;
    }

    private static bool SameStart(string[] patternHead, string text)
    {
        int first = text.IndexOf(' ', StringComparison.Ordinal);
        if (first < 0 || patternHead.Length < 2)
        {
            return true;
        }

        int second = text.IndexOf(' ', first + 1);
        var arrow = text.AsSpan(0, first);
        var keyword = second < 0 ? text.AsSpan(first + 1) : text.AsSpan(first + 1, second - first - 1);
        return (patternHead[0] == "*" || arrow.SequenceEqual(patternHead[0]))
            && (patternHead[1] == "*" || keyword.SequenceEqual(patternHead[1]));
    }

    private static bool Matches((string[] Head, string? Preview) pattern, (string[] Head, string? Preview) text)
    {
        var (patternHead, patternPreview) = pattern;
        var (head, preview) = text;
        if (patternHead.Length != head.Length)
        {
            return false;
        }

        for (int i = 0; i < head.Length; i++)
        {
            if (!TokenMatches(patternHead[i], head[i]))
            {
                return false;
            }
        }

        if (patternPreview is null)
        {
            return true;
        }

        if (preview is null)
        {
            return false;
        }

        if (!patternPreview.EndsWith('…'))
        {
            return patternPreview == preview;
        }

        // A preview is "bytes" then an ellipsis when more followed: compare the quoted parts as prefixes.
        string wanted = Unquote(patternPreview);
        return Unquote(preview).StartsWith(wanted, StringComparison.Ordinal);
    }

    /// <summary>True for a byte count as DATA takes it: <c>5B</c>, <c>*B</c> or <c>100..200B</c>.</summary>
    public static bool IsLength(string token)
    {
        if (!token.EndsWith('B'))
        {
            return false;
        }

        string number = token[..^1];
        return number == "*" || IsNumber(number) || (number.Split("..") is [var low, var high] && IsNumber(low) && IsNumber(high));
    }

    private static bool TokenMatches(string pattern, string token)
    {
        if (pattern == token || pattern == "*")
        {
            return true;
        }

        // A counted token such as 5B or ×3: the pattern may put * or a range where the number is.
        string prefix = pattern.StartsWith('×') ? "×" : string.Empty;
        string suffix = pattern.EndsWith('B') ? "B" : string.Empty;
        if (!token.StartsWith(prefix, StringComparison.Ordinal) || !token.EndsWith(suffix, StringComparison.Ordinal))
        {
            return false;
        }

        string wanted = pattern[prefix.Length..^suffix.Length];
        string actual = token[prefix.Length..^suffix.Length];
        if (!long.TryParse(actual, NumberStyles.None, CultureInfo.InvariantCulture, out long value))
        {
            return false;
        }

        if (wanted == "*")
        {
            return true;
        }

        return wanted.Split("..") is [var low, var high]
            && long.TryParse(low, NumberStyles.None, CultureInfo.InvariantCulture, out long min)
            && long.TryParse(high, NumberStyles.None, CultureInfo.InvariantCulture, out long max)
            && value >= min && value <= max;
    }

    /// <summary>Splits canonical text into its space-separated head and the quoted preview, if any.</summary>
    private static (string[] Head, string? Preview) Split(string text)
    {
        int quote = text.IndexOf(" \"", StringComparison.Ordinal);
        return quote < 0
            ? (text.Split(' '), null)
            : (text[..quote].Split(' '), text[(quote + 1)..]);
    }

    private static string Unquote(string preview)
    {
        string body = preview.TrimEnd('…');
        return body.Length >= 2 && body[0] == '"' && body[^1] == '"' ? body[1..^1] : body;
    }

    private static bool IsNumber(string text) => text.Length > 0 && text.All(char.IsAsciiDigit);
}
