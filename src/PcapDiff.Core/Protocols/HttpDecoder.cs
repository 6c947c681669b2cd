using PcapDiff.Core.Model;

namespace PcapDiff.Core.Protocols;

/// <summary>
/// HTTP/1.x (RFC 9112): names each request and response by its start line, reads the framing
/// headers of the head line by line, then passes over the body by Content-Length or by walking the
/// chunks, so pipelined requests and persistent connections are followed without buffering bodies.
/// A response framed by the connection's close, a 101 upgrade or a CONNECT tunnel ends decoding.
/// </summary>
internal sealed class HttpDecoder : AppDecoder
{
    private const int LineLimit = 16 * 1024;
    private const long HeadLimit = 64 * 1024;
    private const int MaxPending = 1024;

    private readonly Side[] _sides = [new Side(), new Side()];

    /// <summary>Requests without a response yet, oldest first: a HEAD's response has no body, a CONNECT's opens a tunnel.</summary>
    private readonly Queue<string> _pending = new();

    public override string Protocol => "HTTP";

    /// <inheritdoc />
    public override EventKind Kind => EventKind.Http;

    public override void Feed(Direction direction, long offset, ReadOnlySpan<byte> bytes, List<AppMessage> found)
    {
        int index = SideOf(direction);
        var side = _sides[index];
        if (!side.Cursor.Admit(ref offset, ref bytes))
        {
            return;
        }

        while (!bytes.IsEmpty && !side.Cursor.Stopped)
        {
            int used = side.Mode switch
            {
                Mode.Body or Mode.ChunkData => SkipBody(side, bytes),
                Mode.Head => ReadHead(side, index == 0, offset, bytes, found),
                _ => ReadChunkLine(side, bytes),
            };
            bytes = bytes[used..];
            offset += used;
        }
    }

    public override void Gap(Direction direction) => _sides[SideOf(direction)].Cursor.Stop();

    private int ReadHead(Side side, bool client, long offset, ReadOnlySpan<byte> bytes, List<AppMessage> found)
    {
        if (!side.InMessage)
        {
            // Empty lines before a message are ignored (RFC 9112 §2.2).
            int blank = bytes.IndexOfAnyExcept("\r\n"u8);
            if (blank < 0)
            {
                return bytes.Length;
            }

            if (blank > 0)
            {
                return blank;
            }

            side.StartMessage(offset);
        }

        int used = ReadLine(side, bytes, out bool complete);
        side.HeadBytes += used;
        if (side.HeadBytes > HeadLimit)
        {
            side.Cursor.Stop();
        }
        else if (complete)
        {
            var line = side.LineBytes;
            if (!side.StartLineRead)
            {
                side.StartLineRead = true;
                if (!(client ? StartRequest(side, line, found) : StartResponse(side, line, found)))
                {
                    side.Cursor.Stop();
                }
            }
            else if (line.IsEmpty)
            {
                EndHead(side, client);
            }
            else
            {
                ReadField(side, line);
            }

            side.Line.Clear();
        }

        return used;
    }

    private bool StartRequest(Side side, ReadOnlySpan<byte> line, List<AppMessage> found)
    {
        if (!HttpHead.TryRequestLine(line, out var request))
        {
            return false;
        }

        found.Add(new AppMessage(side.MessageOffset, request));
        if (_pending.Count < MaxPending)
        {
            _pending.Enqueue(request.Method);
        }

        return true;
    }

    private bool StartResponse(Side side, ReadOnlySpan<byte> line, List<AppMessage> found)
    {
        if (!HttpHead.TryStatusLine(line, out var response))
        {
            return false;
        }

        found.Add(new AppMessage(side.MessageOffset, response));
        int status = response.Status;
        side.Status = status;
        if (status == 101)
        {
            // Switching protocols: what follows in both directions is no longer HTTP/1.x.
            StopBoth();
        }
        else if (status >= 200)
        {
            side.RequestMethod = _pending.Count > 0 ? _pending.Dequeue() : "";
            if (side.RequestMethod == "CONNECT" && status < 300)
            {
                // A tunnel: the bytes after this head belong to whatever runs through it.
                StopBoth();
            }
        }

        return true;
    }

    private static void ReadField(Side side, ReadOnlySpan<byte> line)
    {
        if (!HttpHead.TrySplitField(line, out var name, out var value))
        {
            return;
        }

        if (System.Text.Ascii.EqualsIgnoreCase(name, "Content-Length"u8))
        {
            long length = HttpHead.ParseContentLength(value);
            side.BadLength |= length < 0 || (side.ContentLength >= 0 && length != side.ContentLength);
            side.ContentLength = length;
        }
        else if (System.Text.Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8))
        {
            side.Chunked = HttpHead.EndsWithChunked(value);
            side.OtherCoding = !side.Chunked;
        }
    }

    private static void EndHead(Side side, bool client)
    {
        bool noBody = !client && (side.Status < 200 || side.Status is 204 or 304 || side.RequestMethod == "HEAD");
        if (noBody)
        {
            side.Mode = Mode.Head;
        }
        else if (side.Chunked)
        {
            side.Mode = Mode.ChunkLine;
        }
        else if (side.OtherCoding || side.BadLength || (!client && side.ContentLength < 0))
        {
            // Framed by the connection's close (a response) or not framed at all (RFC 9112 §6.3).
            side.Cursor.Stop();
        }
        else if (side.ContentLength > 0)
        {
            side.Mode = Mode.Body;
            side.Left = side.ContentLength;
        }
        else
        {
            side.Mode = Mode.Head;
        }

        side.InMessage = false;
    }

    private static int SkipBody(Side side, ReadOnlySpan<byte> bytes)
    {
        int take = (int)Math.Min(side.Left, bytes.Length);
        side.Left -= take;
        if (side.Left == 0)
        {
            side.Mode = side.Mode == Mode.ChunkData ? Mode.ChunkEnd : Mode.Head;
        }

        return take;
    }

    /// <summary>The lines of chunked framing (RFC 9112 §7.1): chunk sizes, the end of chunk data, trailer fields.</summary>
    private static int ReadChunkLine(Side side, ReadOnlySpan<byte> bytes)
    {
        int used = ReadLine(side, bytes, out bool complete);
        side.HeadBytes += used;
        if (side.Mode == Mode.Trailers && side.HeadBytes > HeadLimit)
        {
            side.Cursor.Stop();
            return used;
        }

        if (!complete)
        {
            return used;
        }

        var line = side.LineBytes;
        switch (side.Mode)
        {
            case Mode.ChunkLine:
                long size = HttpHead.ParseChunkSize(line);
                if (size < 0)
                {
                    side.Cursor.Stop();
                }
                else if (size == 0)
                {
                    side.Mode = Mode.Trailers;
                    side.HeadBytes = 0;
                }
                else
                {
                    side.Mode = Mode.ChunkData;
                    side.Left = size;
                }

                break;
            case Mode.ChunkEnd when line.IsEmpty:
                side.Mode = Mode.ChunkLine;
                break;
            case Mode.ChunkEnd:
                side.Cursor.Stop();
                break;
            case Mode.Trailers when line.IsEmpty:
                side.Mode = Mode.Head;
                break;
        }

        side.Line.Clear();
        return used;
    }

    /// <summary>Collects bytes up to and including the next LF; a line longer than the buffer stops the direction.</summary>
    private static int ReadLine(Side side, ReadOnlySpan<byte> bytes, out bool complete)
    {
        int end = bytes.IndexOf((byte)'\n');
        complete = end >= 0;
        int length = complete ? end + 1 : bytes.Length;
        if (side.Line.Append(bytes[..length]) < length)
        {
            side.Cursor.Stop();
            complete = false;
        }

        return length;
    }

    private void StopBoth()
    {
        _sides[0].Cursor.Stop();
        _sides[1].Cursor.Stop();
    }

    private enum Mode
    {
        Head,
        Body,
        ChunkLine,
        ChunkData,
        ChunkEnd,
        Trailers,
    }

    /// <summary>One direction: where it is in the message framing, and the facts of the current head.</summary>
    private sealed class Side
    {
        public StreamCursor Cursor { get; } = new();

        public Mode Mode { get; set; }

        public HeadBuffer Line { get; } = new(LineLimit);

        /// <summary>The current line without its line end (LF, or CR LF).</summary>
        public ReadOnlySpan<byte> LineBytes
        {
            get
            {
                var line = Line.Bytes;
                line = line.EndsWith((byte)'\n') ? line[..^1] : line;
                return line.EndsWith((byte)'\r') ? line[..^1] : line;
            }
        }

        public bool InMessage { get; set; }

        public long MessageOffset { get; private set; }

        public long HeadBytes { get; set; }

        public bool StartLineRead { get; set; }

        public int Status { get; set; }

        public string RequestMethod { get; set; } = "";

        public long ContentLength { get; set; }

        public bool BadLength { get; set; }

        public bool Chunked { get; set; }

        public bool OtherCoding { get; set; }

        public long Left { get; set; }

        public void StartMessage(long offset)
        {
            InMessage = true;
            MessageOffset = offset;
            HeadBytes = 0;
            StartLineRead = false;
            Status = 0;
            RequestMethod = "";
            ContentLength = -1;
            BadLength = false;
            Chunked = false;
            OtherCoding = false;
            Line.Clear();
        }
    }
}
