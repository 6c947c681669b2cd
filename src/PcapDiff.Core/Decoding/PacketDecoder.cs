using PcapDiff.Core.Model;

namespace PcapDiff.Core.Decoding;

/// <summary>
/// Decodes one captured frame into a <see cref="PacketRecord"/>: the link layer, IPv4 or IPv6 (with
/// extension headers), then TCP, UDP, ICMP or ICMPv6. Allocates nothing and never throws, whatever
/// the bytes.
/// </summary>
internal static class PacketDecoder
{
    /// <summary>Decodes one frame.</summary>
    /// <param name="linkType">The capture's link type.</param>
    /// <param name="frame">The captured bytes of the frame.</param>
    /// <param name="frameLength">The frame's length on the wire (at least the captured length in a sane file).</param>
    /// <param name="frameNumber">The 1-based frame number, copied to the record.</param>
    /// <param name="timestamp">The capture time (UTC), copied to the record.</param>
    /// <param name="record">
    /// The decoded packet when the outcome is <see cref="DecodeOutcome.Decoded"/>; otherwise only
    /// the frame number, timestamp and frame length are set.
    /// </param>
    /// <param name="payload">
    /// The captured part of the transport payload (TCP segment data, UDP datagram data, the ICMP
    /// body, or the upper-layer bytes of another protocol): never longer than
    /// <see cref="PacketRecord.PayloadLength"/>, empty when nothing of it was captured.
    /// </param>
    /// <returns>What became of the frame.</returns>
    public static DecodeOutcome Decode(
        LinkType linkType,
        ReadOnlySpan<byte> frame,
        int frameLength,
        long frameNumber,
        DateTime timestamp,
        out PacketRecord record,
        out ReadOnlySpan<byte> payload)
    {
        payload = default;
        // A sane file never has fewer bytes on the wire than captured; a damaged one may.
        int wireLength = Math.Max(frameLength, frame.Length);
        DecodeOutcome outcome = LinkLayerDecoder.Locate(linkType, frame, wireLength, out IpLocation ip);
        var fields = default(PacketFields);
        if (outcome == DecodeOutcome.Decoded)
        {
            ReadOnlySpan<byte> packet = frame[ip.Offset..Math.Min(frame.Length, ip.End)];
            outcome = IpDecoder.Decode(packet, ip.End - ip.Offset, ip.Version, ref fields, out payload);
        }

        if (outcome != DecodeOutcome.Decoded)
        {
            payload = default;
            record = new PacketRecord { FrameNumber = frameNumber, Timestamp = timestamp, FrameLength = frameLength };
            return outcome;
        }

        record = new PacketRecord
        {
            FrameNumber = frameNumber,
            Timestamp = timestamp,
            FrameLength = frameLength,
            IpVersion = fields.IpVersion,
            Protocol = fields.Protocol,
            Source = new Endpoint(fields.SourceAddress, fields.SourcePort),
            Destination = new Endpoint(fields.DestinationAddress, fields.DestinationPort),
            Flags = fields.Flags,
            Sequence = fields.Sequence,
            Acknowledgment = fields.Acknowledgment,
            Window = fields.Window,
            PayloadLength = fields.PayloadLength,
            IcmpType = fields.IcmpType,
            IcmpCode = fields.IcmpCode,
            IcmpIdentifier = fields.IcmpIdentifier,
            Quoted = fields.Quoted,
            IsFragment = fields.IsFragment,
        };
        return outcome;
    }
}
