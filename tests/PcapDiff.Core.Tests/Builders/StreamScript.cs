using System.Text;
using PcapDiff.Core.Model;
using PcapDiff.Core.Protocols;

namespace PcapDiff.Core.Tests.Builders;

/// <summary>One TCP payload in a test stream: who sent it and its bytes.</summary>
internal readonly record struct Segment(Direction Direction, byte[] Bytes)
{
    public static Segment Client(byte[] bytes) => new(Direction.ClientToServer, bytes);

    public static Segment Server(byte[] bytes) => new(Direction.ServerToClient, bytes);

    public static Segment Client(string text) => Client(Encoding.Latin1.GetBytes(text));

    public static Segment Server(string text) => Server(Encoding.Latin1.GetBytes(text));

    public static Segment ClientHex(string hex) => Client(Convert.FromHexString(Compact(hex)));

    public static Segment ServerHex(string hex) => Server(Convert.FromHexString(Compact(hex)));

    private static string Compact(string hex) => string.Concat(hex.Where(char.IsAsciiHexDigit));
}

/// <summary>A message a decoder reported, with the direction it was fed in.</summary>
internal readonly record struct Found(Direction Direction, long Offset, string Text)
{
    public override string ToString() => $"{(Direction == Direction.ClientToServer ? '>' : '<')} {Offset} {Text}";
}

/// <summary>
/// Feeds the segments of a TCP connection to a decoder the way the TCP normalizer does: in order,
/// each direction's offsets counted from its first byte; optionally cut into smaller Feed calls.
/// </summary>
internal static class StreamScript
{
    /// <summary>Feeds each segment in one call.</summary>
    public static List<Found> Run(AppDecoder decoder, IEnumerable<Segment> segments) =>
        Run(decoder, segments, bytes => [bytes.Length]);

    /// <summary>Feeds each segment in the pieces <paramref name="pieces"/> gives (their lengths, in order).</summary>
    public static List<Found> Run(AppDecoder decoder, IEnumerable<Segment> segments, Func<byte[], IEnumerable<int>> pieces)
    {
        var found = new List<Found>();
        var batch = new List<AppMessage>();
        long[] next = new long[2];
        foreach (var segment in segments)
        {
            int side = (int)segment.Direction;
            int at = 0;
            foreach (int length in pieces(segment.Bytes))
            {
                batch.Clear();
                decoder.Feed(segment.Direction, next[side], segment.Bytes.AsSpan(at, length), batch);
                found.AddRange(batch.Select(m => new Found(segment.Direction, m.Offset, m.Text)));
                next[side] += length;
                at += length;
            }
        }

        return found;
    }

    /// <summary>Feeds every segment one byte at a time.</summary>
    public static List<Found> RunByteByByte(AppDecoder decoder, IEnumerable<Segment> segments) =>
        Run(decoder, segments, bytes => Enumerable.Repeat(1, bytes.Length));

    public static string[] Texts(this IEnumerable<Found> found) => [.. found.Select(f => f.Text)];
}
