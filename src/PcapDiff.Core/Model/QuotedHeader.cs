namespace PcapDiff.Core.Model;

/// <summary>The IP and transport header an ICMP error quotes: the packet that caused the error.</summary>
public readonly record struct QuotedHeader(Transport Protocol, Endpoint Source, Endpoint Destination);
