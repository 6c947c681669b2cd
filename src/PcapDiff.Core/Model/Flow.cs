namespace PcapDiff.Core.Model;

/// <summary>A conversation of one capture, with roles decided and its normalized events.</summary>
public sealed record Flow
{
    /// <summary>0-based position of the flow in its capture, by first packet.</summary>
    public required int Index { get; init; }

    /// <summary>Transport protocol (ICMP for echo flows).</summary>
    public required Transport Protocol { get; init; }

    /// <summary>The originator: who sent the first SYN or datagram, or the side on an ephemeral port.</summary>
    public required Endpoint Client { get; init; }

    /// <summary>The responder.</summary>
    public required Endpoint Server { get; init; }

    /// <summary>The DNS name this capture resolved for the server's address, if it resolved one.</summary>
    public string? ServerName { get; init; }

    /// <summary>Whether the flow was recognised as DNS (a UDP flow whose datagrams decode as DNS messages).</summary>
    public bool IsDns { get; init; }

    /// <summary>For DNS flows, the first name queried; used to pair DNS flows across captures.</summary>
    public string? QueryName { get; init; }

    /// <summary>First frame of the flow.</summary>
    public required long FirstFrame { get; init; }

    /// <summary>Last frame of the flow.</summary>
    public required long LastFrame { get; init; }

    /// <summary>Time of the first frame.</summary>
    public required DateTime Start { get; init; }

    /// <summary>Time of the last frame.</summary>
    public required DateTime End { get; init; }

    /// <summary>Who sent the first packet of the flow (Wireshark's side A); usually the client.</summary>
    public Direction FirstDirection { get; init; }

    /// <summary>Client-to-server counters.</summary>
    public required FlowCounters ClientToServer { get; init; }

    /// <summary>Server-to-client counters.</summary>
    public required FlowCounters ServerToClient { get; init; }

    /// <summary>The normalized events, in order.</summary>
    public required IReadOnlyList<FlowEvent> Events { get; init; }

    /// <summary>Retransmissions and friends: reported, never a divergence.</summary>
    internal FlowAnomalies Anomalies { get; init; } = FlowAnomalies.None;

    /// <summary>TCP: client payload bytes the server never acknowledged.</summary>
    public long ClientBytesUnacknowledged { get; init; }

    /// <summary>TCP: server payload bytes the client never acknowledged.</summary>
    public long ServerBytesUnacknowledged { get; init; }

    /// <summary>From a <c>.flows</c> expectation: the flow may or may not appear in the other run.</summary>
    public bool IsOptional { get; init; }

    /// <summary>True when the per-flow event cap was hit and later events were dropped.</summary>
    public bool EventsCapped { get; init; }

    /// <summary>Zeek's <c>conn_state</c> (<c>SF</c>, <c>S0</c>, <c>REJ</c>, <c>RSTO</c>, …); null for a flow read from a <c>.flows</c> file.</summary>
    public string? ZeekState { get; init; }

    /// <summary>Zeek's <c>history</c> (<c>ShADadfF</c>, …); null for a flow read from a <c>.flows</c> file.</summary>
    public string? ZeekHistory { get; init; }

    /// <summary>Whether the client port is ephemeral (shown as <c>*</c>) rather than a fixed service port.</summary>
    public bool ClientPortIsEphemeral => Protocol is Transport.Tcp or Transport.Udp && Client.Port != Server.Port;

    /// <summary>The server as users name it: the resolved DNS name, else the address.</summary>
    public string ServerLabel => ServerName ?? Server.Address.ToString();
}
