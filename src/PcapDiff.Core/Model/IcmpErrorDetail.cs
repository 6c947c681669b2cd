namespace PcapDiff.Core.Model;

/// <summary>An ICMP or ICMPv6 error that quotes a packet of the flow.</summary>
/// <param name="Name">The error under pcapdiff's one vocabulary for both versions: <c>port-unreachable</c>, <c>host-unreachable</c>, …</param>
/// <param name="From">Who sent the error (the server, or a router on the path); null when not known (a <c>.flows</c> file).</param>
internal sealed record IcmpErrorDetail(string Name, IpAddress? From) : EventDetail;
