namespace PcapDiff.Capture.Frames;

/// <summary>
/// The file's LINKTYPE values as libpcap hands them on (DLT values), so both read paths report the
/// same link type: libpcap's <c>linktype_to_dlt</c> for the values whose DLT differs on Linux.
/// </summary>
internal static class LinkTypeMapping
{
    /// <summary>The DLT value libpcap reports for a LINKTYPE value (the low 16 bits of a pcap header's field).</summary>
    public static int ToDataLink(int linkType) => linkType switch
    {
        100 => 11, // LINKTYPE_ATM_RFC1483
        101 => 12, // LINKTYPE_RAW
        102 => 15, // LINKTYPE_SLIP_BSDOS
        103 => 16, // LINKTYPE_PPP_BSDOS
        106 => 19, // LINKTYPE_ATM_CLIP
        _ => linkType,
    };

    /// <summary>
    /// Whether libpcap rewrites the pseudo-header of this link type in a file of the other byte order
    /// (<c>swap_pseudo_headers</c>): such files are left to libpcap.
    /// </summary>
    public static bool HasSwappedPseudoHeader(int dataLink) =>
        dataLink is 113 or 117 or 189 or 220 or 239 or 276; // SLL, PFLOG, USB_LINUX(_MMAPPED), NFLOG, SLL2

    /// <summary>libpcap's snapshot length for a header's value: the largest one (256 KiB) for 0 or more than 2^31 - 1.</summary>
    public static uint AdjustSnapshot(uint snapLength) =>
        snapLength is 0 or > int.MaxValue ? MaximumSnapLength : snapLength;

    /// <summary>libpcap's <c>MAXIMUM_SNAPLEN</c>, the largest frame it accepts for the link types pcapdiff decodes.</summary>
    public const uint MaximumSnapLength = 262_144;
}
