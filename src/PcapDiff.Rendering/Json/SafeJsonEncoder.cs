using System.Text.Encodings.Web;

namespace PcapDiff.Rendering.Json;

/// <summary>
/// JSON text as readable as <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/> writes it
/// (arrows, accents and apostrophes as they are), but with what <see cref="SafeText"/> escapes
/// escaped too: the bidirectional controls and line separators become <c>\u202E</c>, so a report
/// shown by a tool that prints JSON strings cannot be reordered by a name.
/// </summary>
internal sealed class SafeJsonEncoder : JavaScriptEncoder
{
    public static readonly SafeJsonEncoder Instance = new();

    private static readonly JavaScriptEncoder Relaxed = UnsafeRelaxedJsonEscaping;

    private SafeJsonEncoder()
    {
    }

    public override int MaxOutputCharactersPerInputCharacter => Relaxed.MaxOutputCharactersPerInputCharacter;

    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength)
    {
        int relaxed = Relaxed.FindFirstCharacterToEncode(text, textLength);
        int end = relaxed < 0 ? textLength : relaxed;
        for (int i = 0; i < end; i++)
        {
            if (SafeText.IsUnsafe(text[i]))
            {
                return i;
            }
        }

        return relaxed;
    }

    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        if (!SafeText.IsUnsafe(unicodeScalar) || Relaxed.WillEncode(unicodeScalar))
        {
            return Relaxed.TryEncodeUnicodeScalar(unicodeScalar, buffer, bufferLength, out numberOfCharactersWritten);
        }

        string escaped = $"\\u{unicodeScalar:X4}";
        if (bufferLength < escaped.Length)
        {
            numberOfCharactersWritten = 0;
            return false;
        }

        escaped.AsSpan().CopyTo(new Span<char>(buffer, bufferLength));
        numberOfCharactersWritten = escaped.Length;
        return true;
    }

    public override bool WillEncode(int unicodeScalar) => SafeText.IsUnsafe(unicodeScalar) || Relaxed.WillEncode(unicodeScalar);
}
