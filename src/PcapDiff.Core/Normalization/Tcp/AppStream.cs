using PcapDiff.Core.Model;
using PcapDiff.Core.Protocols;

namespace PcapDiff.Core.Normalization;

/// <summary>
/// The application decoder of one TCP connection, fed each side's new bytes in stream order.
/// A side whose bytes go missing (a gap, a snaplen cut, a capture that began mid-stream) stops.
/// </summary>
internal sealed class AppStream
{
    private readonly AppDecoder _decoder;
    private readonly long[] _offset = new long[2];
    private readonly bool[] _stopped = new bool[2];
    private readonly List<AppMessage> _found = [];
    private readonly List<TlsRecord> _records = [];

    public AppStream(AppDecoder decoder)
    {
        _decoder = decoder;
        decoder.Records = _records;
    }

    /// <summary>The records (TLS) that started in the bytes of the last <see cref="Feed"/>.</summary>
    public IReadOnlyList<TlsRecord> Records => _records;

    public bool PayloadIsOpaque => _decoder.PayloadIsOpaque;

    /// <summary>The event kind of this protocol's messages.</summary>
    public EventKind Kind => _decoder.Kind;

    /// <summary>
    /// Feeds the side's next <paramref name="length"/> new bytes on the wire, of which
    /// <paramref name="captured"/> were captured; returns the messages found, a list the next call
    /// reuses.
    /// </summary>
    public IReadOnlyList<AppMessage> Feed(Direction direction, ReadOnlySpan<byte> captured, int length)
    {
        _found.Clear();
        _records.Clear();
        int side = (int)direction;
        if (_stopped[side])
        {
            return _found;
        }

        if (!captured.IsEmpty)
        {
            _decoder.Feed(direction, _offset[side], captured, _found);
            _offset[side] += captured.Length;
        }

        if (captured.Length < length)
        {
            Stop(direction);
        }

        return _found;
    }

    /// <summary>The side's bytes are missing from here on.</summary>
    public void Stop(Direction direction)
    {
        int side = (int)direction;
        if (!_stopped[side])
        {
            _stopped[side] = true;
            _decoder.Gap(direction);
        }
    }
}
