namespace PcapDiff.CaptureGenerator;

/// <summary>How a TCP flow fails in the bad run.</summary>
internal enum FailureMode
{
    None,

    /// <summary>The client answers the server's SYN-ACK with RST (a raw-socket client's kernel).</summary>
    ClientRstAfterSynAck,

    /// <summary>The server answers the SYN with RST: nothing listens.</summary>
    Refused,

    /// <summary>The SYN and its retries get no answer: a firewall drops them.</summary>
    Unanswered,
}
