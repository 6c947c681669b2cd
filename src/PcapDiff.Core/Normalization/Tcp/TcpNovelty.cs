namespace PcapDiff.Core.Normalization.Tcp;

/// <summary>What a packet's SYN, data or FIN was against what its side had already sent.</summary>
internal enum TcpNovelty : byte
{
    /// <summary>The packet had none.</summary>
    None,

    /// <summary>New: a first SYN or FIN, or data with bytes not sent before (possibly after a gap).</summary>
    New,

    /// <summary>Only what the side had already sent: a SYN retry, a repeated FIN, a retransmission.</summary>
    Repeated,

    /// <summary>Data only: bytes that fill a gap the side's stream had (they arrived out of order).</summary>
    FillsGap,
}
