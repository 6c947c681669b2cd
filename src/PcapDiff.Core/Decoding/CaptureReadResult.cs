using PcapDiff.Core.Runs;

namespace PcapDiff.Core.Decoding;

/// <summary>What reading one capture file produced, besides the packets themselves.</summary>
/// <param name="Format">"pcap", "pcap (ns)", "pcapng", with " (gzip)" appended when compressed.</param>
/// <param name="LinkType">The link type of the capture.</param>
/// <param name="Frames">Frames read from the file.</param>
/// <param name="Decoded">Frames decoded into IP packets and handed on.</param>
/// <param name="NotIp">Frames that were not IP (ARP and friends): ignored, not an error.</param>
/// <param name="Truncated">Frames whose captured bytes end inside the headers.</param>
/// <param name="Malformed">Frames with inconsistent headers.</param>
/// <param name="Warnings">One-line warnings for the user (a file cut off mid-packet, frames skipped, …).</param>
public sealed record CaptureReadResult(
    string Format,
    LinkType LinkType,
    long Frames,
    long Decoded,
    long NotIp,
    long Truncated,
    long Malformed,
    IReadOnlyList<RunWarning> Warnings)
{
    /// <summary>Time of the first frame read (relative times count from it, as in Wireshark).</summary>
    public DateTime? FirstTimestamp { get; init; }

    /// <summary>Time of the last frame read.</summary>
    public DateTime? LastTimestamp { get; init; }

    /// <summary>The BPF filter the frames were read through, or null.</summary>
    public string? Filter { get; init; }

    /// <summary>Frames in the file, the filter's rejects included (equal to <see cref="Frames"/> without a filter).</summary>
    public long FramesInFile { get; init; }

    /// <summary>Frames the filter rejected that carry an 802.1Q or 802.1ad VLAN tag (a filter must say <c>vlan</c> to reach inside them).</summary>
    public long TaggedFramesFilteredOut { get; init; }
}
