namespace PcapDiff.CaptureGenerator;

/// <summary>
/// Everything about a TCP connection decided up front from the flow's own random stream, so the
/// good and the bad run draw the same numbers whether or not the flow fails.
/// </summary>
internal sealed class TcpPlan
{
    public required long Start { get; init; }

    public required uint ClientIsn { get; init; }

    public required uint ServerIsn { get; init; }

    /// <summary>Microseconds per full segment towards the client.</summary>
    public required long DownGap { get; init; }

    /// <summary>Microseconds per full segment towards the server.</summary>
    public required long UpGap { get; init; }

    /// <summary>The first SYN is lost beyond the capture point and sent again a second later.</summary>
    public bool SynRetried { get; init; }

    /// <summary>What the server says first (SMTP), if anything.</summary>
    public Message? Greeting { get; init; }

    public required IReadOnlyList<Exchange> Exchanges { get; init; }

    /// <summary>For each exchange, whether a segment of the request / the response is lost (and retransmitted).</summary>
    public required IReadOnlyList<(bool Request, bool Response)> Losses { get; init; }

    public required CloseKind Close { get; init; }

    /// <summary>Microseconds between the last response and the close.</summary>
    public required long Idle { get; init; }

    /// <summary>ServerFin: whether the client's ACK of the server's FIN rides on its own FIN.</summary>
    public bool ClientFinWithAck { get; init; }

    public FailureMode Failure { get; set; }
}
