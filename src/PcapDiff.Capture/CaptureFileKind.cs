namespace PcapDiff.Capture;

/// <summary>What the first bytes of a file say it is.</summary>
internal enum CaptureFileKind
{
    /// <summary>Not a format pcapdiff reads.</summary>
    Unknown,

    /// <summary>pcap with microsecond timestamps (including the "modified" pcap variant).</summary>
    Pcap,

    /// <summary>pcap with nanosecond timestamps.</summary>
    PcapNanosecond,

    /// <summary>pcapng.</summary>
    PcapNg,

    /// <summary>gzip-compressed data.</summary>
    Gzip,
}
