using PcapDiff.Core.Model;

namespace PcapDiff.Core.Flows;

/// <summary>Decides who is the client of a flow when its first packet does not say.</summary>
internal static class RoleHeuristics
{
    private const int FirstEphemeralPort = 32768;

    /// <summary>
    /// The client of a TCP flow, decided from its first packet: the sender of a SYN, the receiver of
    /// a SYN-ACK, else (the capture started mid-connection) the side on the ephemeral port.
    /// </summary>
    public static Endpoint TcpClient(in PacketRecord packet)
    {
        var flags = packet.Flags;
        if ((flags & TcpFlags.Syn) != 0)
        {
            return (flags & TcpFlags.Ack) != 0 ? packet.Destination : packet.Source;
        }

        return LooksLikeServer(packet.Source.Port, packet.Destination.Port) ? packet.Destination : packet.Source;
    }

    /// <summary>
    /// The client of a UDP flow: the sender of the first datagram, unless it came from a service port to an
    /// ephemeral one, or it is a DNS response from port 53 (a resolver talking to another one on port 53).
    /// </summary>
    public static Endpoint UdpClient(in PacketRecord packet, ReadOnlySpan<byte> payload) =>
        LooksLikeServer(packet.Source.Port, packet.Destination.Port) || IsDnsResponse(packet.Source.Port, payload)
            ? packet.Destination
            : packet.Source;

    /// <summary>A datagram from port 53 with a DNS header whose QR bit says response.</summary>
    private static bool IsDnsResponse(ushort sourcePort, ReadOnlySpan<byte> payload) =>
        sourcePort == 53 && payload.Length >= 12 && (payload[2] & 0x80) != 0;

    /// <summary>True when <paramref name="port"/> looks like the service side against <paramref name="other"/>.</summary>
    private static bool LooksLikeServer(ushort port, ushort other)
    {
        bool wellKnown = port < 1024;
        bool otherWellKnown = other < 1024;
        if (wellKnown != otherWellKnown)
        {
            return wellKnown;
        }

        bool ephemeral = port >= FirstEphemeralPort;
        bool otherEphemeral = other >= FirstEphemeralPort;
        if (ephemeral != otherEphemeral)
        {
            return otherEphemeral;
        }

        return port < other;
    }
}
