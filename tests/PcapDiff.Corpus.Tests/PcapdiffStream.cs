using PcapDiff.Core.Model;

namespace PcapDiff.Corpus.Tests;

/// <summary>A pcapdiff TCP or UDP flow in the reference's terms: A is the sender of its first packet.</summary>
internal sealed record PcapdiffStream(Transport Protocol, Endpoint A, Endpoint B, long FirstFrame, long LastFrame, StreamCounts Counts)
{
    /// <summary>The flow as a stream; null for flows the reference has no rows for (ICMP echo) or that carried no packet of their own.</summary>
    public static PcapdiffStream? Of(Flow flow)
    {
        if (flow.Protocol is not (Transport.Tcp or Transport.Udp) || flow.ClientToServer.Packets + flow.ServerToClient.Packets == 0)
        {
            return null;
        }

        var client = Convert(flow.ClientToServer);
        var server = Convert(flow.ServerToClient);
        return flow.FirstDirection == Direction.ClientToServer
            ? new PcapdiffStream(flow.Protocol, flow.Client, flow.Server, flow.FirstFrame, flow.LastFrame, new StreamCounts(client, server))
            : new PcapdiffStream(flow.Protocol, flow.Server, flow.Client, flow.FirstFrame, flow.LastFrame, new StreamCounts(server, client));
    }

    /// <summary>The same stream with A and B as the reference has them (they differ when the two disagree on who sent first).</summary>
    public PcapdiffStream OrientedAs(ReferenceStream reference) =>
        A == reference.A || B != reference.A ? this : this with { A = B, B = A, Counts = new StreamCounts(Counts.BToA, Counts.AToB) };

    /// <summary>Whether this and <paramref name="reference"/> are the same endpoint pair.</summary>
    public bool SameEndpoints(ReferenceStream reference) =>
        Protocol == reference.Protocol
        && ((A == reference.A && B == reference.B) || (A == reference.B && B == reference.A));

    private static DirectionCounts Convert(FlowCounters c) =>
        new(c.Packets, c.FrameBytes, c.Syns, c.Fins, c.Resets, c.Retransmissions, c.PayloadBytes);
}
