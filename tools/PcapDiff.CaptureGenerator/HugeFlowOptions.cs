namespace PcapDiff.CaptureGenerator;

/// <summary>What to generate for a capture of one very long TCP connection.</summary>
/// <param name="Seed">Seed of every random choice; the same options give a byte-identical file.</param>
/// <param name="Segments">One-byte data segments the client sends.</param>
/// <param name="OutputDirectory">Where huge-SEED-SEGMENTS.pcap goes.</param>
/// <param name="SnapLength">Bytes of each frame kept (the pcap snaplen).</param>
public sealed record HugeFlowOptions(ulong Seed, long Segments, string OutputDirectory, int SnapLength = 262_144)
{
    /// <summary>The capture's path.</summary>
    public string Path => System.IO.Path.Combine(OutputDirectory, $"huge-{Seed}-{Segments}.pcap");
}
