namespace PcapDiff.Core.Decoding;

/// <summary>
/// Where a frame's IP packet lies, as its link layers tell: filled in layer by layer and passed by
/// reference, like <see cref="PacketFields"/>.
/// </summary>
internal struct IpLocation
{
    /// <summary>Where the IP header starts in the frame.</summary>
    public int Offset;

    /// <summary>
    /// Where the IP packet ends on the wire: the frame's end unless a link layer says less (a PPPoE or
    /// NFLOG length, an 802.11 FCS after the packet).
    /// </summary>
    public int End;

    /// <summary>4 or 6 when a link layer says which, 0 when the IP header's version nibble has to tell.</summary>
    public int Version;

    /// <summary>The IP header starts at <paramref name="offset"/>, of the given version (0: the header tells).</summary>
    public void StartAt(int offset, int version)
    {
        Offset = offset;
        Version = version;
    }

    /// <summary>A link layer says the packet ends at <paramref name="end"/> at the latest.</summary>
    public void EndBy(int end) => End = Math.Min(End, end);
}
