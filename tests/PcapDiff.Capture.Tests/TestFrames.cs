using System.Net;
using System.Net.NetworkInformation;
using PacketDotNet;
using PacketDotNet.Utils;

namespace PcapDiff.Capture.Tests;

/// <summary>Frames for the test captures, built with PacketDotNet.</summary>
internal static class TestFrames
{
    public const string Client = "192.0.2.10";
    public const string Server = "198.51.100.20";

    private static readonly PhysicalAddress ClientMac = PhysicalAddress.Parse("02-00-00-00-00-01");
    private static readonly PhysicalAddress ServerMac = PhysicalAddress.Parse("02-00-00-00-00-02");

    public static byte[] TcpSyn(ushort clientPort = 40000, ushort serverPort = 8514) =>
        Ethernet(Ip(new TcpPacket(new ByteArraySegment(TcpHeader()))
        {
            SourcePort = clientPort,
            DestinationPort = serverPort,
            SequenceNumber = 1000,
            Synchronize = true,
            WindowSize = 64240,
        }));

    public static byte[] UdpDatagram(byte[] payload, ushort clientPort = 40001, ushort serverPort = 53)
    {
        var udp = new UdpPacket(clientPort, serverPort) { PayloadData = payload };
        IPv4Packet ip = Ip(udp);
        udp.UpdateCalculatedValues();
        return Ethernet(ip);
    }

    public static byte[] Arp() =>
        new EthernetPacket(ClientMac, PhysicalAddress.Parse("FF-FF-FF-FF-FF-FF"), EthernetType.None)
        {
            PayloadPacket = new ArpPacket(
                ArpOperation.Request, PhysicalAddress.Parse("00-00-00-00-00-00"), IPAddress.Parse(Server), ClientMac, IPAddress.Parse(Client)),
        }.Bytes;

    /// <summary>The IPv4 packet of <see cref="TcpSyn"/> without its Ethernet header.</summary>
    public static byte[] RawIp(byte[] ethernetFrame) => ethernetFrame[14..];

    private static byte[] TcpHeader()
    {
        var header = new byte[20];
        header[12] = 5 << 4;
        return header;
    }

    private static IPv4Packet Ip(Packet transport)
    {
        var ip = new IPv4Packet(IPAddress.Parse(Client), IPAddress.Parse(Server)) { PayloadPacket = transport };
        ip.UpdateCalculatedValues();
        return ip;
    }

    private static byte[] Ethernet(Packet ip) =>
        new EthernetPacket(ClientMac, ServerMac, EthernetType.None) { PayloadPacket = ip }.Bytes;
}
