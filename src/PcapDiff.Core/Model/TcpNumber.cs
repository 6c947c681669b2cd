namespace PcapDiff.Core.Model;

/// <summary>The two numbers of a TCP header that carry meaning across runs once made relative.</summary>
internal enum TcpNumber
{
    /// <summary>The sequence number.</summary>
    Sequence,

    /// <summary>The acknowledgment number.</summary>
    Acknowledgment,
}
