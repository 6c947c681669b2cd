namespace PcapDiff.Core.Model;

/// <summary>
/// The bidirectional identity of a flow: protocol and the two endpoints in a fixed order, so both
/// directions of a conversation map to the same key. For ICMP echo the ports hold the identifier.
/// </summary>
internal readonly record struct FlowKey(Transport Protocol, Endpoint Lower, Endpoint Upper)
{
    /// <summary>The key of a packet going from <paramref name="source"/> to <paramref name="destination"/>.</summary>
    public static FlowKey Of(Transport protocol, Endpoint source, Endpoint destination) =>
        IsLower(source, destination)
            ? new FlowKey(protocol, source, destination)
            : new FlowKey(protocol, destination, source);

    private static bool IsLower(Endpoint a, Endpoint b)
    {
        int byAddress = a.Address.CompareTo(b.Address);
        return byAddress < 0 || (byAddress == 0 && a.Port <= b.Port);
    }
}
