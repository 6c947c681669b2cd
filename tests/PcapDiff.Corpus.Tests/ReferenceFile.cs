using System.Globalization;
using PcapDiff.Core.Model;

namespace PcapDiff.Corpus.Tests;

/// <summary>
/// A reference .tsv (corpus/reference/&lt;capture path&gt;.tsv): what tshark 4.0 made of one capture,
/// or the reason it could not read it (a file holding only <c>#unreadable …</c>).
/// </summary>
internal sealed record ReferenceFile(string? UnreadableReason, IReadOnlyList<ReferenceStream> Streams)
{
    private const string UnreadableMarker = "#unreadable";

    private static readonly string[] Columns =
    [
        "proto", "stream", "addrA", "portA", "addrB", "portB", "pktsAB", "bytesAB", "pktsBA", "bytesBA",
        "firstFrame", "lastFrame", "synAB", "synBA", "finAB", "finBA", "rstAB", "rstBA",
        "retransAB", "retransBA", "payloadAB", "payloadBA",
    ];

    /// <summary>Reads a reference file.</summary>
    /// <exception cref="InvalidDataException">The file does not have the documented columns.</exception>
    public static ReferenceFile Read(string path)
    {
        string[] lines = File.ReadAllLines(path);
        if (lines.Length > 0 && lines[0].StartsWith(UnreadableMarker, StringComparison.Ordinal))
        {
            return new ReferenceFile(lines[0][UnreadableMarker.Length..].Trim().Trim('(', ')'), []);
        }

        if (lines.Length == 0 || !lines[0].TrimStart('#').Split('\t').SequenceEqual(Columns))
        {
            throw new InvalidDataException($"{path}: the first line is not the documented column header");
        }

        var streams = new List<ReferenceStream>();
        for (int i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length > 0)
            {
                streams.Add(Parse(lines[i], path, i + 1));
            }
        }

        return new ReferenceFile(null, streams);
    }

    private static ReferenceStream Parse(string line, string path, int lineNumber)
    {
        string[] f = line.Split('\t');
        if (f.Length != Columns.Length || f[0] is not ("tcp" or "udp"))
        {
            throw new InvalidDataException($"{path}:{lineNumber}: expected {Columns.Length} tab-separated fields starting with tcp or udp");
        }

        long N(int i) => long.Parse(f[i], NumberStyles.None, CultureInfo.InvariantCulture);
        var a = new Endpoint(IpAddress.Parse(f[2]), (ushort)N(3));
        var b = new Endpoint(IpAddress.Parse(f[4]), (ushort)N(5));
        var counts = new StreamCounts(
            new DirectionCounts(N(6), N(7), N(12), N(14), N(16), N(18), N(20)),
            new DirectionCounts(N(8), N(9), N(13), N(15), N(17), N(19), N(21)));
        return new ReferenceStream(f[0] == "tcp" ? Transport.Tcp : Transport.Udp, (int)N(1), a, b, N(10), N(11), counts);
    }
}
