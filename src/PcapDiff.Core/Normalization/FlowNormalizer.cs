using PcapDiff.Core.Model;

namespace PcapDiff.Core.Normalization;

/// <summary>
/// Turns the packets of one flow into its normalized events, one packet at a time, so nothing
/// holds packets: memory grows with events, not packets.
/// </summary>
internal abstract class FlowNormalizer(NormalizationOptions options)
{
    protected EventSequence Events { get; } = new(options.MaxEventsPerFlow);

    /// <summary>Whether the flow was recognised as DNS.</summary>
    public virtual bool IsDns => false;

    /// <summary>The first DNS name queried in the flow, if any.</summary>
    public virtual string? QueryName => null;

    public bool Capped => Events.Capped;

    public abstract void Add(in PacketRecord packet, Direction direction, ReadOnlySpan<byte> payload);

    /// <summary>Adds an ICMP error that quotes a packet of this flow.</summary>
    public void AddIcmpError(in PacketRecord packet, Direction direction)
    {
        var draft = Events.Add(EventKind.IcmpError, direction, packet);
        if (draft is not null)
        {
            draft.Detail = new IcmpErrorDetail(IcmpNames.ErrorName(packet.Protocol, packet.IcmpType, packet.IcmpCode), packet.Source.Address);
        }
    }

    /// <summary>Finishes the flow: the events in order.</summary>
    public virtual NormalizedFlow Finish() => new(Events.ToEvents(), Events.Capped);
}
