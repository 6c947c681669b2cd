namespace PcapDiff.CaptureGenerator;

/// <summary>What to generate for a port scan capture.</summary>
/// <param name="Seed">Seed of every random choice; the same options give a byte-identical file.</param>
/// <param name="Flows">SYNs sent, one per flow (one target host and port each).</param>
/// <param name="OutputDirectory">Where scan-SEED-FLOWS.pcap goes.</param>
/// <param name="SnapLength">Bytes of each frame kept (the pcap snaplen).</param>
public sealed record ScanOptions(ulong Seed, long Flows, string OutputDirectory, int SnapLength = 262_144)
{
    /// <summary>The capture's path.</summary>
    public string Path => System.IO.Path.Combine(OutputDirectory, $"scan-{Seed}-{Flows}.pcap");
}
