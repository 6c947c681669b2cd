using System.Buffers.Binary;
using System.Text;
using PacketDotNet;
using PcapDiff.Core.Decoding;
using PcapDiff.Core.Model;
using static PcapDiff.Core.Tests.Decoding.FrameBuilder;
using TcpFlags = PcapDiff.Core.Model.TcpFlags;

namespace PcapDiff.Core.Tests.Decoding;

public class PacketDecoderTests
{
    private const ushort EtherTypeIPv4 = 0x0800;
    private const ushort EtherTypeIPv6 = 0x86DD;
    private const ushort EtherTypeMpls = 0x8847;
    private const ushort EtherTypePppoe = 0x8864;
    private const ushort PppIPv4 = 0x0021;
    private const ushort PppIPv6 = 0x0057;
    private const long FrameNumber = 7;

    private static readonly DateTime When = new(2025, 1, 2, 3, 4, 5, DateTimeKind.Utc);
    private static readonly byte[] Hoge = Encoding.ASCII.GetBytes("hoge\n");

    // MSS 1460, NOP, window scale 7, SACK permitted, NOP, NOP: 12 bytes.
    private static readonly byte[] SynOptions = [2, 4, 0x05, 0xB4, 1, 3, 3, 7, 4, 2, 1, 1];

    public static TheoryData<string, LinkType, byte[], byte> WrappedFrames()
    {
        var data = new TheoryData<string, LinkType, byte[], byte>();
        foreach (var (name, linkType, frame, ipVersion) in HogeFrames())
        {
            data.Add(name, linkType, frame, ipVersion);
        }

        return data;
    }

    public static TheoryData<string, LinkType, byte[]> FramesWithoutIp()
    {
        var data = new TheoryData<string, LinkType, byte[]>();
        foreach (var (name, linkType, frame) in NotIpFrames())
        {
            data.Add(name, linkType, frame);
        }

        return data;
    }

    [Fact]
    public void Should_DecodeEveryTcpField_When_EthernetFrameCarriesIPv4Tcp()
    {
        byte[] frame = Ethernet(IPv4(HogeSegment()));

        var (outcome, record, payload) = Decode(LinkType.Ethernet, frame);

        Assert.Equal(DecodeOutcome.Decoded, outcome);
        Assert.Equal(ExpectedHogeRecord(4, frame.Length), record);
        Assert.Equal(Hoge, payload);
    }

    [Theory]
    [MemberData(nameof(WrappedFrames))]
    public void Should_FindTheIpHeader_When_LinkTypeIs(string name, LinkType linkType, byte[] frame, byte ipVersion)
    {
        var (outcome, record, payload) = Decode(linkType, frame);

        Assert.True(outcome == DecodeOutcome.Decoded, $"{name}: {outcome}");
        Assert.Equal(ExpectedHogeRecord(ipVersion, frame.Length), record);
        Assert.Equal(Hoge, payload);
    }

    [Theory]
    [InlineData(new ushort[] { 0x8100 })]
    [InlineData(new ushort[] { 0x88A8, 0x8100 })]
    [InlineData(new ushort[] { 0x9100, 0x8100 })]
    [InlineData(new ushort[] { 0x88A8, 0x8100, 0x8100 })]
    public void Should_SkipVlanTags_When_FrameIsTagged(ushort[] tags)
    {
        byte[] frame = EthernetWithTags(IPv4(HogeSegment()).Bytes, EtherTypeIPv4, tags);

        var (outcome, record, payload) = Decode(LinkType.Ethernet, frame);

        Assert.Equal(DecodeOutcome.Decoded, outcome);
        Assert.Equal(ExpectedHogeRecord(4, frame.Length), record);
        Assert.Equal(Hoge, payload);
    }

    [Fact]
    public void Should_SkipTcpOptions_When_HeaderIsLongerThan20Bytes()
    {
        byte[] data = Encoding.ASCII.GetBytes("abc");
        byte[] frame = Ethernet(IPv4(Tcp(40000, 8514, 1, 0, TcpFlags.Syn | TcpFlags.Ece | TcpFlags.Cwr, 64240, data, SynOptions)));

        var (outcome, record, payload) = Decode(LinkType.Ethernet, frame);

        Assert.Equal(DecodeOutcome.Decoded, outcome);
        Assert.Equal(TcpFlags.Syn | TcpFlags.Ece | TcpFlags.Cwr, record.Flags);
        Assert.Equal(1u, record.Sequence);
        Assert.Equal(64240, record.Window);
        Assert.Equal(3, record.PayloadLength);
        Assert.Equal(data, payload);
    }

    [Fact]
    public void Should_WalkExtensionHeaders_When_IPv6HasHopByHopDestinationAndAuthenticationHeaders()
    {
        byte[] hopByHop = [0, 0, 1, 4, 0, 0, 0, 0]; // PadN
        byte[] destination = [0, 1, 1, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]; // 16 bytes
        byte[] authentication = new byte[24];
        authentication[1] = 4; // (4 + 2) * 4 = 24 bytes
        byte[] ip = IPv6WithExtensions(HogeSegment(), 6, (0, hopByHop), (60, destination), (51, authentication));
        byte[] frame = EthernetWithTags(ip, EtherTypeIPv6);

        var (outcome, record, payload) = Decode(LinkType.Ethernet, frame);

        Assert.Equal(DecodeOutcome.Decoded, outcome);
        Assert.Equal(ExpectedHogeRecord(6, frame.Length), record);
        Assert.Equal(Hoge, payload);
    }

    [Fact]
    public void Should_DecodePortsAndLength_When_PacketIsUdp()
    {
        byte[] query = new byte[29];
        byte[] frame = Ethernet(IPv4(Udp(40000, 53, query)));

        var (outcome, record, payload) = Decode(LinkType.Ethernet, frame);

        Assert.Equal(DecodeOutcome.Decoded, outcome);
        Assert.Equal(
            new PacketRecord
            {
                FrameNumber = FrameNumber,
                Timestamp = When,
                FrameLength = frame.Length,
                IpVersion = 4,
                Protocol = Transport.Udp,
                Source = new Endpoint(IpAddress.Parse(ClientV4), 40000),
                Destination = new Endpoint(IpAddress.Parse(ServerV4), 53),
                PayloadLength = 29,
            },
            record);
        Assert.Equal(query, payload);
    }

    [Fact]
    public void Should_DecodeUdp_When_CarriedByIPv6()
    {
        byte[] frame = Ethernet(IPv6(Udp(5353, 5353, Hoge)));

        var (outcome, record, payload) = Decode(LinkType.Ethernet, frame);

        Assert.Equal(DecodeOutcome.Decoded, outcome);
        Assert.Equal(6, record.IpVersion);
        Assert.Equal(Transport.Udp, record.Protocol);
        Assert.Equal(new Endpoint(IpAddress.Parse(ClientV6), 5353), record.Source);
        Assert.Equal(new Endpoint(IpAddress.Parse(ServerV6), 5353), record.Destination);
        Assert.Equal(5, record.PayloadLength);
        Assert.Equal(Hoge, payload);
    }

    [Theory]
    [InlineData(IcmpV4TypeCode.EchoRequest, 8)]
    [InlineData(IcmpV4TypeCode.EchoReply, 0)]
    public void Should_ReadTheIdentifier_When_IcmpIsAnEcho(IcmpV4TypeCode typeCode, byte type)
    {
        byte[] data = new byte[32];
        byte[] frame = Ethernet(IPv4(IcmpV4(typeCode, 0x4242, 7, data)));

        var (outcome, record, payload) = Decode(LinkType.Ethernet, frame);

        Assert.Equal(DecodeOutcome.Decoded, outcome);
        Assert.Equal(
            new PacketRecord
            {
                FrameNumber = FrameNumber,
                Timestamp = When,
                FrameLength = frame.Length,
                IpVersion = 4,
                Protocol = Transport.Icmp,
                Source = new Endpoint(IpAddress.Parse(ClientV4), 0),
                Destination = new Endpoint(IpAddress.Parse(ServerV4), 0),
                PayloadLength = 32,
                IcmpType = type,
                IcmpCode = 0,
                IcmpIdentifier = 0x4242,
            },
            record);
        Assert.Equal(data, payload);
    }

    [Fact]
    public void Should_DecodeTheQuotedHeader_When_IcmpPortUnreachableQuotesUdp()
    {
        // The collector's host answers a datagram to a closed port: it quotes the IP header and the
        // first 8 bytes of the datagram.
        byte[] offending = IPv4(Udp(40000, 8514, Hoge)).Bytes;
        byte[] quote = offending[..28];
        byte[] frame = Ethernet(IPv4(IcmpV4(IcmpV4TypeCode.UnreachablePort, 0, 0, quote), ServerV4, ClientV4));

        var (outcome, record, _) = Decode(LinkType.Ethernet, frame);

        Assert.Equal(DecodeOutcome.Decoded, outcome);
        Assert.Equal(Transport.Icmp, record.Protocol);
        Assert.Equal(3, record.IcmpType);
        Assert.Equal(3, record.IcmpCode);
        Assert.Equal(0, record.IcmpIdentifier);
        Assert.Equal(28, record.PayloadLength);
        Assert.Equal(
            new QuotedHeader(
                Transport.Udp,
                new Endpoint(IpAddress.Parse(ClientV4), 40000),
                new Endpoint(IpAddress.Parse(ServerV4), 8514)),
            record.Quoted);
    }

    [Fact]
    public void Should_DecodeTheQuotedHeader_When_IcmpTimeExceededQuotesTcp()
    {
        byte[] quote = IPv4(HogeSegment()).Bytes[..28];
        byte[] frame = Ethernet(IPv4(IcmpV4(IcmpV4TypeCode.TimeExceeded, 0, 0, quote), "203.0.113.1", ClientV4));

        var (_, record, _) = Decode(LinkType.Ethernet, frame);

        Assert.Equal(11, record.IcmpType);
        Assert.Equal(
            new QuotedHeader(
                Transport.Tcp,
                new Endpoint(IpAddress.Parse(ClientV4), 40000),
                new Endpoint(IpAddress.Parse(ServerV4), 8514)),
            record.Quoted);
    }

    [Fact]
    public void Should_LeaveQuotedNull_When_TheQuoteStopsBeforeThePorts()
    {
        byte[] quote = IPv4(Udp(40000, 8514, Hoge)).Bytes[..22];
        byte[] frame = Ethernet(IPv4(IcmpV4(IcmpV4TypeCode.UnreachablePort, 0, 0, quote), ServerV4, ClientV4));

        var (outcome, record, _) = Decode(LinkType.Ethernet, frame);

        Assert.Equal(DecodeOutcome.Decoded, outcome);
        Assert.Equal(3, record.IcmpType);
        Assert.Null(record.Quoted);
    }

    [Fact]
    public void Should_ReadTheIdentifier_When_Icmpv6IsAnEchoRequest()
    {
        byte[] body = new byte[16];
        byte[] frame = Ethernet(IPv6(IcmpV6(128, 0, (0x1234u << 16) | 1, body)));

        var (outcome, record, payload) = Decode(LinkType.Ethernet, frame);

        Assert.Equal(DecodeOutcome.Decoded, outcome);
        Assert.Equal(Transport.Icmpv6, record.Protocol);
        Assert.Equal(128, record.IcmpType);
        Assert.Equal(0x1234, record.IcmpIdentifier);
        Assert.Equal(16, record.PayloadLength);
        Assert.Equal(body, payload);
        Assert.Null(record.Quoted);
    }

    [Fact]
    public void Should_DecodeTheQuotedHeader_When_Icmpv6PortUnreachableQuotesUdp()
    {
        byte[] offending = IPv6(Udp(40000, 8514, Hoge)).Bytes;
        byte[] frame = Ethernet(IPv6(IcmpV6(1, 4, 0, offending), ServerV6, ClientV6));

        var (_, record, _) = Decode(LinkType.Ethernet, frame);

        Assert.Equal(1, record.IcmpType);
        Assert.Equal(4, record.IcmpCode);
        Assert.Equal(offending.Length, record.PayloadLength);
        Assert.Equal(
            new QuotedHeader(
                Transport.Udp,
                new Endpoint(IpAddress.Parse(ClientV6), 40000),
                new Endpoint(IpAddress.Parse(ServerV6), 8514)),
            record.Quoted);
    }

    [Fact]
    public void Should_TakeLengthsFromTheHeaders_When_SnaplenCutThePayload()
    {
        byte[] data = Enumerable.Range(0, 100).Select(i => (byte)i).ToArray();
        byte[] whole = Ethernet(IPv4(Tcp(40000, 8514, 5, 6, TcpFlags.Psh | TcpFlags.Ack, 502, data)));
        byte[] frame = whole[..64]; // 14 + 20 + 20 + 10

        var (outcome, record, payload) = Decode(LinkType.Ethernet, frame, frameLength: whole.Length);

        Assert.Equal(DecodeOutcome.Decoded, outcome);
        Assert.Equal(whole.Length, record.FrameLength);
        Assert.Equal(100, record.PayloadLength);
        Assert.Equal(data[..10], payload);
    }

    [Fact]
    public void Should_DecodeTheFixedHeader_When_SnaplenCutTheTcpOptions()
    {
        byte[] whole = Ethernet(IPv4(Tcp(40000, 8514, 1, 0, TcpFlags.Syn, 64240, options: SynOptions)));
        byte[] frame = whole[..58]; // 14 + 20 + 24 of a 32-byte TCP header

        var (outcome, record, payload) = Decode(LinkType.Ethernet, frame, frameLength: whole.Length);

        Assert.Equal(DecodeOutcome.Decoded, outcome);
        Assert.Equal(TcpFlags.Syn, record.Flags);
        Assert.Equal(0, record.PayloadLength);
        Assert.True(payload.Length == 0);
    }

    [Theory]
    [InlineData(10)] // inside the Ethernet header
    [InlineData(14 + 12)] // inside the IP header
    [InlineData(14 + 20 + 10)] // inside the TCP header
    [InlineData(14 + 20)] // right after the IP header
    public void Should_ReportTruncated_When_SnaplenCutTheHeaders(int captured)
    {
        byte[] whole = Ethernet(IPv4(HogeSegment()));

        var (outcome, record, payload) = Decode(LinkType.Ethernet, whole[..captured], frameLength: whole.Length);

        Assert.Equal(DecodeOutcome.Truncated, outcome);
        Assert.Equal(new PacketRecord { FrameNumber = FrameNumber, Timestamp = When, FrameLength = whole.Length }, record);
        Assert.True(payload.Length == 0);
    }

    [Theory]
    [InlineData(14 + 20 + 4)] // UDP header cut
    [InlineData(14 + 40 + 4)] // ICMPv6 header cut
    public void Should_ReportTruncated_When_SnaplenCutUdpOrIcmpHeaders(int captured)
    {
        byte[] whole = captured < 54 ? Ethernet(IPv4(Udp(1, 2, Hoge))) : Ethernet(IPv6(IcmpV6(128, 0, 1, Hoge)));

        var (outcome, _, _) = Decode(LinkType.Ethernet, whole[..captured], frameLength: whole.Length);

        Assert.Equal(DecodeOutcome.Truncated, outcome);
    }

    [Fact]
    public void Should_MarkAFragment_When_IPv4FragmentOffsetIsNotZero()
    {
        IPv4Packet ip = IPv4(Udp(40000, 53, new byte[100]));
        ip.FragmentOffset = 185;
        byte[] frame = Ethernet(ip);

        var (outcome, record, payload) = Decode(LinkType.Ethernet, frame);

        Assert.Equal(DecodeOutcome.Decoded, outcome);
        Assert.Equal(
            new PacketRecord
            {
                FrameNumber = FrameNumber,
                Timestamp = When,
                FrameLength = frame.Length,
                IpVersion = 4,
                Protocol = Transport.Udp,
                Source = new Endpoint(IpAddress.Parse(ClientV4), 0),
                Destination = new Endpoint(IpAddress.Parse(ServerV4), 0),
                PayloadLength = 108,
                IsFragment = true,
            },
            record);
        Assert.True(payload.Length == 0);
    }

    [Fact]
    public void Should_DecodeTheTransport_When_PacketIsTheFirstFragment()
    {
        IPv4Packet ip = IPv4(Udp(40000, 53, new byte[100]));
        ip.FragmentFlags = 1; // more fragments
        byte[] frame = Ethernet(ip);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(14 + 20 + 4), 3000); // the whole datagram's length

        var (outcome, record, _) = Decode(LinkType.Ethernet, frame);

        Assert.Equal(DecodeOutcome.Decoded, outcome);
        Assert.False(record.IsFragment);
        Assert.Equal(53, record.Destination.Port);
        Assert.Equal(100, record.PayloadLength); // this fragment's share; the later ones count their own
    }

    [Fact]
    public void Should_MarkAFragment_When_IPv6FragmentHeaderHasAnOffset()
    {
        UdpPacket data = Udp(40000, 53, new byte[92]);
        byte[] fragment = [0, 0, 0x05, 0xC8, 0, 0, 0, 1]; // offset 185 (1480 bytes), id 1
        byte[] frame = EthernetWithTags(IPv6WithExtensions(data, 17, (44, fragment)), EtherTypeIPv6);

        var (outcome, record, _) = Decode(LinkType.Ethernet, frame);

        Assert.Equal(DecodeOutcome.Decoded, outcome);
        Assert.True(record.IsFragment);
        Assert.Equal(Transport.Udp, record.Protocol);
        Assert.Equal(100, record.PayloadLength);
        Assert.Equal(0, record.Source.Port);
    }

    [Fact]
    public void Should_DecodeTheTransport_When_IPv6FragmentHeaderIsTheFirstFragment()
    {
        byte[] fragment = [0, 0, 0x00, 0x01, 0, 0, 0, 1]; // offset 0, more fragments
        byte[] frame = EthernetWithTags(IPv6WithExtensions(HogeSegment(), 6, (44, fragment)), EtherTypeIPv6);

        var (outcome, record, payload) = Decode(LinkType.Ethernet, frame);

        Assert.Equal(DecodeOutcome.Decoded, outcome);
        Assert.Equal(ExpectedHogeRecord(6, frame.Length), record);
        Assert.Equal(Hoge, payload);
    }

    [Fact]
    public void Should_DecodeEveryTcpField_When_RadiotapCarriesQosDataWithSnap()
    {
        // A station's QoS data frame to its access point, as a monitor-mode interface records it:
        // radiotap (TSFT, flags saying an FCS ends the frame, rate), 802.11, LLC/SNAP, IPv4, TCP, FCS.
        byte[] ieee80211 = Ieee80211Data(Snap(IPv4(HogeSegment()).Bytes, EtherTypeIPv4), subtype: 8, qosControl: 0x06, fcs: true);
        byte[] frame = Radiotap(ieee80211, flags: 0x10);

        var (outcome, record, payload) = Decode(LinkType.Ieee80211Radiotap, frame);

        Assert.Equal(DecodeOutcome.Decoded, outcome);
        Assert.Equal(ExpectedHogeRecord(4, frame.Length), record);
        Assert.Equal(Hoge, payload);
    }

    [Fact]
    public void Should_LeaveTheFcsOut_When_RadiotapFlagsSayTheFrameEndsInOne()
    {
        // With no IPv6 payload length to go by, the frame's end is the witness: the FCS is not payload.
        byte[] ip = IPv6(HogeSegment()).Bytes;
        BinaryPrimitives.WriteUInt16BigEndian(ip.AsSpan(4), 0);
        byte[] frame = Radiotap(Ieee80211Data(Snap(ip, EtherTypeIPv6), subtype: 8, fcs: true), flags: 0x10);

        var (outcome, record, payload) = Decode(LinkType.Ieee80211Radiotap, frame);

        Assert.Equal(DecodeOutcome.Decoded, outcome);
        Assert.Equal(ExpectedHogeRecord(6, frame.Length), record);
        Assert.Equal(Hoge, payload);
    }

    [Fact]
    public void Should_DecodeAFourAddressFrame_When_ToDsAndFromDsAreBothSet()
    {
        byte[] frame = Ieee80211Data(Snap(IPv6(HogeSegment()).Bytes, EtherTypeIPv6), subtype: 8, flags: 0x03);

        var (outcome, record, payload) = Decode(LinkType.Ieee80211, frame);

        Assert.Equal(DecodeOutcome.Decoded, outcome);
        Assert.Equal(ExpectedHogeRecord(6, frame.Length), record);
        Assert.Equal(Hoge, payload);
    }

    [Theory]
    [InlineData(LinkType.Ieee80211)]
    [InlineData(LinkType.Ieee80211Radiotap)]
    public void Should_ReportNotIp_When_The80211FrameIsProtected(LinkType linkType)
    {
        byte[] ieee80211 = Ieee80211Data(Snap(IPv4(HogeSegment()).Bytes, EtherTypeIPv4), subtype: 8, flags: 0x41);
        byte[] frame = linkType == LinkType.Ieee80211 ? ieee80211 : Radiotap(ieee80211, flags: 0);

        var (outcome, record, payload) = Decode(linkType, frame);

        Assert.Equal(DecodeOutcome.NotIp, outcome);
        Assert.Equal(new PacketRecord { FrameNumber = FrameNumber, Timestamp = When, FrameLength = frame.Length }, record);
        Assert.True(payload.Length == 0);
    }

    [Fact]
    public void Should_ReportMalformed_When_RadiotapFlagsSayTheFcsIsBad()
    {
        byte[] frame = Radiotap(Ieee80211Data(Snap(IPv4(HogeSegment()).Bytes, EtherTypeIPv4), fcs: true), flags: 0x50);

        var (outcome, _, _) = Decode(LinkType.Ieee80211Radiotap, frame);

        Assert.Equal(DecodeOutcome.Malformed, outcome);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void Should_DecodePpp_When_AddressControlAndProtocolCompressionVary(bool addressAndControl, bool compressProtocol)
    {
        byte[] frame = Ppp(IPv4(HogeSegment()).Bytes, PppIPv4, addressAndControl, compressProtocol);

        var (outcome, record, payload) = Decode(LinkType.Ppp, frame);

        Assert.Equal(addressAndControl ? 0xFF : compressProtocol ? 0x21 : 0x00, frame[0]);
        Assert.Equal(DecodeOutcome.Decoded, outcome);
        Assert.Equal(ExpectedHogeRecord(4, frame.Length), record);
        Assert.Equal(Hoge, payload);
    }

    [Fact]
    public void Should_DecodeTheMplsPayload_When_PppCarriesMpls()
    {
        // An LSP ping or traceroute over a PPP link: PPP protocol 0x0281, one label, IPv4.
        byte[] frame = Ppp(Mpls(IPv4(Udp(42315, 33435, new byte[12])).Bytes, 100704), 0x0281, addressAndControl: true);

        var (outcome, record, _) = Decode(LinkType.Ppp, frame);

        Assert.Equal(DecodeOutcome.Decoded, outcome);
        Assert.Equal(Transport.Udp, record.Protocol);
        Assert.Equal(new Endpoint(IpAddress.Parse(ServerV4), 33435), record.Destination);
        Assert.Equal(12, record.PayloadLength);
    }

    [Fact]
    public void Should_DecodeTheIpPacket_When_NflogHasAnAttributeAfterThePayload()
    {
        // The payload attribute's length bounds the packet: the uid attribute after it is not payload.
        byte[] ip = IPv6(HogeSegment()).Bytes;
        BinaryPrimitives.WriteUInt16BigEndian(ip.AsSpan(4), 0);
        byte[] frame = Nflog(ip, 10, attributeAfterPayload: true);

        var (outcome, record, payload) = Decode(LinkType.Nflog, frame);

        Assert.Equal(DecodeOutcome.Decoded, outcome);
        Assert.Equal(ExpectedHogeRecord(6, frame.Length), record);
        Assert.Equal(Hoge, payload);
    }

    [Theory]
    [InlineData(2)] // shorter than its own header
    [InlineData(400)] // past the end of the message
    public void Should_ReportMalformed_When_AnNflogAttributeLengthIsImpossible(ushort length)
    {
        byte[] frame = Nflog(IPv4(HogeSegment()).Bytes, 2);
        BitConverter.TryWriteBytes(frame.AsSpan(4, 2), length);

        var (outcome, _, _) = Decode(LinkType.Nflog, frame);

        Assert.Equal(DecodeOutcome.Malformed, outcome);
    }

    [Fact]
    public void Should_DecodeEveryTcpField_When_EthernetCarriesPppoe()
    {
        byte[] frame = EthernetWithTags(Pppoe(IPv4(HogeSegment()).Bytes, PppIPv4), EtherTypePppoe);

        var (outcome, record, payload) = Decode(LinkType.Ethernet, frame);

        Assert.Equal(DecodeOutcome.Decoded, outcome);
        Assert.Equal(ExpectedHogeRecord(4, frame.Length), record);
        Assert.Equal(Hoge, payload);
    }

    [Fact]
    public void Should_BoundThePacketByThePppoeLength_When_TheIpHeaderClaimsMore()
    {
        // As in a real trace: the IPv4 total length counts 6 bytes of Ethernet padding that the PPPoE
        // length leaves out. The PPPoE length wins, as the frame's end would without PPPoE.
        byte[] ip = IPv4(Tcp(40000, 8514, 1000, 2000, TcpFlags.Ack, 502)).Bytes;
        byte[] frame = [.. EthernetWithTags(Pppoe(ip, PppIPv4), EtherTypePppoe), 0, 0, 0, 0, 0, 0];
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(14 + 8 + 2), 46);

        var (outcome, record, payload) = Decode(LinkType.Ethernet, frame);

        Assert.Equal(DecodeOutcome.Decoded, outcome);
        Assert.Equal(0, record.PayloadLength);
        Assert.True(payload.Length == 0);
    }

    [Theory]
    [InlineData(0, true)] // says nothing: the IP header and the frame tell
    [InlineData(1, false)] // ends inside the PPP protocol field
    public void Should_HandleAPppoeLengthThatCannotHoldThePacket(ushort pppoeLength, bool decoded)
    {
        byte[] frame = EthernetWithTags(Pppoe(IPv4(HogeSegment()).Bytes, PppIPv4), EtherTypePppoe);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(14 + 4), pppoeLength);

        var (outcome, record, _) = Decode(LinkType.Ethernet, frame);

        Assert.Equal(decoded ? DecodeOutcome.Decoded : DecodeOutcome.Malformed, outcome);
        Assert.Equal(decoded ? 5 : 0, record.PayloadLength);
    }

    [Fact]
    public void Should_ReportMalformed_When_TheRadiotapFcsLeavesNoRoomForThePacket()
    {
        byte[] whole = Radiotap(Ieee80211Data(Snap(IPv4(HogeSegment()).Bytes, EtherTypeIPv4)), flags: 0x10);
        byte[] frame = whole[..(26 + 24 + 8 + 2)]; // the frame on the wire ends 2 bytes into the IP header

        var (outcome, _, _) = Decode(LinkType.Ieee80211Radiotap, frame);

        Assert.Equal(DecodeOutcome.Malformed, outcome);
    }

    [Fact]
    public void Should_WalkToTheBottomOfTheStack_When_EthernetCarriesTwoMplsLabels()
    {
        byte[] mpls = Mpls(IPv6(HogeSegment()).Bytes, 16, 100704);
        byte[] frame = EthernetWithTags(mpls, EtherTypeMpls);

        var (outcome, record, payload) = Decode(LinkType.Ethernet, frame);

        Assert.Equal(0x00, mpls[2] & 1); // the first label is not the bottom of the stack
        Assert.Equal(0x01, mpls[6] & 1);
        Assert.Equal(DecodeOutcome.Decoded, outcome);
        Assert.Equal(ExpectedHogeRecord(6, frame.Length), record);
        Assert.Equal(Hoge, payload);
    }

    [Fact]
    public void Should_DecodeEveryTcpField_When_An8023FrameCarriesSnap()
    {
        byte[] snap = Snap(IPv4(HogeSegment()).Bytes, EtherTypeIPv4);
        byte[] frame = EthernetWithTags(snap, (ushort)snap.Length);

        var (outcome, record, payload) = Decode(LinkType.Ethernet, frame);

        Assert.Equal(DecodeOutcome.Decoded, outcome);
        Assert.Equal(ExpectedHogeRecord(4, frame.Length), record);
        Assert.Equal(Hoge, payload);
    }

    [Theory]
    [MemberData(nameof(FramesWithoutIp))]
    public void Should_ReportNotIp_When_TheLinkLayerCarriesSomethingElse(string name, LinkType linkType, byte[] frame)
    {
        var (outcome, record, payload) = Decode(linkType, frame);

        Assert.True(outcome == DecodeOutcome.NotIp, $"{name}: {outcome}");
        Assert.Equal(new PacketRecord { FrameNumber = FrameNumber, Timestamp = When, FrameLength = frame.Length }, record);
        Assert.True(payload.Length == 0);
    }

    [Theory]
    [InlineData(LinkType.Ieee80211Radiotap, 6)] // inside the radiotap header
    [InlineData(LinkType.Ieee80211Radiotap, 26 + 20)] // inside the 802.11 header
    [InlineData(LinkType.Ieee80211Radiotap, 26 + 26 + 5)] // inside the SNAP header
    [InlineData(LinkType.Ppp, 1)] // between the address and the control byte
    [InlineData(LinkType.Ppp, 3)] // inside the protocol
    [InlineData(LinkType.Nflog, 30)] // before the payload attribute
    [InlineData(LinkType.Slip, 10)] // inside the pseudo-header
    [InlineData(LinkType.Ethernet, 14 + 6)] // inside the MPLS label stack
    public void Should_ReportTruncated_When_SnaplenCutTheLinkLayer(LinkType linkType, int captured)
    {
        byte[] ip = IPv4(HogeSegment()).Bytes;
        byte[] whole = linkType switch
        {
            LinkType.Ieee80211Radiotap => Radiotap(Ieee80211Data(Snap(ip, EtherTypeIPv4), subtype: 8), flags: 0),
            LinkType.Ppp => Ppp(ip, PppIPv4, addressAndControl: true),
            LinkType.Nflog => Nflog(ip, 2),
            LinkType.Slip => Slip(ip),
            _ => EthernetWithTags(Mpls(ip, 16, 17), EtherTypeMpls),
        };

        var (outcome, _, _) = Decode(linkType, whole[..captured], frameLength: whole.Length);

        Assert.Equal(DecodeOutcome.Truncated, outcome);
    }

    [Theory]
    [InlineData(IcmpV4TypeCode.EchoRequest)]
    [InlineData(IcmpV4TypeCode.EchoReply)]
    public void Should_PutTheEchoIdentifierInBothPorts_When_IcmpErrorQuotesAnEcho(IcmpV4TypeCode quotedTypeCode)
    {
        // A router on the way drops a ping whose TTL ran out: it quotes the IP header and 8 bytes of the echo.
        byte[] quote = IPv4(IcmpV4(quotedTypeCode, 0x4242, 7, new byte[56])).Bytes[..28];
        byte[] frame = Ethernet(IPv4(IcmpV4(IcmpV4TypeCode.TimeExceeded, 0, 0, quote), "203.0.113.1", ClientV4));

        var (outcome, record, _) = Decode(LinkType.Ethernet, frame);

        Assert.Equal(DecodeOutcome.Decoded, outcome);
        Assert.Equal(11, record.IcmpType);
        Assert.Equal(0, record.IcmpIdentifier);
        Assert.Equal(
            new QuotedHeader(
                Transport.Icmp,
                new Endpoint(IpAddress.Parse(ClientV4), 0x4242),
                new Endpoint(IpAddress.Parse(ServerV4), 0x4242)),
            record.Quoted);
    }

    [Fact]
    public void Should_PutTheEchoIdentifierInBothPorts_When_Icmpv6ErrorQuotesAnEcho()
    {
        byte[] offending = IPv6(IcmpV6(128, 0, (0x1234u << 16) | 1, new byte[16])).Bytes;
        byte[] frame = Ethernet(IPv6(IcmpV6(1, 3, 0, offending), ServerV6, ClientV6)); // address unreachable

        var (_, record, _) = Decode(LinkType.Ethernet, frame);

        Assert.Equal(1, record.IcmpType);
        Assert.Equal(
            new QuotedHeader(
                Transport.Icmpv6,
                new Endpoint(IpAddress.Parse(ClientV6), 0x1234),
                new Endpoint(IpAddress.Parse(ServerV6), 0x1234)),
            record.Quoted);
    }

    [Fact]
    public void Should_LeavePortsZero_When_TheQuotedIcmpIsNotAnEcho()
    {
        byte[] quote = IPv4(IcmpV4((IcmpV4TypeCode)0x0D00, 0x4242, 7, new byte[12])).Bytes[..28]; // timestamp request
        byte[] frame = Ethernet(IPv4(IcmpV4(IcmpV4TypeCode.TimeExceeded, 0, 0, quote), "203.0.113.1", ClientV4));

        var (_, record, _) = Decode(LinkType.Ethernet, frame);

        Assert.Equal(
            new QuotedHeader(Transport.Icmp, new Endpoint(IpAddress.Parse(ClientV4), 0), new Endpoint(IpAddress.Parse(ServerV4), 0)),
            record.Quoted);
    }

    [Fact]
    public void Should_LeaveQuotedNull_When_TheQuoteStopsBeforeTheEchoIdentifier()
    {
        byte[] quote = IPv4(IcmpV4(IcmpV4TypeCode.EchoRequest, 0x4242, 7, new byte[56])).Bytes[..25];
        byte[] frame = Ethernet(IPv4(IcmpV4(IcmpV4TypeCode.TimeExceeded, 0, 0, quote), "203.0.113.1", ClientV4));

        var (outcome, record, _) = Decode(LinkType.Ethernet, frame);

        Assert.Equal(DecodeOutcome.Decoded, outcome);
        Assert.Null(record.Quoted);
    }

    [Fact]
    public void Should_ReportNotIp_When_FrameIsArp()
    {
        var (outcome, _, _) = Decode(LinkType.Ethernet, Arp());

        Assert.Equal(DecodeOutcome.NotIp, outcome);
    }

    [Theory]
    [InlineData(0x88CC)] // LLDP
    [InlineData(0x8863)] // PPPoE discovery
    [InlineData(0x0026)] // an 802.3 length field
    public void Should_ReportNotIp_When_EtherTypeIsNotIp(ushort etherType)
    {
        var (outcome, _, _) = Decode(LinkType.Ethernet, EthernetWithTags(new byte[46], etherType, 0x8100));

        Assert.Equal(DecodeOutcome.NotIp, outcome);
    }

    [Fact]
    public void Should_ReportNotIp_When_NullAddressFamilyIsNotIp()
    {
        var (outcome, _, _) = Decode(LinkType.Null, AddressFamily(IPv4(HogeSegment()).Bytes, 7, littleEndian: true));

        Assert.Equal(DecodeOutcome.NotIp, outcome);
    }

    [Fact]
    public void Should_ReportUnsupportedLinkType_When_LinkTypeIsNotDecoded()
    {
        var (outcome, _, _) = Decode((LinkType)10, Ethernet(IPv4(HogeSegment()))); // FDDI

        Assert.Equal(DecodeOutcome.UnsupportedLinkType, outcome);
    }

    [Fact]
    public void Should_TakeTheLengthFromTheFrame_When_IPv4TotalLengthIsZero()
    {
        byte[] frame = Ethernet(IPv4(Tcp(40000, 8514, 1, 1, TcpFlags.Ack, 502, new byte[1000])));
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(14 + 2), 0); // as segmentation offload leaves it

        var (outcome, record, payload) = Decode(LinkType.Ethernet, frame);

        Assert.Equal(DecodeOutcome.Decoded, outcome);
        Assert.Equal(1000, record.PayloadLength);
        Assert.Equal(1000, payload.Length);
    }

    [Fact]
    public void Should_TakeTheLengthFromTheFrame_When_IPv4TotalLengthIsLargerThanTheFrame()
    {
        byte[] frame = Ethernet(IPv4(HogeSegment()));
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(14 + 2), 1500);

        var (_, record, payload) = Decode(LinkType.Ethernet, frame);

        Assert.Equal(5, record.PayloadLength);
        Assert.Equal(Hoge, payload);
    }

    [Fact]
    public void Should_TakeTheLengthFromTheFrame_When_IPv6PayloadLengthIsZero()
    {
        byte[] frame = Ethernet(IPv6(HogeSegment()));
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(14 + 4), 0);

        var (_, record, payload) = Decode(LinkType.Ethernet, frame);

        Assert.Equal(5, record.PayloadLength);
        Assert.Equal(Hoge, payload);
    }

    [Fact]
    public void Should_IgnoreEthernetPadding_When_SegmentIsShort()
    {
        byte[] unpadded = Ethernet(IPv4(Tcp(40000, 8514, 1, 1, TcpFlags.Ack, 502)));
        byte[] frame = new byte[60];
        unpadded.CopyTo(frame, 0);

        var (outcome, record, payload) = Decode(LinkType.Ethernet, frame);

        Assert.Equal(DecodeOutcome.Decoded, outcome);
        Assert.Equal(60, record.FrameLength);
        Assert.Equal(0, record.PayloadLength);
        Assert.True(payload.Length == 0);
    }

    [Theory]
    [InlineData(4)] // below the UDP header's own size
    [InlineData(500)] // past the IP payload
    public void Should_TakeTheLengthFromIp_When_UdpLengthIsInconsistent(ushort udpLength)
    {
        byte[] frame = Ethernet(IPv4(Udp(40000, 53, new byte[20])));
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(14 + 20 + 4), udpLength);

        var (outcome, record, payload) = Decode(LinkType.Ethernet, frame);

        Assert.Equal(DecodeOutcome.Decoded, outcome);
        Assert.Equal(20, record.PayloadLength);
        Assert.Equal(20, payload.Length);
    }

    [Theory]
    [InlineData(4)] // data offset below 5
    [InlineData(15)] // a 60-byte header in a 25-byte IP payload
    public void Should_ReportMalformed_When_TcpDataOffsetIsInconsistent(int dataOffset)
    {
        byte[] frame = Ethernet(IPv4(HogeSegment()));
        frame[14 + 20 + 12] = (byte)(dataOffset << 4);

        var (outcome, _, _) = Decode(LinkType.Ethernet, frame);

        Assert.Equal(DecodeOutcome.Malformed, outcome);
    }

    [Fact]
    public void Should_ReportMalformed_When_Ipv4HeaderLengthIsBelowFive()
    {
        byte[] frame = Ethernet(IPv4(HogeSegment()));
        frame[14] = 0x44;

        var (outcome, _, _) = Decode(LinkType.Ethernet, frame);

        Assert.Equal(DecodeOutcome.Malformed, outcome);
    }

    [Theory]
    [InlineData(LinkType.Raw, 0x55)] // version 5
    [InlineData(LinkType.IPv6, 0x45)] // IPv4 where the link type promises IPv6
    public void Should_ReportMalformed_When_IpVersionIsWrong(LinkType linkType, byte firstByte)
    {
        byte[] frame = IPv4(HogeSegment()).Bytes;
        frame[0] = firstByte;

        var (outcome, _, _) = Decode(linkType, frame);

        Assert.Equal(DecodeOutcome.Malformed, outcome);
    }

    [Fact]
    public void Should_ReportMalformed_When_EtherTypeSaysIPv4ButThePacketIsIPv6()
    {
        byte[] frame = EthernetWithTags(IPv6(HogeSegment()).Bytes, EtherTypeIPv4);

        var (outcome, _, _) = Decode(LinkType.Ethernet, frame);

        Assert.Equal(DecodeOutcome.Malformed, outcome);
    }

    [Fact]
    public void Should_ReportOther_When_IPv6HasNoNextHeader()
    {
        byte[] frame = Ethernet(IPv6(HogeSegment()));
        frame[14 + 6] = 59;
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(14 + 4), 0);
        frame = frame[..(14 + 40)];

        var (outcome, record, payload) = Decode(LinkType.Ethernet, frame);

        Assert.Equal(DecodeOutcome.Decoded, outcome);
        Assert.Equal(Transport.Other, record.Protocol);
        Assert.Equal(0, record.PayloadLength);
        Assert.True(payload.Length == 0);
    }

    [Fact]
    public void Should_ReportOther_When_ProtocolIsGre()
    {
        var ip = new IPv4Packet(System.Net.IPAddress.Parse(ClientV4), System.Net.IPAddress.Parse(ServerV4))
        {
            Protocol = ProtocolType.Gre,
            PayloadData = new byte[24],
        };
        ip.UpdateCalculatedValues();
        byte[] frame = ip.Bytes;

        var (outcome, record, payload) = Decode(LinkType.Raw, frame);

        Assert.Equal(DecodeOutcome.Decoded, outcome);
        Assert.Equal(Transport.Other, record.Protocol);
        Assert.Equal(24, record.PayloadLength);
        Assert.Equal(24, payload.Length);
        Assert.Equal(0, record.Source.Port);
    }

    [Fact]
    public void Should_NeverThrow_When_BytesAreRandom()
    {
        var random = new Random(20251126);
        LinkType[] linkTypes = [.. Enum.GetValues<LinkType>(), (LinkType)10, (LinkType)(-1)];
        byte[] buffer = new byte[160];
        for (int i = 0; i < 50_000; i++)
        {
            int length = random.Next(buffer.Length + 1);
            random.NextBytes(buffer.AsSpan(0, length));

            // Bias towards plausible headers so the fuzzing reaches the transport decoders.
            if (length > 0 && random.Next(2) == 0)
            {
                buffer[0] = random.Next(2) == 0 ? (byte)0x45 : (byte)0x60;
            }

            LinkType linkType = linkTypes[random.Next(linkTypes.Length)];
            AssertSane(linkType, buffer.AsSpan(0, length), random.Next(-1, 400));
        }
    }

    [Fact]
    public void Should_NeverThrow_When_ValidFramesAreCutOrDamaged()
    {
        var random = new Random(42);
        (LinkType LinkType, byte[] Frame)[] frames =
        [
            (LinkType.Ethernet, Ethernet(IPv4(Tcp(40000, 8514, 1, 0, TcpFlags.Syn, 64240, options: SynOptions)))),
            (LinkType.Ethernet, Ethernet(IPv6(HogeSegment()))),
            (LinkType.Ethernet, EthernetWithTags(IPv6WithExtensions(HogeSegment(), 6, (0, [0, 0, 1, 4, 0, 0, 0, 0]), (44, [0, 0, 0, 1, 0, 0, 0, 1])), EtherTypeIPv6, 0x8100)),
            (LinkType.Ethernet, Ethernet(IPv4(IcmpV4(IcmpV4TypeCode.UnreachablePort, 0, 0, IPv4(Udp(1, 2, Hoge)).Bytes)))),
            (LinkType.Ethernet, Ethernet(IPv6(IcmpV6(1, 4, 0, IPv6(Udp(1, 2, Hoge)).Bytes)))),
            (LinkType.Ethernet, Ethernet(IPv4(IcmpV4(IcmpV4TypeCode.TimeExceeded, 0, 0, IPv4(IcmpV4(IcmpV4TypeCode.EchoRequest, 0x4242, 1, Hoge)).Bytes)))),
            (LinkType.Ethernet, Ethernet(IPv6(IcmpV6(3, 0, 0, IPv6(IcmpV6(128, 0, 0x1234_0001, Hoge)).Bytes)))),
            .. HogeFrames().Select(f => (f.LinkType, f.Frame)),
            .. NotIpFrames().Select(f => (f.LinkType, f.Frame)),
        ];
        foreach (var (linkType, original) in frames)
        {
            for (int cut = 0; cut <= original.Length; cut++)
            {
                AssertSane(linkType, original.AsSpan(0, cut), original.Length);
            }

            byte[] damaged = new byte[original.Length];
            for (int position = 0; position < original.Length; position++)
            {
                foreach (byte value in new byte[] { 0x00, 0xFF, 0x05, 0x3A, (byte)random.Next(256) })
                {
                    original.CopyTo(damaged, 0);
                    damaged[position] = value;
                    AssertSane(linkType, damaged, original.Length);
                }
            }
        }
    }

    [Fact]
    public void Should_NeverThrow_When_ValidLinkHeadersAreFollowedByRandomBytes()
    {
        var random = new Random(20251127);
        var frames = HogeFrames().Concat(NotIpFrames().Select(f => (f.Name, f.LinkType, f.Frame, IpVersion: (byte)0))).ToArray();
        byte[] buffer = new byte[400];
        for (int i = 0; i < 50_000; i++)
        {
            var (_, linkType, frame, _) = frames[random.Next(frames.Length)];
            int keep = random.Next(frame.Length + 1);
            int length = keep + random.Next(buffer.Length - keep + 1);
            frame.AsSpan(0, keep).CopyTo(buffer);
            random.NextBytes(buffer.AsSpan(keep, length - keep));
            AssertSane(linkType, buffer.AsSpan(0, length), random.Next(-1, 500));
        }
    }

    [Fact]
    public void Should_NotAllocate_When_DecodingAnyLinkType()
    {
        byte[][] frames = [.. HogeFrames().Select(f => f.Frame)];
        LinkType[] linkTypes = [.. HogeFrames().Select(f => f.LinkType)];
        DecodeAll(); // compiles everything first

        long before = GC.GetAllocatedBytesForCurrentThread();
        int decoded = DecodeAll();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(frames.Length, decoded);
        Assert.Equal(0, allocated);

        int DecodeAll()
        {
            int count = 0;
            for (int i = 0; i < frames.Length; i++)
            {
                if (PacketDecoder.Decode(linkTypes[i], frames[i], frames[i].Length, 1, When, out _, out _) == DecodeOutcome.Decoded)
                {
                    count++;
                }
            }

            return count;
        }
    }

    /// <summary>The "hoge" segment (<see cref="HogeSegment"/>) in every framing the decoder knows.</summary>
    private static IEnumerable<(string Name, LinkType LinkType, byte[] Frame, byte IpVersion)> HogeFrames()
    {
        byte[] v4 = IPv4(HogeSegment()).Bytes;
        byte[] v6 = IPv6(HogeSegment()).Bytes;
        byte[] snap4 = Snap(v4, EtherTypeIPv4);
        byte[] snap6 = Snap(v6, EtherTypeIPv6);
        return
        [
            ("Ethernet, IPv4", LinkType.Ethernet, Ethernet(IPv4(HogeSegment())), 4),
            ("Ethernet, IPv6", LinkType.Ethernet, Ethernet(IPv6(HogeSegment())), 6),
            ("Ethernet, PPPoE, IPv4", LinkType.Ethernet, EthernetWithTags(Pppoe(v4, PppIPv4), EtherTypePppoe), 4),
            ("Ethernet, QinQ, PPPoE, IPv6", LinkType.Ethernet, EthernetWithTags(Pppoe(v6, PppIPv6), EtherTypePppoe, 0x88A8, 0x8100), 6),
            ("Ethernet, PPPoE, MPLS, IPv4", LinkType.Ethernet, EthernetWithTags(Pppoe(Mpls(v4, 17), 0x0281), EtherTypePppoe), 4),
            ("Ethernet, MPLS, two labels, IPv4", LinkType.Ethernet, EthernetWithTags(Mpls(v4, 16, 100704), EtherTypeMpls), 4),
            ("Ethernet, VLAN, MPLS multicast, IPv6", LinkType.Ethernet, EthernetWithTags(Mpls(v6, 2), 0x8848, 0x8100), 6),
            ("Ethernet 802.3, SNAP, IPv4", LinkType.Ethernet, EthernetWithTags(snap4, (ushort)snap4.Length), 4),
            ("Ethernet, VLAN, 802.3, SNAP, IPv6", LinkType.Ethernet, EthernetWithTags(snap6, (ushort)snap6.Length, 0x8100), 6),
            ("SLL, IPv4", LinkType.LinuxSll, Sll(v4, EtherTypeIPv4), 4),
            ("SLL, IPv6", LinkType.LinuxSll, Sll(v6, EtherTypeIPv6), 6),
            ("SLL, MPLS, IPv4", LinkType.LinuxSll, Sll(Mpls(v4, 100), EtherTypeMpls), 4),
            ("SLL, LLC, SNAP, IPv4", LinkType.LinuxSll, Sll(snap4, 0x0004), 4),
            ("SLL2, IPv4", LinkType.LinuxSll2, Sll2(v4, EtherTypeIPv4), 4),
            ("SLL2, IPv6", LinkType.LinuxSll2, Sll2(v6, EtherTypeIPv6), 6),
            ("SLL2, PPPoE, IPv6", LinkType.LinuxSll2, Sll2(Pppoe(v6, PppIPv6), EtherTypePppoe), 6),
            ("NULL, AF_INET little-endian", LinkType.Null, AddressFamily(v4, 2, littleEndian: true), 4),
            ("NULL, AF_INET big-endian", LinkType.Null, AddressFamily(v4, 2, littleEndian: false), 4),
            ("NULL, AF_INET6 24 little-endian", LinkType.Null, AddressFamily(v6, 24, littleEndian: true), 6),
            ("NULL, AF_INET6 28 big-endian", LinkType.Null, AddressFamily(v6, 28, littleEndian: false), 6),
            ("NULL, AF_INET6 30 little-endian", LinkType.Null, AddressFamily(v6, 30, littleEndian: true), 6),
            ("LOOP, AF_INET", LinkType.Loop, AddressFamily(v4, 2, littleEndian: false), 4),
            ("LOOP, AF_INET6", LinkType.Loop, AddressFamily(v6, 24, littleEndian: false), 6),
            ("RAW 12, IPv4", LinkType.Raw, v4, 4),
            ("RAW 12, IPv6", LinkType.Raw, v6, 6),
            ("RAW 14, IPv4", LinkType.RawOpenBsd, v4, 4),
            ("RAW 101, IPv6", LinkType.RawLinkType, v6, 6),
            ("IPV4 228", LinkType.IPv4, v4, 4),
            ("IPV6 229", LinkType.IPv6, v6, 6),
            ("802.11 data, IPv4", LinkType.Ieee80211, Ieee80211Data(snap4), 4),
            ("802.11 data from the AP, 802.1H tunnel, IPv4", LinkType.Ieee80211, Ieee80211Data(Snap(v4, EtherTypeIPv4, 0xF8), flags: 0x02), 4),
            ("802.11 data, order bit without QoS, IPv4", LinkType.Ieee80211, Ieee80211Data(snap4, flags: 0x81), 4),
            ("802.11 QoS data, IPv6", LinkType.Ieee80211, Ieee80211Data(snap6, subtype: 8), 6),
            ("802.11 QoS data, HT control, IPv4", LinkType.Ieee80211, Ieee80211Data(snap4, subtype: 8, flags: 0x81), 4),
            ("802.11 QoS data, four addresses, HT control, IPv6", LinkType.Ieee80211, Ieee80211Data(snap6, subtype: 8, flags: 0x83), 6),
            ("802.11 data + CF-Ack, IPv4", LinkType.Ieee80211, Ieee80211Data(snap4, subtype: 1), 4),
            ("radiotap, 802.11 data, FCS, IPv6", LinkType.Ieee80211Radiotap, Radiotap(Ieee80211Data(snap6, fcs: true), flags: 0x10), 6),
            ("radiotap, padded QoS header, IPv4", LinkType.Ieee80211Radiotap, RadiotapFlagsOnly(Ieee80211Data([0, 0, .. snap4], subtype: 8), flags: 0x20), 4),
            ("AVS, 802.11 data, IPv4", LinkType.Ieee80211Avs, Avs(Ieee80211Data(snap4)), 4),
            ("Prism, 802.11 QoS data, IPv6", LinkType.PrismHeader, Prism(Ieee80211Data(snap6, subtype: 8)), 6),
            ("Prism link type, AVS header, IPv4", LinkType.PrismHeader, Avs(Ieee80211Data(snap4)), 4),
            ("PPP, FF 03, IPv4", LinkType.Ppp, Ppp(v4, PppIPv4, addressAndControl: true), 4),
            ("PPP, IPv6", LinkType.Ppp, Ppp(v6, PppIPv6, addressAndControl: false), 6),
            ("PPP, compressed protocol, IPv4", LinkType.Ppp, Ppp(v4, PppIPv4, addressAndControl: false, compressProtocol: true), 4),
            ("PPP, FF 03, compressed protocol, IPv6", LinkType.Ppp, Ppp(v6, PppIPv6, addressAndControl: true, compressProtocol: true), 6),
            ("PPP_SERIAL, FF 03, IPv4", LinkType.PppSerial, Ppp(v4, PppIPv4, addressAndControl: true), 4),
            ("PPP_SERIAL, Cisco HDLC, IPv6", LinkType.PppSerial, CiscoHdlc(v6, EtherTypeIPv6), 6),
            ("C_HDLC, IPv4", LinkType.CiscoHdlc, CiscoHdlc(v4, EtherTypeIPv4), 4),
            ("C_HDLC, IPv6", LinkType.CiscoHdlc, CiscoHdlc(v6, EtherTypeIPv6), 6),
            ("SLIP, IPv4", LinkType.Slip, Slip(v4), 4),
            ("SLIP, IPv6", LinkType.Slip, Slip(v6), 6),
            ("IPNET, IPv4", LinkType.IpNet, IpNet(v4, 2), 4),
            ("IPNET, IPv6", LinkType.IpNet, IpNet(v6, 26), 6),
            ("NFLOG, IPv4", LinkType.Nflog, Nflog(v4, 2), 4),
            ("NFLOG, IPv6, an attribute after the payload", LinkType.Nflog, Nflog(v6, 10, attributeAfterPayload: true), 6),
            ("FRELAY, NLPID IPv4", LinkType.FrameRelay, FrameRelay(v4, 0x03, 0xCC), 4),
            ("FRELAY, padding, NLPID IPv6", LinkType.FrameRelay, FrameRelay(v6, 0x03, 0x00, 0x8E), 6),
            ("FRELAY, SNAP, IPv4", LinkType.FrameRelay, FrameRelay(v4, 0x03, 0x00, 0x80, 0x00, 0x00, 0x00, 0x08, 0x00), 4),
            ("FRELAY, Cisco, IPv6", LinkType.FrameRelay, FrameRelay(v6, 0x86, 0xDD), 6),
            ("FRELAY, 3-byte address, Cisco, IPv4", LinkType.FrameRelay, [0x18, 0x40, 0x01, 0x08, 0x00, .. v4], 4),
        ];
    }

    /// <summary>Frames the decoder must recognise as carrying no IP packet it can read.</summary>
    private static IEnumerable<(string Name, LinkType LinkType, byte[] Frame)> NotIpFrames()
    {
        byte[] v4 = IPv4(HogeSegment()).Bytes;
        byte[] snap4 = Snap(v4, EtherTypeIPv4);
        byte[] beacon = new byte[60];
        beacon[0] = 0x80; // management, beacon
        byte[] stp = [0x42, 0x42, 0x03, 0, 0, 0, 0, 0];
        return
        [
            ("802.11 beacon", LinkType.Ieee80211, beacon),
            ("802.11 protected QoS data", LinkType.Ieee80211, Ieee80211Data(snap4, subtype: 8, flags: 0x41)),
            ("802.11 null data", LinkType.Ieee80211, Ieee80211Data([], subtype: 4)),
            ("802.11 QoS null", LinkType.Ieee80211, Ieee80211Data([], subtype: 12)),
            ("802.11 later fragment", LinkType.Ieee80211, Ieee80211Data(snap4, sequenceControl: 0x0011)),
            ("802.11 A-MSDU", LinkType.Ieee80211, Ieee80211Data(snap4, subtype: 8, qosControl: 0x80)),
            ("802.11 protocol version 1", LinkType.Ieee80211, [0x09, .. Ieee80211Data(snap4)[1..]]),
            ("802.11 data, STP LLC", LinkType.Ieee80211, Ieee80211Data(stp)),
            ("802.11 data, SNAP, ARP", LinkType.Ieee80211, Ieee80211Data(Snap(new byte[28], 0x0806))),
            ("radiotap, protected data", LinkType.Ieee80211Radiotap, Radiotap(Ieee80211Data(snap4, flags: 0x41), flags: 0)),
            ("PPP, LCP", LinkType.Ppp, Ppp([1, 1, 0, 4], 0xC021, addressAndControl: true)),
            ("PPP, Van Jacobson compressed TCP", LinkType.Ppp, Ppp([0x20, 0x31, 0x52], 0x002D, addressAndControl: true)),
            ("PPP_SERIAL, Cisco SLARP", LinkType.PppSerial, CiscoHdlc(new byte[20], 0x8035)),
            ("PPP_SERIAL, FF without 03", LinkType.PppSerial, [0xFF, 0x5F, 0x7E, 0x08, .. v4]),
            ("C_HDLC, CDP", LinkType.CiscoHdlc, CiscoHdlc(new byte[20], 0x2000)),
            ("IPNET, unknown family", LinkType.IpNet, IpNet(v4, 7)),
            ("NFLOG, bridge family", LinkType.Nflog, Nflog(v4, 7)),
            ("NFLOG, version 1", LinkType.Nflog, [2, 1, .. Nflog(v4, 2)[2..]]),
            ("NFLOG, no payload", LinkType.Nflog, Nflog(v4, 2)[..20]), // header, packet header, prefix
            ("FRELAY, Q.933", LinkType.FrameRelay, FrameRelay(new byte[12], 0x03, 0x08)),
            ("FRELAY, bridged Ethernet", LinkType.FrameRelay, FrameRelay(Ethernet(IPv4(HogeSegment())), 0x03, 0x00, 0x80, 0x00, 0x80, 0xC2, 0x00, 0x07)),
            ("FRELAY, not a Q.922 address", LinkType.FrameRelay, [0x19, 0x41, 0x03, 0xCC, .. v4]),
            ("Ethernet, PPPoE discovery", LinkType.Ethernet, EthernetWithTags(new byte[30], 0x8863)),
            ("Ethernet, PPPoE, LCP", LinkType.Ethernet, EthernetWithTags(Pppoe([1, 1, 0, 4], 0xC021), EtherTypePppoe)),
            ("Ethernet, PPPoE, code not session data", LinkType.Ethernet, EthernetWithTags([0x11, 0x09, .. Pppoe(v4, PppIPv4)[2..]], EtherTypePppoe)),
            ("Ethernet, MPLS, Ethernet pseudowire with control word", LinkType.Ethernet, EthernetWithTags(Mpls([0, 0, 0, 1, .. Ethernet(IPv4(HogeSegment()))], 16), EtherTypeMpls)),
            ("Ethernet 802.3, STP", LinkType.Ethernet, EthernetWithTags([.. stp, .. new byte[30]], 38)),
            ("Ethernet 802.3, SNAP, Cisco OUI", LinkType.Ethernet, EthernetWithTags([0xAA, 0xAA, 0x03, 0x00, 0x00, 0x0C, 0x20, 0x00, .. new byte[30]], 38)),
            ("SLL, CAN", LinkType.LinuxSll, Sll(new byte[16], 0x000C)),
        ];
    }

    private static TcpPacket HogeSegment() =>
        Tcp(40000, 8514, 1000, 2000, TcpFlags.Syn | TcpFlags.Ack, 64240, Hoge);

    private static PacketRecord ExpectedHogeRecord(byte ipVersion, int frameLength) => new()
    {
        FrameNumber = FrameNumber,
        Timestamp = When,
        FrameLength = frameLength,
        IpVersion = ipVersion,
        Protocol = Transport.Tcp,
        Source = new Endpoint(IpAddress.Parse(ipVersion == 4 ? ClientV4 : ClientV6), 40000),
        Destination = new Endpoint(IpAddress.Parse(ipVersion == 4 ? ServerV4 : ServerV6), 8514),
        Flags = TcpFlags.Syn | TcpFlags.Ack,
        Sequence = 1000,
        Acknowledgment = 2000,
        Window = 64240,
        PayloadLength = 5,
    };

    private static (DecodeOutcome Outcome, PacketRecord Record, byte[] Payload) Decode(LinkType linkType, byte[] frame, int? frameLength = null)
    {
        DecodeOutcome outcome = PacketDecoder.Decode(
            linkType, frame, frameLength ?? frame.Length, FrameNumber, When, out PacketRecord record, out ReadOnlySpan<byte> payload);
        return (outcome, record, payload.ToArray());
    }

    private static void AssertSane(LinkType linkType, ReadOnlySpan<byte> frame, int frameLength)
    {
        DecodeOutcome outcome = PacketDecoder.Decode(linkType, frame, frameLength, 1, When, out PacketRecord record, out ReadOnlySpan<byte> payload);
        if (outcome == DecodeOutcome.Decoded)
        {
            Assert.True(record.IpVersion is 4 or 6);
            Assert.True(record.PayloadLength >= 0, $"payload length {record.PayloadLength}");
            Assert.True(payload.Length <= record.PayloadLength, $"payload {payload.Length} > {record.PayloadLength}");
        }
        else
        {
            Assert.True(payload.IsEmpty);
            Assert.Equal(0, record.PayloadLength);
        }
    }
}
