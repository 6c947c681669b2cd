using PcapDiff.Core.Model;

namespace PcapDiff.Core.Reporting.Hints;

/// <summary>A handshake packet acknowledged the wrong sequence number (a hand-made TCP stack off by one).</summary>
internal sealed class HandshakeAckMismatchRule : IHintRule
{
    /// <inheritdoc />
    public IReadOnlyList<string> Ids { get; } = ["handshake-ack-mismatch"];

    /// <inheritdoc />
    public Hint? Match(Flow flow)
    {
        var wrong = flow.Events.FirstOrDefault(e => e.Mismatch is not null && e.Kind is EventKind.Ack or EventKind.SynAck or EventKind.Data);
        if (wrong?.Mismatch is not { } mismatch)
        {
            return null;
        }

        string sender = EventPhrases.Actor(wrong.Direction);
        string peer = EventPhrases.Peer(wrong.Direction);
        string what = (wrong.Kind, mismatch.Field) switch
        {
            (EventKind.SynAck, _) => "The SYN-ACK must acknowledge the SYN's sequence number plus one",
            (_, TcpNumber.Acknowledgment) => "The third packet of the handshake must acknowledge the SYN-ACK's sequence number plus one",
            _ => "The first data byte must come right after the SYN, whose sequence number it cannot reuse",
        };
        var answer = flow.Events.SkipWhile(e => !ReferenceEquals(e, wrong)).Skip(1).FirstOrDefault(e => e.Direction != wrong.Direction);
        string then = answer is { Kind: EventKind.Rst } ? $" The {peer} answered it with RST." : string.Empty;
        return Hint.From(
            "handshake-ack-mismatch",
            $"The {sender}'s {Normalization.EventText.Keyword(wrong.Kind)} carried {EventPhrases.Number(mismatch)}",
            $"{what} (relative {mismatch.Expected}); this one carried {mismatch.Value}, so the {peer} does not take it as part of the connection.{then} "
            + "A TCP stack written by hand (raw sockets, Scapy, a test tool) computed the number wrong: check how the client derives its "
            + "acknowledgment from the SYN-ACK (seq + 1) and its first sequence number from its SYN (ISN + 1).",
            answer is null ? [wrong] : [wrong, answer]);
    }
}
