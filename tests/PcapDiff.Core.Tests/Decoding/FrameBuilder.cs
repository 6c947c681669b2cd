using System.Buffers.Binary;
using System.Net;
using System.Net.NetworkInformation;
using PacketDotNet;
using PacketDotNet.Utils;

namespace PcapDiff.Core.Tests.Decoding;

/// <summary>
/// Builds test frames: IP and transport headers with PacketDotNet (an encoder independent of the
/// decoder under test), link-layer headers PacketDotNet lacks by hand.
/// </summary>
internal static class FrameBuilder
{
    public const string ClientV4 = "192.0.2.10";
    public const string ServerV4 = "198.51.100.20";
    public const string ClientV6 = "2001:db8::10";
    public const string ServerV6 = "2001:db8::20";

    private static readonly PhysicalAddress ClientMac = PhysicalAddress.Parse("02-00-00-00-00-01");
    private static readonly PhysicalAddress ServerMac = PhysicalAddress.Parse("02-00-00-00-00-02");

    /// <summary>A TCP segment; <paramref name="options"/> must be a multiple of 4 bytes.</summary>
    public static TcpPacket Tcp(
        ushort sourcePort,
        ushort destinationPort,
        uint sequence = 0,
        uint acknowledgment = 0,
        Model.TcpFlags flags = Model.TcpFlags.None,
        ushort window = 0,
        byte[]? payload = null,
        byte[]? options = null)
    {
        payload ??= [];
        options ??= [];
        int headerLength = 20 + options.Length;
        var bytes = new byte[headerLength + payload.Length];
        bytes[12] = (byte)(headerLength / 4 << 4); // PacketDotNet sizes the header from this when parsing
        options.CopyTo(bytes, 20);
        payload.CopyTo(bytes, headerLength);
        return new TcpPacket(new ByteArraySegment(bytes))
        {
            SourcePort = sourcePort,
            DestinationPort = destinationPort,
            SequenceNumber = sequence,
            AcknowledgmentNumber = acknowledgment,
            WindowSize = window,
            Finished = flags.HasFlag(Model.TcpFlags.Fin),
            Synchronize = flags.HasFlag(Model.TcpFlags.Syn),
            Reset = flags.HasFlag(Model.TcpFlags.Rst),
            Push = flags.HasFlag(Model.TcpFlags.Psh),
            Acknowledgment = flags.HasFlag(Model.TcpFlags.Ack),
            Urgent = flags.HasFlag(Model.TcpFlags.Urg),
            ExplicitCongestionNotificationEcho = flags.HasFlag(Model.TcpFlags.Ece),
            CongestionWindowReduced = flags.HasFlag(Model.TcpFlags.Cwr),
        };
    }

    public static UdpPacket Udp(ushort sourcePort, ushort destinationPort, byte[] payload) =>
        new(sourcePort, destinationPort) { PayloadData = payload };

    public static IcmpV4Packet IcmpV4(IcmpV4TypeCode typeCode, ushort id, ushort sequence, byte[] data) =>
        new(new ByteArraySegment(new byte[8])) { TypeCode = typeCode, Id = id, Sequence = sequence, Data = data };

    /// <summary>An ICMPv6 message: type, code, 4 bytes of type-specific header, then the body.</summary>
    public static IcmpV6Packet IcmpV6(byte type, byte code, uint rest, byte[] body)
    {
        var bytes = new byte[8 + body.Length];
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(4), rest);
        body.CopyTo(bytes, 8);
        return new IcmpV6Packet(new ByteArraySegment(bytes)) { Type = (IcmpV6Type)type, Code = code };
    }

    public static IPv4Packet IPv4(Packet transport, string source = ClientV4, string destination = ServerV4)
    {
        var ip = new IPv4Packet(IPAddress.Parse(source), IPAddress.Parse(destination)) { PayloadPacket = transport };
        (transport as UdpPacket)?.UpdateCalculatedValues();
        ip.UpdateCalculatedValues();
        return ip;
    }

    public static IPv6Packet IPv6(Packet transport, string source = ClientV6, string destination = ServerV6)
    {
        var ip = new IPv6Packet(IPAddress.Parse(source), IPAddress.Parse(destination)) { PayloadPacket = transport };
        (transport as UdpPacket)?.UpdateCalculatedValues();
        ip.UpdateCalculatedValues();
        return ip;
    }

    /// <summary>
    /// An IPv6 packet whose transport follows extension headers: each header is given as its type
    /// and its whole bytes (next-header byte left 0; filled in here).
    /// </summary>
    public static byte[] IPv6WithExtensions(Packet transport, byte transportProtocol, params (byte Type, byte[] Bytes)[] extensions)
    {
        byte[] upper = transport.Bytes;
        byte[] plain = IPv6(transport).Bytes;
        int extensionLength = extensions.Sum(e => e.Bytes.Length);
        var bytes = new byte[40 + extensionLength + upper.Length];
        plain.AsSpan(0, 40).CopyTo(bytes);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(4), (ushort)(extensionLength + upper.Length));
        bytes[6] = extensions.Length > 0 ? extensions[0].Type : transportProtocol;
        int offset = 40;
        for (int i = 0; i < extensions.Length; i++)
        {
            extensions[i].Bytes.CopyTo(bytes, offset);
            bytes[offset] = i + 1 < extensions.Length ? extensions[i + 1].Type : transportProtocol;
            offset += extensions[i].Bytes.Length;
        }

        upper.CopyTo(bytes, offset);
        return bytes;
    }

    public static byte[] Ethernet(Packet ip) =>
        new EthernetPacket(ClientMac, ServerMac, EthernetType.None) { PayloadPacket = ip }.Bytes;

    /// <summary>An Ethernet frame with VLAN tags of the given TPIDs (outermost first) before the EtherType.</summary>
    public static byte[] EthernetWithTags(byte[] payload, ushort etherType, params ushort[] tagTypes)
    {
        var frame = new byte[14 + (4 * tagTypes.Length) + payload.Length];
        ServerMac.GetAddressBytes().CopyTo(frame, 0);
        ClientMac.GetAddressBytes().CopyTo(frame, 6);
        int offset = 12;
        foreach (ushort tagType in tagTypes)
        {
            BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(offset), tagType);
            BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(offset + 2), 100); // VLAN 100
            offset += 4;
        }

        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(offset), etherType);
        payload.CopyTo(frame, offset + 2);
        return frame;
    }

    /// <summary>Linux cooked capture v1: 16 bytes, protocol at offset 14.</summary>
    public static byte[] Sll(byte[] ip, ushort protocol)
    {
        var frame = new byte[16 + ip.Length];
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(0), 4); // sent by us
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(2), 1); // ARPHRD_ETHER
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(4), 6);
        ClientMac.GetAddressBytes().CopyTo(frame, 6);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(14), protocol);
        ip.CopyTo(frame, 16);
        return frame;
    }

    /// <summary>Linux cooked capture v2: 20 bytes, protocol at offset 0.</summary>
    public static byte[] Sll2(byte[] ip, ushort protocol)
    {
        var frame = new byte[20 + ip.Length];
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(0), protocol);
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(4), 3); // interface index
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(8), 1); // ARPHRD_ETHER
        frame[10] = 4; // sent by us
        frame[11] = 6;
        ClientMac.GetAddressBytes().CopyTo(frame, 12);
        ip.CopyTo(frame, 20);
        return frame;
    }

    /// <summary>BSD NULL or LOOP: a 4-byte address family.</summary>
    public static byte[] AddressFamily(byte[] ip, uint family, bool littleEndian)
    {
        var frame = new byte[4 + ip.Length];
        if (littleEndian)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(frame, family);
        }
        else
        {
            BinaryPrimitives.WriteUInt32BigEndian(frame, family);
        }

        ip.CopyTo(frame, 4);
        return frame;
    }

    public static byte[] Arp() =>
        new EthernetPacket(ClientMac, PhysicalAddress.Parse("FF-FF-FF-FF-FF-FF"), EthernetType.None)
        {
            PayloadPacket = new ArpPacket(
                ArpOperation.Request, PhysicalAddress.Parse("00-00-00-00-00-00"), IPAddress.Parse(ServerV4), ClientMac, IPAddress.Parse(ClientV4)),
        }.Bytes;
}
