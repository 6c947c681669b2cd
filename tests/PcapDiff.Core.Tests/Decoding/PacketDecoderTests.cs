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
    private const long FrameNumber = 7;

    private static readonly DateTime When = new(2025, 1, 2, 3, 4, 5, DateTimeKind.Utc);
    private static readonly byte[] Hoge = Encoding.ASCII.GetBytes("hoge\n");

    // MSS 1460, NOP, window scale 7, SACK permitted, NOP, NOP: 12 bytes.
    private static readonly byte[] SynOptions = [2, 4, 0x05, 0xB4, 1, 3, 3, 7, 4, 2, 1, 1];

    public static TheoryData<string, LinkType, byte[], byte> WrappedFrames()
    {
        byte[] v4 = IPv4(HogeSegment()).Bytes;
        byte[] v6 = IPv6(HogeSegment()).Bytes;
        return new TheoryData<string, LinkType, byte[], byte>
        {
            { "Ethernet, IPv4", LinkType.Ethernet, Ethernet(IPv4(HogeSegment())), 4 },
            { "Ethernet, IPv6", LinkType.Ethernet, Ethernet(IPv6(HogeSegment())), 6 },
            { "SLL, IPv4", LinkType.LinuxSll, Sll(v4, EtherTypeIPv4), 4 },
            { "SLL, IPv6", LinkType.LinuxSll, Sll(v6, EtherTypeIPv6), 6 },
            { "SLL2, IPv4", LinkType.LinuxSll2, Sll2(v4, EtherTypeIPv4), 4 },
            { "SLL2, IPv6", LinkType.LinuxSll2, Sll2(v6, EtherTypeIPv6), 6 },
            { "NULL, AF_INET little-endian", LinkType.Null, AddressFamily(v4, 2, littleEndian: true), 4 },
            { "NULL, AF_INET big-endian", LinkType.Null, AddressFamily(v4, 2, littleEndian: false), 4 },
            { "NULL, AF_INET6 24 little-endian", LinkType.Null, AddressFamily(v6, 24, littleEndian: true), 6 },
            { "NULL, AF_INET6 28 big-endian", LinkType.Null, AddressFamily(v6, 28, littleEndian: false), 6 },
            { "NULL, AF_INET6 30 little-endian", LinkType.Null, AddressFamily(v6, 30, littleEndian: true), 6 },
            { "LOOP, AF_INET", LinkType.Loop, AddressFamily(v4, 2, littleEndian: false), 4 },
            { "LOOP, AF_INET6", LinkType.Loop, AddressFamily(v6, 24, littleEndian: false), 6 },
            { "RAW 12, IPv4", LinkType.Raw, v4, 4 },
            { "RAW 12, IPv6", LinkType.Raw, v6, 6 },
            { "RAW 14, IPv4", LinkType.RawOpenBsd, v4, 4 },
            { "RAW 101, IPv6", LinkType.RawLinkType, v6, 6 },
            { "IPV4 228", LinkType.IPv4, v4, 4 },
            { "IPV6 229", LinkType.IPv6, v6, 6 },
        };
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
    public void Should_ReportNotIp_When_FrameIsArp()
    {
        var (outcome, _, _) = Decode(LinkType.Ethernet, Arp());

        Assert.Equal(DecodeOutcome.NotIp, outcome);
    }

    [Theory]
    [InlineData(0x88CC)] // LLDP
    [InlineData(0x8847)] // MPLS
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
        var (outcome, _, _) = Decode((LinkType)127, Ethernet(IPv4(HogeSegment())));

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
        LinkType[] linkTypes = [.. Enum.GetValues<LinkType>(), (LinkType)127, (LinkType)(-1)];
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
        byte[][] frames =
        [
            Ethernet(IPv4(Tcp(40000, 8514, 1, 0, TcpFlags.Syn, 64240, options: SynOptions))),
            Ethernet(IPv6(HogeSegment())),
            EthernetWithTags(IPv6WithExtensions(HogeSegment(), 6, (0, [0, 0, 1, 4, 0, 0, 0, 0]), (44, [0, 0, 0, 1, 0, 0, 0, 1])), EtherTypeIPv6, 0x8100),
            Ethernet(IPv4(IcmpV4(IcmpV4TypeCode.UnreachablePort, 0, 0, IPv4(Udp(1, 2, Hoge)).Bytes))),
            Ethernet(IPv6(IcmpV6(1, 4, 0, IPv6(Udp(1, 2, Hoge)).Bytes))),
        ];
        foreach (byte[] original in frames)
        {
            for (int cut = 0; cut <= original.Length; cut++)
            {
                AssertSane(LinkType.Ethernet, original.AsSpan(0, cut), original.Length);
            }

            byte[] damaged = new byte[original.Length];
            for (int position = 0; position < original.Length; position++)
            {
                foreach (byte value in new byte[] { 0x00, 0xFF, 0x05, 0x3A, (byte)random.Next(256) })
                {
                    original.CopyTo(damaged, 0);
                    damaged[position] = value;
                    AssertSane(LinkType.Ethernet, damaged, original.Length);
                }
            }
        }
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
