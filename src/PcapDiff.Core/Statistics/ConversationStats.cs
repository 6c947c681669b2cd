using PcapDiff.Core.Model;

namespace PcapDiff.Core.Statistics;

/// <summary>One conversation (a flow) as Wireshark's Conversations window shows it, with roles.</summary>
/// <param name="Flow">The flow counted.</param>
/// <param name="Start">When it started, relative to the capture's first frame.</param>
/// <param name="Duration">From its first to its last packet.</param>
public sealed record ConversationStats(Flow Flow, TimeSpan Start, TimeSpan Duration)
{
    /// <summary>Client-to-server packets, bytes and flags.</summary>
    public FlowCounters ToServer => Flow.ClientToServer;

    /// <summary>Server-to-client packets, bytes and flags.</summary>
    public FlowCounters ToClient => Flow.ServerToClient;

    /// <summary>Packets both ways.</summary>
    public long Packets => ToServer.Packets + ToClient.Packets;

    /// <summary>Frame bytes both ways.</summary>
    public long Bytes => ToServer.FrameBytes + ToClient.FrameBytes;
}
