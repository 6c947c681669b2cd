using PcapDiff.Core.Model;

namespace PcapDiff.Core.Normalization;

/// <summary>Names ICMP and ICMPv6 messages with one vocabulary, so a v4 and a v6 run compare equal.</summary>
internal static class IcmpNames
{
    public static bool IsEchoRequest(Transport protocol, byte type) =>
        (protocol == Transport.Icmp && type == 8) || (protocol == Transport.Icmpv6 && type == 128);

    public static bool IsEchoReply(Transport protocol, byte type) =>
        (protocol == Transport.Icmp && type == 0) || (protocol == Transport.Icmpv6 && type == 129);

    /// <summary>Neighbour discovery, router discovery and multicast listener messages: link plumbing, not flows.</summary>
    public static bool IsLinkPlumbing(Transport protocol, byte type) =>
        (protocol == Transport.Icmpv6 && type is 130 or 131 or 132 or 133 or 134 or 135 or 136 or 137 or 143)
        || (protocol == Transport.Icmp && type is 9 or 10);

    public static string ErrorName(Transport protocol, byte type, byte code) => protocol == Transport.Icmp
        ? type switch
        {
            3 => code switch
            {
                0 => "net-unreachable",
                1 => "host-unreachable",
                2 => "protocol-unreachable",
                3 => "port-unreachable",
                4 => "fragmentation-needed",
                5 => "source-route-failed",
                6 or 7 => "destination-unknown",
                9 or 10 or 13 => "admin-prohibited",
                _ => $"unreachable-{code}",
            },
            4 => "source-quench",
            5 => "redirect",
            11 => code == 0 ? "ttl-exceeded" : "reassembly-time-exceeded",
            12 => "parameter-problem",
            _ => $"type-{type}-code-{code}",
        }
        : type switch
        {
            1 => code switch
            {
                0 => "net-unreachable",
                1 => "admin-prohibited",
                3 => "host-unreachable",
                4 => "port-unreachable",
                5 or 6 => "admin-prohibited",
                _ => $"unreachable-{code}",
            },
            2 => "fragmentation-needed",
            3 => code == 0 ? "ttl-exceeded" : "reassembly-time-exceeded",
            4 => "parameter-problem",
            _ => $"type-{type}-code-{code}",
        };
}
