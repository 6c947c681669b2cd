namespace PcapDiff.Core.Model;

/// <summary>Why a pure TCP ACK is an event.</summary>
internal enum AckMeaning
{
    /// <summary>It completes the three-way handshake.</summary>
    Handshake,

    /// <summary>It is the sender's last word on the peer's data.</summary>
    Data,

    /// <summary>It acknowledges the peer's FIN.</summary>
    Fin,
}
