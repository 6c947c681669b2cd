namespace PcapDiff.Core.Model;

/// <summary>
/// The IP and transport header an ICMP error quotes: the packet that caused the error. For TCP and
/// UDP the endpoints carry the quoted ports. When the quoted packet is an ICMP echo request or reply
/// (<see cref="Protocol"/> is <see cref="Transport.Icmp"/> or <see cref="Transport.Icmpv6"/>), both
/// endpoints' <see cref="Endpoint.Port"/> hold the echo's identifier, as the keys of echo flows do;
/// other quoted ICMP messages have port 0.
/// </summary>
internal readonly record struct QuotedHeader(Transport Protocol, Endpoint Source, Endpoint Destination);
