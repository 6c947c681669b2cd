using System.Buffers.Binary;

namespace PcapDiff.Core.Decoding;

/// <summary>
/// Finds the IP header in an IEEE 802.11 frame, bare or after a monitor-mode radio header (radiotap,
/// AVS, Prism). Only unprotected data frames carry IP that can be read: their LLC/SNAP header names
/// it. Management and control frames, data frames without a body, encrypted frames, later fragments
/// and A-MSDU aggregates are NotIp.
/// </summary>
internal static class Ieee80211Decoder
{
    private const int RadiotapMinLength = 8; // version, pad, length, first present bitmap
    private const int AvsMinLength = 8; // magic/version, header length
    private const int PrismHeaderLength = 144;
    private const uint AvsMagicV1 = 0x80211001;
    private const uint AvsMagicV2 = 0x80211002;
    private const int FcsLength = 4;

    // Radiotap flags field (present bit 1).
    private const byte FlagFcsAtEnd = 0x10;
    private const byte FlagDataPad = 0x20; // padding between the 802.11 header and the body, to 4 bytes
    private const byte FlagBadFcs = 0x40;

    // Frame control, second byte.
    private const byte ToDsFromDs = 0x03;
    private const byte Protected = 0x40;
    private const byte Order = 0x80;

    private const int DataHeaderLength = 24; // frame control, duration, 3 addresses, sequence control
    private const int Address4Length = 6;
    private const int QosControlLength = 2;
    private const int HtControlLength = 4;
    private const byte QosAmsduPresent = 0x80;

    /// <summary>An 802.11 frame behind a radiotap header; the frame's FCS, if the flags say it is there, is not IP.</summary>
    public static DecodeOutcome FromRadiotap(ReadOnlySpan<byte> frame, ref IpLocation ip)
    {
        if (frame.Length < RadiotapMinLength)
        {
            return DecodeOutcome.Truncated;
        }

        int length = BinaryPrimitives.ReadUInt16LittleEndian(frame[2..]);
        if (frame[0] != 0 || length < RadiotapMinLength)
        {
            return DecodeOutcome.Malformed;
        }

        if (length > frame.Length)
        {
            return DecodeOutcome.Truncated;
        }

        byte flags = RadiotapFlags(frame[..length]);
        if ((flags & FlagBadFcs) != 0)
        {
            // The receiver saw the frame damaged: its bytes are not what was sent.
            return DecodeOutcome.Malformed;
        }

        if ((flags & FlagFcsAtEnd) != 0)
        {
            ip.EndBy(ip.End - FcsLength);
        }

        return FromFrame(frame, length, (flags & FlagDataPad) != 0, ref ip);
    }

    /// <summary>An 802.11 frame behind an AVS header, whose length is its second 4-byte word (big-endian).</summary>
    public static DecodeOutcome FromAvs(ReadOnlySpan<byte> frame, ref IpLocation ip)
    {
        if (frame.Length < AvsMinLength)
        {
            return DecodeOutcome.Truncated;
        }

        uint length = BinaryPrimitives.ReadUInt32BigEndian(frame[4..]);
        if (length < AvsMinLength)
        {
            return DecodeOutcome.Malformed;
        }

        return length > (uint)frame.Length
            ? DecodeOutcome.Truncated
            : FromFrame(frame, (int)length, dataPad: false, ref ip);
    }

    /// <summary>An 802.11 frame behind a Prism header, or behind an AVS header where a driver wrote one instead.</summary>
    public static DecodeOutcome FromPrism(ReadOnlySpan<byte> frame, ref IpLocation ip)
    {
        if (frame.Length >= 4 && BinaryPrimitives.ReadUInt32BigEndian(frame) is AvsMagicV1 or AvsMagicV2)
        {
            return FromAvs(frame, ref ip);
        }

        return frame.Length < PrismHeaderLength
            ? DecodeOutcome.Truncated
            : FromFrame(frame, PrismHeaderLength, dataPad: false, ref ip);
    }

    /// <summary>The 802.11 frame starting at <paramref name="start"/>.</summary>
    public static DecodeOutcome FromFrame(ReadOnlySpan<byte> frame, int start, bool dataPad, ref IpLocation ip)
    {
        if (frame.Length - start < 2)
        {
            return DecodeOutcome.Truncated;
        }

        // Frame control: protocol version (bits 0-1), type (2-3), subtype (4-7); then the flags.
        byte control = frame[start];
        byte flags = frame[start + 1];
        int subtype = control >> 4;
        bool isData = (control & 0x0F) == 0x08; // version 0, type 2
        if (!isData || (subtype & 0x4) != 0 || (flags & Protected) != 0)
        {
            // Not data, a data subtype without a body (null, CF-Ack, CF-Poll, QoS null), or encrypted.
            return DecodeOutcome.NotIp;
        }

        int length = DataHeaderLength;
        if ((flags & ToDsFromDs) == ToDsFromDs)
        {
            length += Address4Length; // a wireless distribution system frame: four addresses
        }

        int qosOffset = start + length;
        bool isQos = (subtype & 0x8) != 0;
        if (isQos)
        {
            length += QosControlLength;
            if ((flags & Order) != 0)
            {
                length += HtControlLength;
            }
        }

        if (frame.Length - start < length)
        {
            return DecodeOutcome.Truncated;
        }

        if ((frame[start + 22] & 0x0F) != 0)
        {
            return DecodeOutcome.NotIp; // a later fragment: no LLC header of its own
        }

        if (isQos && (frame[qosOffset] & QosAmsduPresent) != 0)
        {
            return DecodeOutcome.NotIp; // several packets in one frame, which a record cannot hold
        }

        if (dataPad)
        {
            length = (length + 3) & ~3;
        }

        return EtherTypeDecoder.FollowLlc(frame, start + length, ref ip);
    }

    /// <summary>
    /// The radiotap flags field, 0 when absent. Fields follow the present bitmaps (bit 31 of each says
    /// another follows) in bit order, each aligned to its size from the header's start: the flags
    /// (bit 1) come right after the 8-byte TSFT (bit 0), both in the first, standard bitmap.
    /// </summary>
    private static byte RadiotapFlags(ReadOnlySpan<byte> header)
    {
        uint present = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
        int offset = RadiotapMinLength;
        uint bitmap = present;
        while ((bitmap & 0x8000_0000) != 0)
        {
            if (header.Length - offset < 4)
            {
                return 0;
            }

            bitmap = BinaryPrimitives.ReadUInt32LittleEndian(header[offset..]);
            offset += 4;
        }

        if ((present & 0x2) == 0)
        {
            return 0;
        }

        if ((present & 0x1) != 0)
        {
            offset = ((offset + 7) & ~7) + 8;
        }

        return offset < header.Length ? header[offset] : (byte)0;
    }
}
