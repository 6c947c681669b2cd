namespace PcapDiff.Core.Decoding;

/// <summary>
/// Link-layer header types pcapdiff decodes, by their libpcap DLT value (what
/// <c>pcap_datalink</c> reports, which differs from the file's LINKTYPE value for raw IP).
/// </summary>
public enum LinkType
{
    /// <summary>BSD loopback: 4-byte address family in the capturing host's byte order.</summary>
    Null = 0,

    /// <summary>
    /// Ethernet II, with 802.1Q / 802.1ad VLAN tags, PPPoE sessions and MPLS label stacks; 802.3
    /// frames with an LLC/SNAP header.
    /// </summary>
    Ethernet = 1,

    /// <summary>BSD/OS SLIP: a 16-byte pseudo-header (direction, compressed header), then IP.</summary>
    Slip = 8,

    /// <summary>PPP, with or without the FF 03 address and control bytes; protocol field compression allowed.</summary>
    Ppp = 9,

    /// <summary>Raw IP (DLT_RAW on most platforms).</summary>
    Raw = 12,

    /// <summary>Raw IP (DLT_RAW on OpenBSD).</summary>
    RawOpenBsd = 14,

    /// <summary>PPP in HDLC-like framing (LINKTYPE_PPP_HDLC), or Cisco HDLC when the first byte is 0x0F or 0x8F.</summary>
    PppSerial = 50,

    /// <summary>Raw IP (LINKTYPE_RAW when libpcap hands it through unmapped).</summary>
    RawLinkType = 101,

    /// <summary>Cisco HDLC: address, control, then a 2-byte EtherType.</summary>
    CiscoHdlc = 104,

    /// <summary>IEEE 802.11 frames without a radio header; data frames carrying LLC/SNAP are decoded.</summary>
    Ieee80211 = 105,

    /// <summary>
    /// Frame Relay: a Q.922 address, then RFC 2427 encapsulation (NLPID IPv4, IPv6 or SNAP) or Cisco's
    /// (an EtherType).
    /// </summary>
    FrameRelay = 107,

    /// <summary>OpenBSD loopback: 4-byte address family in network byte order.</summary>
    Loop = 108,

    /// <summary>Linux cooked capture v1 (<c>tcpdump -i any</c>, older libpcap).</summary>
    LinuxSll = 113,

    /// <summary>IEEE 802.11 after a 144-byte Prism monitor-mode header (or an AVS header, which some drivers write instead).</summary>
    PrismHeader = 119,

    /// <summary>IEEE 802.11 after a radiotap header (monitor mode on Linux, macOS and the BSDs).</summary>
    Ieee80211Radiotap = 127,

    /// <summary>IEEE 802.11 after an AVS monitor-mode header.</summary>
    Ieee80211Avs = 163,

    /// <summary>Solaris ipnet: a 24-byte header naming the address family, then IP.</summary>
    IpNet = 226,

    /// <summary>Raw IPv4.</summary>
    IPv4 = 228,

    /// <summary>Raw IPv6.</summary>
    IPv6 = 229,

    /// <summary>Linux netfilter log (<c>tcpdump -i nflog</c>): the IP packet is the payload attribute of the log message.</summary>
    Nflog = 239,

    /// <summary>Linux cooked capture v2 (<c>tcpdump -i any</c>, libpcap 1.10+).</summary>
    LinuxSll2 = 276,
}
