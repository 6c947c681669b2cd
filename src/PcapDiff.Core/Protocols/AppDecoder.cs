using PcapDiff.Core.Model;

namespace PcapDiff.Core.Protocols;

/// <summary>Decodes one application protocol from both directions of one TCP connection.</summary>
/// <remarks>
/// A message is reported once it is complete enough to name, so its offset may lie in bytes fed
/// earlier. Feeding a stream in any split gives the same messages as feeding it at once.
/// </remarks>
internal abstract class AppDecoder
{
    /// <summary>Protocol name as shown to users: "TLS", "HTTP", "MQTT".</summary>
    public abstract string Protocol { get; }

    /// <summary>The kind of the events this protocol's messages become.</summary>
    public abstract EventKind Kind { get; }

    /// <summary>
    /// True when the payload bytes differ from run to run even for the same behaviour (TLS: randoms,
    /// keys, ciphertext), so data events show sizes and no preview.
    /// </summary>
    public virtual bool PayloadIsOpaque => false;

    /// <summary>
    /// Feeds the next new, in-order bytes of one direction, which start at stream offset
    /// <paramref name="offset"/> of that direction (0 = first payload byte of that direction), and
    /// appends the messages that became complete enough to name to <paramref name="found"/>.
    /// Bytes already fed are skipped; a jump forward counts as a <see cref="Gap"/>. Never throws.
    /// </summary>
    public abstract void Feed(Direction direction, long offset, ReadOnlySpan<byte> bytes, List<AppMessage> found);

    /// <summary>
    /// Bytes of that direction are missing from here on (lost, or cut by a snaplen): decoding of
    /// that direction stops, as no decoder here can find a message boundary again safely.
    /// </summary>
    public abstract void Gap(Direction direction);

    /// <summary>
    /// Where a decoder that frames its protocol in records (TLS) reports each record that starts in the
    /// bytes fed, when the caller wants them; null when it does not.
    /// </summary>
    public List<TlsRecord>? Records { get; set; }

    /// <summary>0 for the client's direction, 1 for the server's (any other value counts as the server's).</summary>
    protected static int SideOf(Direction direction) => direction == Direction.ClientToServer ? 0 : 1;
}
