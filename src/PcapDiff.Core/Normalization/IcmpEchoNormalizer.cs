using PcapDiff.Core.Model;

namespace PcapDiff.Core.Normalization;

/// <summary>ICMP echo (ping) flows: one event per request and reply.</summary>
internal sealed class IcmpEchoNormalizer(NormalizationOptions options) : FlowNormalizer(options)
{
    public override void Add(in PacketRecord packet, Direction direction, ReadOnlySpan<byte> payload)
    {
        var kind = IcmpNames.IsEchoRequest(packet.Protocol, packet.IcmpType) ? EventKind.EchoRequest : EventKind.EchoReply;
        var draft = Events.Add(kind, direction, packet);
        if (draft is not null)
        {
            draft.Bytes = packet.PayloadLength;
        }
    }
}
