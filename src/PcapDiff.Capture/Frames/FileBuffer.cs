namespace PcapDiff.Capture.Frames;

/// <summary>
/// A large read buffer over a file or a stream, handing out spans of the bytes it holds, so the
/// managed readers parse records in place and copy nothing per frame.
/// </summary>
internal sealed class FileBuffer : IDisposable
{
    private const int InitialSize = 1 << 20;

    private readonly Stream _stream;
    private byte[] _buffer = new byte[InitialSize];
    private int _start;
    private int _end;
    private long _position;

    public FileBuffer(Stream stream) => _stream = stream;

    /// <summary>Bytes consumed from the start of the stream.</summary>
    public long Position => _position;

    /// <summary>
    /// Makes up to <paramref name="count"/> bytes available from the current position and returns
    /// them (fewer only at the end of the stream). Nothing is consumed.
    /// </summary>
    public ReadOnlySpan<byte> Peek(int count)
    {
        if (_end - _start < count)
        {
            Fill(count);
        }

        return _buffer.AsSpan(_start, Math.Min(count, _end - _start));
    }

    /// <summary>Consumes <paramref name="count"/> bytes, of which at most the ones held are skipped in the buffer.</summary>
    /// <returns>The bytes actually skipped (fewer at the end of the stream).</returns>
    public long Skip(long count)
    {
        long held = Math.Min(count, _end - _start);
        _start += (int)held;
        _position += held;
        long skipped = held;
        while (skipped < count)
        {
            int chunk = (int)Math.Min(count - skipped, _buffer.Length);
            int read = _stream.ReadAtLeast(_buffer.AsSpan(0, chunk), chunk, throwOnEndOfStream: false);
            _start = _end = 0;
            skipped += read;
            _position += read;
            if (read < chunk)
            {
                break;
            }
        }

        return skipped;
    }

    /// <inheritdoc/>
    public void Dispose() => _stream.Dispose();

    private void Fill(int count)
    {
        int held = _end - _start;
        if (count > _buffer.Length)
        {
            var larger = new byte[Math.Max(count, _buffer.Length * 2)];
            _buffer.AsSpan(_start, held).CopyTo(larger);
            _buffer = larger;
        }
        else if (_start > 0)
        {
            _buffer.AsSpan(_start, held).CopyTo(_buffer);
        }

        _start = 0;
        _end = held;
        while (_end < count)
        {
            int read = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                break;
            }

            _end += read;
        }
    }
}
