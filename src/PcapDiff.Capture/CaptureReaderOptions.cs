namespace PcapDiff.Capture;

/// <summary>How <see cref="CaptureReader"/> reads a capture.</summary>
/// <param name="Filter">
/// A BPF filter expression (tcpdump syntax) that frames must match to be decoded, or null for all.
/// Frames that do not match are skipped but still numbered, so frame numbers stay Wireshark's.
/// </param>
/// <param name="Progress">Updated as the file is read, for a progress display; null for none.</param>
public sealed record CaptureReaderOptions(string? Filter = null, ReadProgress? Progress = null)
{
    /// <summary>Reads through libpcap even without a filter: the reference the managed readers are tested against.</summary>
    internal bool UseLibpcap { get; init; }
}
