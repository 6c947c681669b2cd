namespace PcapDiff.Core.Statistics;

/// <summary>Conversations and endpoints of one capture, each list sorted by bytes, largest first.</summary>
/// <param name="Name">The capture's file name.</param>
/// <param name="Conversations">TCP, UDP and ICMP echo conversations.</param>
/// <param name="Hosts">IP endpoints.</param>
/// <param name="Ports">TCP and UDP endpoints (address and port).</param>
public sealed record CaptureStats(
    string Name,
    IReadOnlyList<ConversationStats> Conversations,
    IReadOnlyList<EndpointStats> Hosts,
    IReadOnlyList<EndpointStats> Ports);
