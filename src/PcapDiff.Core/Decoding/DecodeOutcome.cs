namespace PcapDiff.Core.Decoding;

/// <summary>What became of one frame handed to the decoder.</summary>
internal enum DecodeOutcome
{
    /// <summary>An IP packet was decoded into a record.</summary>
    Decoded,

    /// <summary>Not an IP packet (ARP, LLDP, STP, …): not part of any flow, not an error.</summary>
    NotIp,

    /// <summary>The captured bytes end before the headers do.</summary>
    Truncated,

    /// <summary>A header is inconsistent (bad version, header length below the minimum, …).</summary>
    Malformed,

    /// <summary>The link type is not one pcapdiff decodes.</summary>
    UnsupportedLinkType,
}
