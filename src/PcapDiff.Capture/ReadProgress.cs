namespace PcapDiff.Capture;

/// <summary>
/// How far a read has got, updated by the reader and polled by whoever shows progress (another
/// thread): bytes of the capture file consumed so far, out of its size.
/// </summary>
public sealed class ReadProgress
{
    private long _bytesRead;
    private long _totalBytes;

    /// <summary>Bytes of the file read so far (record headers and captured data).</summary>
    public long BytesRead => Interlocked.Read(ref _bytesRead);

    /// <summary>Size of the file being read (the decompressed copy for a gzip file); 0 until it is open.</summary>
    public long TotalBytes => Interlocked.Read(ref _totalBytes);

    internal void Start(long totalBytes) => Interlocked.Exchange(ref _totalBytes, totalBytes);

    internal void Advance(long bytesRead) => Interlocked.Exchange(ref _bytesRead, bytesRead);
}
