namespace PcapDiff.Core.Decoding;

/// <summary>
/// Link-layer header types pcapdiff decodes, by their libpcap DLT value (what
/// <c>pcap_datalink</c> reports, which differs from the file's LINKTYPE value for raw IP).
/// </summary>
public enum LinkType
{
    /// <summary>BSD loopback: 4-byte address family in the capturing host's byte order.</summary>
    Null = 0,

    /// <summary>Ethernet II, with 802.1Q / 802.1ad VLAN tags.</summary>
    Ethernet = 1,

    /// <summary>Raw IP (DLT_RAW on most platforms).</summary>
    Raw = 12,

    /// <summary>Raw IP (DLT_RAW on OpenBSD).</summary>
    RawOpenBsd = 14,

    /// <summary>Raw IP (LINKTYPE_RAW when libpcap hands it through unmapped).</summary>
    RawLinkType = 101,

    /// <summary>OpenBSD loopback: 4-byte address family in network byte order.</summary>
    Loop = 108,

    /// <summary>Linux cooked capture v1 (<c>tcpdump -i any</c>, older libpcap).</summary>
    LinuxSll = 113,

    /// <summary>Raw IPv4.</summary>
    IPv4 = 228,

    /// <summary>Raw IPv6.</summary>
    IPv6 = 229,

    /// <summary>Linux cooked capture v2 (<c>tcpdump -i any</c>, libpcap 1.10+).</summary>
    LinuxSll2 = 276,
}
