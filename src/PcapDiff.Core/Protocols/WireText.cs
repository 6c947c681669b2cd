using System.Text;
using PcapDiff.Core.Normalization;

namespace PcapDiff.Core.Protocols;

/// <summary>The one path by which names, topics and paths from the wire reach a message text.</summary>
internal static class WireText
{
    /// <summary>Bytes of a wire string shown before it is cut with "…".</summary>
    public const int MaxField = 64;

    /// <summary>
    /// The bytes as text, one character per byte, escaped by <see cref="PayloadPreview.EscapeText"/>
    /// (so no control character or line break survives) and cut after <see cref="MaxField"/> bytes.
    /// </summary>
    public static string Field(ReadOnlySpan<byte> raw)
    {
        bool cut = raw.Length > MaxField;
        string text = PayloadPreview.EscapeText(Encoding.Latin1.GetString(cut ? raw[..MaxField] : raw));
        return cut ? text + "…" : text;
    }

    /// <summary>Like <see cref="Field"/>, but an empty string shows as <c>""</c> so that it is seen.</summary>
    public static string NonEmptyField(ReadOnlySpan<byte> raw) => raw.IsEmpty ? "\"\"" : Field(raw);
}
