namespace PcapDiff.Core.Model;

/// <summary>
/// One normalized event of a flow. <see cref="Text"/> is its canonical one-line form, the only thing
/// alignment compares; frames, times and annotations are for display.
/// </summary>
public sealed record FlowEvent
{
    /// <summary>What happened.</summary>
    public required EventKind Kind { get; init; }

    /// <summary>Who sent it.</summary>
    public required Direction Direction { get; init; }

    /// <summary>The canonical text, e.g. <c>C→S DATA 5B "hoge\n"</c>: direction, kind and what matters.</summary>
    public required string Text { get; init; }

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

    /// <summary>Time of the first frame; display only.</summary>
    public required DateTime Timestamp { get; init; }

    /// <summary>Display-only detail that must not cause a divergence (e.g. the address an ICMP error came from).</summary>
    public string? Note { get; init; }

    /// <inheritdoc />
    public override string ToString() => Text;
}
