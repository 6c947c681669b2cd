namespace PcapDiff.CaptureGenerator;

/// <summary>The bytes bulk payload is cut from: a fixed pseudo-random block and a text block.</summary>
internal static class Filler
{
    private const int Size = 1 << 16;
    private const int Mask = Size - 1;

    private static readonly byte[] Binary = MakeBinary();
    private static readonly byte[] Text = MakeText();

    /// <summary>Copies filler starting at <paramref name="position"/> (any value; it wraps).</summary>
    public static void Copy(bool text, long position, Span<byte> destination)
    {
        byte[] block = text ? Text : Binary;
        int start = (int)(position & Mask);
        while (!destination.IsEmpty)
        {
            int n = Math.Min(Size - start, destination.Length);
            block.AsSpan(start, n).CopyTo(destination);
            destination = destination[n..];
            start = 0;
        }
    }

    private static byte[] MakeBinary()
    {
        var bytes = new byte[Size];
        new Rng(0x5EED_F111).Fill(bytes);
        return bytes;
    }

    private static byte[] MakeText()
    {
        string[] words =
        [
            "the", "report", "status", "metrics", "upload", "batch", "sensor", "collector", "device",
            "window", "retry", "value", "reading", "firmware", "queue", "latency", "ok", "error", "count",
        ];
        var bytes = new byte[Size];
        var rng = new Rng(0x7E47);
        int i = 0;
        int column = 0;
        while (i < Size)
        {
            string word = words[rng.Next(words.Length)];
            string piece = column + word.Length > 72 ? "\r\n" : column == 0 ? word : " " + word;
            column = piece == "\r\n" ? 0 : column + piece.Length;
            for (int c = 0; c < piece.Length && i < Size; c++)
            {
                bytes[i++] = (byte)piece[c];
            }
        }

        return bytes;
    }
}
