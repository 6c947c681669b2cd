using PcapDiff.Core;

namespace PcapDiff.Capture;

/// <summary>
/// One input, opened once: a capture or a <c>.flows</c> file, a pipe, a FIFO or standard input
/// (<c>-</c>). Its first bytes are read to tell what it is and are handed on with the rest, so a
/// pipe is never read twice.
/// </summary>
internal sealed class CaptureInput : IDisposable
{
    /// <summary>How much is read ahead to tell a <c>.flows</c> file from a capture.</summary>
    public const int HeadBytes = 64;

    /// <summary>The name that stands for standard input.</summary>
    public const string StandardInput = "-";

    private readonly Stream _stream;
    private readonly byte[] _head;

    private CaptureInput(string path, string shownAs, Stream stream, byte[] head)
    {
        Path = path;
        ShownAs = shownAs;
        _stream = stream;
        _head = head;
    }

    /// <summary>The path as given (<c>-</c> for standard input).</summary>
    public string Path { get; }

    /// <summary>How messages name the input: the path, or "standard input".</summary>
    public string ShownAs { get; }

    /// <summary>The first bytes (up to <see cref="HeadBytes"/>; fewer only when that is all there is).</summary>
    public ReadOnlySpan<byte> Head => _head;

    /// <summary>Whether the input is a regular file, which can be opened again by its path (by libpcap).</summary>
    public bool IsFile => _stream.CanSeek;

    /// <summary>
    /// Opens <paramref name="path"/> and reads its first bytes. Opening a FIFO waits for its writer.
    /// </summary>
    /// <exception cref="PcapDiffException">It is missing, a directory, or cannot be read.</exception>
    public static CaptureInput Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        Stream stream;
        string shownAs = path;
        if (path == StandardInput)
        {
            stream = Console.OpenStandardInput();
            shownAs = "standard input";
        }
        else
        {
            if (Directory.Exists(path))
            {
                throw new PcapDiffException($"{path} is a directory, not a capture file");
            }

            if (!File.Exists(path))
            {
                throw new PcapDiffException($"no such file: {path}");
            }

            try
            {
                stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new PcapDiffException($"cannot read {path}: {PcapDiffException.ReasonOf(ex)}", ex);
            }
        }

        try
        {
            byte[] head = new byte[HeadBytes];
            int read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            return new CaptureInput(path, shownAs, stream, head[..read]);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stream.Dispose();
            throw new PcapDiffException($"cannot read {shownAs}: {PcapDiffException.ReasonOf(ex)}", ex);
        }
    }

    /// <summary>The whole input from its first byte: the bytes read ahead, then the rest. Read it once.</summary>
    public Stream Content() => new ReplayStream(_head, _stream);

    /// <inheritdoc/>
    public void Dispose() => _stream.Dispose();

    /// <summary>Bytes already read, then the stream they came from.</summary>
    private sealed class ReplayStream(byte[] head, Stream rest) : Stream
    {
        private int _at;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_at < head.Length)
            {
                int n = Math.Min(buffer.Length, head.Length - _at);
                head.AsSpan(_at, n).CopyTo(buffer);
                _at += n;
                return n;
            }

            return rest.Read(buffer);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
