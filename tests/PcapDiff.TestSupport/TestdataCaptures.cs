namespace PcapDiff.TestSupport;

/// <summary>The committed captures in testdata/captures.</summary>
public static class TestdataCaptures
{
    private static readonly string[] Extensions = [".pcap", ".pcapng", ".gz"];

    /// <summary>File names of every committed capture, in ordinal order.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [.. Directory.GetFiles(RepoPaths.Captures)
            .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.Ordinal))
            .Select(f => Path.GetFileName(f))
            .Order(StringComparer.Ordinal)];
}
