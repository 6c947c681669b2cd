namespace PcapDiff.CaptureGenerator;

/// <summary>A server host: its DNS name, address and distance from the capture point.</summary>
/// <param name="Name">The name clients resolve.</param>
/// <param name="Address">IPv4 address.</param>
/// <param name="Ttl">TTL of its packets as they reach the capture point.</param>
/// <param name="ExtraRtt">Microseconds added to a client's round trip to reach it.</param>
/// <param name="CanonicalName">The CNAME its name resolves through, if any.</param>
internal sealed record Host(string Name, uint Address, byte Ttl, int ExtraRtt, string? CanonicalName = null);
