namespace PcapDiff.Capture.Frames;

/// <summary>
/// Where the read loop gets its frames from: the managed pcap and pcapng readers, or libpcap (for a
/// BPF filter and for the rare formats the managed readers leave to it). A frame's bytes are valid
/// until the next call to <see cref="Next"/>.
/// </summary>
internal abstract class FrameSource : IDisposable
{
    /// <summary>The link type as libpcap reports it (a DLT value, not the file's LINKTYPE value).</summary>
    public abstract int DataLink { get; }

    /// <summary>Bytes of the file consumed so far, for the progress display.</summary>
    public abstract long BytesConsumed { get; }

    /// <summary>Why reading stopped early, in libpcap's words; set when <see cref="Next"/> returns <see cref="FrameStatus.Error"/>.</summary>
    public string? Error { get; protected set; }

    /// <summary>
    /// TLS key logs found in the file since the last frame (pcapng Decryption Secrets Blocks), for the
    /// read loop to hand on before that frame; the loop empties it.
    /// </summary>
    public List<byte[]> KeyLogs { get; } = [];

    /// <summary>Reads the next frame.</summary>
    /// <param name="header">Its time and lengths; the fraction is in nanoseconds.</param>
    /// <param name="data">Its captured bytes.</param>
    public abstract FrameStatus Next(out FrameHeader header, out ReadOnlySpan<byte> data);

    /// <summary>Releases the file or the libpcap handle.</summary>
    public abstract void Dispose();

    /// <summary>Notes why reading stops, for <see cref="Next"/> to return.</summary>
    protected FrameStatus Fail(string error)
    {
        Error = error;
        return FrameStatus.Error;
    }
}

/// <summary>What <see cref="FrameSource.Next"/> found.</summary>
internal enum FrameStatus
{
    /// <summary>A frame.</summary>
    Frame,

    /// <summary>A frame the BPF filter rejected: numbered, not decoded.</summary>
    FilteredOut,

    /// <summary>The end of the file.</summary>
    EndOfFile,

    /// <summary>Damage or something libpcap would not read; <see cref="FrameSource.Error"/> says what.</summary>
    Error,
}

/// <summary>A frame's record header: the capture time (seconds and nanoseconds) and its two lengths.</summary>
internal readonly record struct FrameHeader(long Seconds, uint Nanoseconds, uint CaptureLength, uint WireLength);
