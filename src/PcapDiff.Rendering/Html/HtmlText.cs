using System.Net;

namespace PcapDiff.Rendering.Html;

/// <summary>
/// The one way text reaches the HTML report: every string, from a capture or not, goes through
/// <see cref="Escape"/> (element content and quoted attribute values alike).
/// </summary>
internal static class HtmlText
{
    /// <summary>Escapes &lt; &gt; &amp; &quot; and &#39;, and control characters as <c>\xNN</c>; cuts words too long to read.</summary>
    public static string Escape(string? text) => WebUtility.HtmlEncode(LongWords.Cut(SafeText.Clean(text)));
}
