namespace PcapDiff.Core.Model;

/// <summary>
/// Things recognised in a flow that do not change what was delivered, so they are reported but
/// never make two runs diverge.
/// </summary>
internal sealed record FlowAnomalies
{
    /// <summary>No anomalies.</summary>
    public static FlowAnomalies None { get; } = new();

    /// <summary>Data or FIN segments sent again (data already seen).</summary>
    public int Retransmissions { get; init; }

    /// <summary>The client's SYN sent again.</summary>
    public int SynRetries { get; init; }

    /// <summary>The server's SYN-ACK sent again (its SYN-ACK went unanswered, or was answered wrongly).</summary>
    public int SynAckRetries { get; init; }

    /// <summary>Pure ACKs repeating the previous acknowledgment while data was outstanding.</summary>
    public int DuplicateAcks { get; init; }

    /// <summary>Segments that arrived after later data (a hole filled).</summary>
    public int OutOfOrder { get; init; }

    /// <summary>Keep-alive probes.</summary>
    public int KeepAlives { get; init; }

    /// <summary>Zero-window advertisements.</summary>
    public int ZeroWindows { get; init; }

    /// <summary>The side that first advertised a zero window (the one whose application stopped reading).</summary>
    public Direction? ZeroWindowFrom { get; init; }

    /// <summary>The frame of the first zero-window advertisement.</summary>
    public long? FirstZeroWindowFrame { get; init; }
}
