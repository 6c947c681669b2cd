using PcapDiff.Core.Model;
using PcapDiff.Core.Normalization;

namespace PcapDiff.Core.Protocols;

/// <summary>One application message found in a TCP stream: where it starts and what it says.</summary>
/// <param name="Offset">
/// Stream offset, in the direction that carried it, of the message's first byte (0 = that direction's
/// first payload byte). Where a message begins a record or packet of its protocol, that is the first
/// byte of the framing: a TLS handshake message at the start of a record starts at the record header.
/// </param>
/// <param name="Detail">
/// The message's fields, holding nothing that differs between two runs of the same activity (no
/// randoms, ids, lengths of random fields).
/// </param>
internal readonly record struct AppMessage(long Offset, EventDetail Detail)
{
    /// <summary>The message as text with its protocol name, <c>TLS ClientHello sni=collector.test</c>.</summary>
    public string Text => EventText.Message(Detail);
}
