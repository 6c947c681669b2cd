namespace PcapDiff.CaptureGenerator;

/// <summary>What to generate.</summary>
/// <param name="Seed">Seed of every random choice; the same options give byte-identical files.</param>
/// <param name="Packets">Packets in the good capture (the bad one has the same flows, cut at the same moment, so a few fewer).</param>
/// <param name="OutputDirectory">Where good-SEED-PACKETS.pcap and bad-SEED-PACKETS.pcap go.</param>
/// <param name="BadFraction">Fraction of TCP flows that fail in the bad capture.</param>
/// <param name="SessionsPerSecond">How often a client starts something (sets how many flows overlap).</param>
/// <param name="SnapLength">Bytes of each frame kept (the pcap snaplen).</param>
public sealed record GeneratorOptions(
    ulong Seed,
    long Packets,
    string OutputDirectory,
    double BadFraction = 0.05,
    double SessionsPerSecond = 200,
    int SnapLength = 262_144)
{
    /// <summary>The good capture's path.</summary>
    public string GoodPath => Path.Combine(OutputDirectory, $"good-{Seed}-{Packets}.pcap");

    /// <summary>The bad capture's path.</summary>
    public string BadPath => Path.Combine(OutputDirectory, $"bad-{Seed}-{Packets}.pcap");
}
