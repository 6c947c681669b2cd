using PcapDiff.Core.Model;

namespace PcapDiff.Core.Statistics;

/// <summary>One endpoint (an address, or an address and port of a transport) and what it sent and received.</summary>
/// <param name="Protocol">Null for an IP endpoint; TCP or UDP for a port endpoint.</param>
/// <param name="Address">The address.</param>
/// <param name="Port">The port (port endpoints only).</param>
/// <param name="TxPackets">Packets it sent.</param>
/// <param name="TxBytes">Frame bytes it sent.</param>
/// <param name="RxPackets">Packets it received.</param>
/// <param name="RxBytes">Frame bytes it received.</param>
public sealed record EndpointStats(Transport? Protocol, IpAddress Address, ushort? Port, long TxPackets, long TxBytes, long RxPackets, long RxBytes)
{
    /// <summary>Packets both ways.</summary>
    public long Packets => TxPackets + RxPackets;

    /// <summary>Frame bytes both ways.</summary>
    public long Bytes => TxBytes + RxBytes;
}
