using System.Diagnostics.CodeAnalysis;
using PcapDiff.Core.Normalization;

namespace PcapDiff.Core.Model;

/// <summary>
/// One normalized event of a flow. Its meaning is in typed fields: kind, direction, sizes, the decoded
/// message (<see cref="Detail"/>), a wrong TCP number (<see cref="Mismatch"/>). <see cref="Text"/>, its
/// canonical one-line form made from those fields by <see cref="EventText"/>, is what alignment
/// compares and what <c>.flows</c> files store; frames, times and acknowledgments are for display.
/// </summary>
public sealed record FlowEvent
{
    private string? _text;

    /// <summary>Creates an event; set its fields with an object initializer.</summary>
    public FlowEvent()
    {
    }

    /// <summary>Copies an event; the canonical text is made again from the copy's fields.</summary>
    [SetsRequiredMembers]
    private FlowEvent(FlowEvent original)
    {
        Kind = original.Kind;
        Direction = original.Direction;
        Detail = original.Detail;
        Mismatch = original.Mismatch;
        Acknowledges = original.Acknowledges;
        Bytes = original.Bytes;
        Packets = original.Packets;
        Repeats = original.Repeats;
        FirstFrame = original.FirstFrame;
        LastFrame = original.LastFrame;
        Timestamp = original.Timestamp;
        AcknowledgedFrame = original.AcknowledgedFrame;
        AcknowledgedAt = original.AcknowledgedAt;
        CarriedMessages = original.CarriedMessages;
        Records = original.Records;
    }

    /// <summary>What happened.</summary>
    public required EventKind Kind { get; init; }

    /// <summary>Who sent it.</summary>
    public required Direction Direction { get; init; }

    /// <summary>The decoded content: payload preview, DNS, TLS, HTTP, MQTT message or ICMP error; null for bare TCP flags and echoes.</summary>
    internal EventDetail? Detail { get; init; }

    /// <summary>A TCP number the peer did not expect (a handshake ACK off by one, …); null when every number is as expected.</summary>
    internal SequenceMismatch? Mismatch { get; init; }

    /// <summary>For a pure ACK: what makes it an event.</summary>
    internal AckMeaning? Acknowledges { get; init; }

    /// <summary>Payload bytes (DATA, DGRAM; new bytes only, retransmissions not counted twice).</summary>
    public long Bytes { get; init; }

    /// <summary>Packets that make up the event (segments or datagrams coalesced into it, repeats included).</summary>
    public int Packets { get; init; }

    /// <summary>Packets in the event that repeated what was already sent (retransmissions, SYN retries, repeated RSTs).</summary>
    public int Repeats { get; init; }

    /// <summary>First frame of the event in its capture.</summary>
    public required long FirstFrame { get; init; }

    /// <summary>Last frame of the event in its capture.</summary>
    public required long LastFrame { get; init; }

    /// <summary>Time of the first frame; display only (<see cref="DateTime.MinValue"/> when unknown, as in a <c>.flows</c> file).</summary>
    public required DateTime Timestamp { get; init; }

    /// <summary>
    /// TCP DATA, SYN and FIN: the frame in which the peer first acknowledged all of it, even where that
    /// ACK is no event of its own (a later packet of the peer said the same); null when it never did.
    /// </summary>
    public long? AcknowledgedFrame { get; init; }

    /// <summary>The time of <see cref="AcknowledgedFrame"/>.</summary>
    public DateTime? AcknowledgedAt { get; init; }

    /// <summary>For DATA: how many protocol events (TLS, HTTP, MQTT) found in its bytes come just before it.</summary>
    public int CarriedMessages { get; init; }

    /// <summary>For TLS DATA: the records that start in its bytes, as their headers give them (the first records of each direction only).</summary>
    internal IReadOnlyList<TlsRecord> Records { get; init; } = [];

    /// <summary>The canonical text, e.g. <c>C→S DATA 5B "hoge\n"</c>: direction, kind and what matters.</summary>
    public string Text => _text ??= EventText.Of(this);

    /// <summary>The direction as the text writes it: <c>C→S</c> or <c>S→C</c>.</summary>
    public string Arrow => EventText.Arrow(Direction);

    /// <summary>How often the event's packets were sent again, in one wording everywhere: <c>sent 3 times</c>, <c>2 segments sent again</c>; null when never.</summary>
    public string? RepeatsNote => EventText.Repeats(this);

    /// <summary>Display-only words about the event that are no part of its text: who sent an ICMP error, what a pure ACK acknowledges; null when none.</summary>
    public string? Note => EventText.Note(this);

    /// <summary>True when the other event says the same: the same canonical text (frames, times and repeats aside).</summary>
    public bool SameAs(FlowEvent other) => string.Equals(Text, other.Text, StringComparison.Ordinal);

    /// <summary>True when the time of the event is known (a capture, not a <c>.flows</c> file).</summary>
    public bool HasTime => Timestamp != DateTime.MinValue;

    /// <summary>Events are things that happened at one place in a capture: two are equal only when they are the same event.</summary>
    /// <param name="other">The other event.</param>
    public bool Equals(FlowEvent? other) => ReferenceEquals(this, other);

    /// <inheritdoc />
    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);

    /// <inheritdoc />
    public override string ToString() => Text;
}
