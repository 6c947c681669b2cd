namespace PcapDiff.Core.Model;

/// <summary>The transport carried by an IP packet, as far as pcapdiff tells them apart.</summary>
public enum Transport : byte
{
    /// <summary>Any other IP protocol (GRE, ESP, SCTP, …): counted, not turned into events.</summary>
    Other = 0,

    /// <summary>TCP.</summary>
    Tcp = 6,

    /// <summary>UDP.</summary>
    Udp = 17,

    /// <summary>ICMP for IPv4.</summary>
    Icmp = 1,

    /// <summary>ICMP for IPv6.</summary>
    Icmpv6 = 58,
}
