using PcapDiff.Core.Model;

namespace PcapDiff.Core.Normalization;

/// <summary>An event while it is still being built (coalesced into, counted, annotated).</summary>
internal sealed class EventDraft
{
    private byte[]? _preview;
    private int _filled;

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

    /// <summary>The decoded content (DNS, ICMP error, protocol message); payload previews are kept apart until the event is made.</summary>
    public EventDetail? Detail { get; set; }

    /// <summary>For a pure ACK: why it is an event.</summary>
    public AckMeaning? Acknowledges { get; set; }

    /// <summary>A TCP number the peer did not expect.</summary>
    public SequenceMismatch? Mismatch { get; set; }

    /// <summary>The frame, and its time, in which the peer first acknowledged all of the event.</summary>
    public (long Frame, DateTime Time)? Acknowledged { get; set; }

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

    /// <summary>For TCP data whose bytes differ run to run (TLS): the text shows the size, no preview.</summary>
    public bool HidePreview { get; set; }

    /// <summary>Application messages found in this data event's bytes; they come before it in the sequence.</summary>
    public List<EventDraft>? Messages { get; private set; }

    public void AddMessage(EventDraft message) => (Messages ??= []).Add(message);

    /// <summary>TLS records that start in this data event's bytes.</summary>
    public List<TlsRecord>? Records { get; private set; }

    public void AddRecord(TlsRecord record) => (Records ??= []).Add(record);

    /// <summary>For TCP data: the sequence number the event's bytes start at, so segments land where they belong.</summary>
    public uint StartSequence { get; set; }

    /// <summary>For TCP data, SYN and FIN: one past the last sequence number the event covers, for telling when the peer acknowledged it.</summary>
    public uint EndSequence { get; set; }

    /// <summary>Whether the event waits in its side's queue for the peer's acknowledgment.</summary>
    public bool AwaitingAck { get; set; }

    /// <summary>
    /// Writes captured payload bytes into the preview at <paramref name="offset"/> bytes from the
    /// start of the event. Bytes beyond the preview, or before the event, are ignored; the preview
    /// shows the part that is filled without a gap, so arrival order and snaplen cuts never reorder it.
    /// </summary>
    public void WritePreview(long offset, ReadOnlySpan<byte> captured)
    {
        if (offset >= PayloadPreview.MaxBytes || offset + captured.Length <= 0)
        {
            return;
        }

        _preview ??= new byte[PayloadPreview.MaxBytes];
        for (int i = 0; i < captured.Length; i++)
        {
            long at = offset + i;
            if (at >= PayloadPreview.MaxBytes)
            {
                break;
            }

            if (at >= 0)
            {
                _preview[at] = captured[i];
                _filled |= 1 << (int)at;
            }
        }
    }

    private int PreviewLength()
    {
        int length = 0;
        while (length < PayloadPreview.MaxBytes && (_filled & (1 << length)) != 0)
        {
            length++;
        }

        return length;
    }

    public FlowEvent ToEvent() => new()
    {
        Kind = Kind,
        Direction = Direction,
        Detail = Kind is EventKind.Data or EventKind.Datagram
            ? new PayloadDetail(_preview is null ? [] : _preview.AsSpan(0, PreviewLength()).ToArray(), HidePreview)
            : Detail,
        Mismatch = Mismatch,
        Acknowledges = Acknowledges,
        Bytes = Bytes,
        Packets = Packets,
        Repeats = Repeats,
        FirstFrame = FirstFrame,
        LastFrame = LastFrame,
        Timestamp = Timestamp,
        AcknowledgedFrame = Acknowledged?.Frame,
        AcknowledgedAt = Acknowledged?.Time,
        CarriedMessages = Messages?.Count ?? 0,
        Records = Records is null ? [] : Records.ToArray(),
    };
}
