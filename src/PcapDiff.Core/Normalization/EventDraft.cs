using PcapDiff.Core.Model;

namespace PcapDiff.Core.Normalization;

/// <summary>An event while it is still being built (coalesced into, counted, annotated).</summary>
internal sealed class EventDraft
{
    private byte[]? _preview;
    private int _previewLength;
    private bool _previewClosed;

    public EventDraft(EventKind kind, Direction direction, in PacketRecord packet)
    {
        Kind = kind;
        Direction = direction;
        FirstFrame = packet.FrameNumber;
        LastFrame = packet.FrameNumber;
        Timestamp = packet.Timestamp;
        Packets = 1;
    }

    public EventKind Kind { get; }

    public Direction Direction { get; }

    public string? Detail { get; set; }

    public string? Note { get; set; }

    public long Bytes { get; set; }

    public int Packets { get; set; }

    public int Repeats { get; set; }

    public long FirstFrame { get; }

    public long LastFrame { get; set; }

    public DateTime Timestamp { get; }

    public void Touch(in PacketRecord packet)
    {
        Packets++;
        if (packet.FrameNumber > LastFrame)
        {
            LastFrame = packet.FrameNumber;
        }
    }

    public void Repeat(in PacketRecord packet)
    {
        Touch(packet);
        Repeats++;
    }

    /// <summary>Adds payload to the preview while the bytes so far are contiguous and complete.</summary>
    public void AppendPreview(ReadOnlySpan<byte> captured, int wireLength)
    {
        if (_previewClosed || _previewLength >= PayloadPreview.MaxBytes)
        {
            return;
        }

        _preview ??= new byte[PayloadPreview.MaxBytes];
        int take = Math.Min(captured.Length, PayloadPreview.MaxBytes - _previewLength);
        captured[..take].CopyTo(_preview.AsSpan(_previewLength));
        _previewLength += take;
        if (captured.Length < wireLength)
        {
            // The snaplen cut this segment: later bytes would not follow on from these.
            _previewClosed = true;
        }
    }

    public void ClosePreview() => _previewClosed = true;

    public string Preview() => PayloadPreview.Format(_preview.AsSpan(0, _previewLength), Bytes);

    private string? FinalDetail() => Kind switch
    {
        EventKind.Data => $"{Bytes}B {Preview()}",
        EventKind.Datagram when Packets > 1 => $"×{Packets} {Bytes}B {Preview()}",
        EventKind.Datagram => $"{Bytes}B {Preview()}",
        _ => Detail,
    };

    public FlowEvent ToEvent() => new()
    {
        Kind = Kind,
        Direction = Direction,
        Text = EventText.Format(Direction, Kind, FinalDetail()),
        Bytes = Bytes,
        Packets = Packets,
        Repeats = Repeats,
        FirstFrame = FirstFrame,
        LastFrame = LastFrame,
        Timestamp = Timestamp,
        Note = Note,
    };
}
