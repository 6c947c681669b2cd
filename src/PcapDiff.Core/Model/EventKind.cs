namespace PcapDiff.Core.Model;

/// <summary>The kinds of normalized flow event. Their names appear in <c>.flows</c> text: keep them stable.</summary>
public enum EventKind
{
    /// <summary>TCP SYN (a connection attempt).</summary>
    Syn,

    /// <summary>TCP SYN-ACK (the server accepts).</summary>
    SynAck,

    /// <summary>A TCP pure ACK that carries meaning: handshake completion, the last word on the peer's data or FIN.</summary>
    Ack,

    /// <summary>TCP payload: consecutive segments in one direction, coalesced.</summary>
    Data,

    /// <summary>TCP FIN.</summary>
    Fin,

    /// <summary>TCP RST.</summary>
    Rst,

    /// <summary>UDP datagrams: consecutive ones in one direction, coalesced.</summary>
    Datagram,

    /// <summary>A DNS query.</summary>
    DnsQuery,

    /// <summary>A DNS response.</summary>
    DnsResponse,

    /// <summary>An ICMP echo request.</summary>
    EchoRequest,

    /// <summary>An ICMP echo reply.</summary>
    EchoReply,

    /// <summary>An ICMP or ICMPv6 error quoting a packet of this flow.</summary>
    IcmpError,

    /// <summary>A TLS message seen in the clear: a hello, a certificate, an alert.</summary>
    Tls,

    /// <summary>An HTTP/1.x request or response head.</summary>
    Http,

    /// <summary>An MQTT control packet.</summary>
    Mqtt,
}
