namespace PcapDiff.Core.Normalization.Tcp;

/// <summary>What a packet's acknowledgment means for the flow's events.</summary>
internal enum TcpAckRole : byte
{
    /// <summary>No meaning of its own (no ACK, or a pure ACK that says nothing new).</summary>
    None,

    /// <summary>The third packet of the handshake.</summary>
    Handshake,

    /// <summary>Carried by data, a FIN or a SYN, which says everything an earlier pure ACK of its side said.</summary>
    Carried,

    /// <summary>A pure ACK that advances over the peer's data: the side's last word on it, unless a later packet of the side says more.</summary>
    LastWordOnData,

    /// <summary>As <see cref="LastWordOnData"/>, acknowledging the peer's FIN.</summary>
    LastWordOnFin,
}
