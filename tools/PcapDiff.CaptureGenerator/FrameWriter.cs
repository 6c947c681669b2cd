using System.Buffers.Binary;

namespace PcapDiff.CaptureGenerator;

/// <summary>Builds Ethernet/IPv4 frames of simulated packets, checksums and all.</summary>
internal static class FrameWriter
{
    public const int EthernetHeader = 14;
    public const int Ipv4Header = 20;
    public const byte ProtocolIcmp = 1;
    public const byte ProtocolTcp = 6;
    public const byte ProtocolUdp = 17;
    private const byte ClientTtl = 64;

    /// <summary>Writes the frame of <paramref name="p"/> into <paramref name="frame"/>; returns its length.</summary>
    public static int Write(SimFlow flow, in SimPacket p, Span<byte> frame)
    {
        ulong sourceMac = p.FromClient ? flow.Client.Mac : World.RouterMac;
        ulong destinationMac = p.FromClient ? World.RouterMac : flow.Client.Mac;
        WriteMac(frame, destinationMac);
        WriteMac(frame[6..], sourceMac);
        BinaryPrimitives.WriteUInt16BigEndian(frame[12..], 0x0800);

        uint source = p.FromClient ? flow.Client.Address : flow.Server.Address;
        uint destination = p.FromClient ? flow.Server.Address : flow.Client.Address;
        byte ttl = p.FromClient ? ClientTtl : flow.Server.Ttl;
        var ip = frame[EthernetHeader..];
        var transport = ip[Ipv4Header..];
        int transportLength;
        byte protocol;
        switch (p.Kind)
        {
            case PacketKind.Tcp:
                protocol = ProtocolTcp;
                transportLength = WriteTcp(flow, p, transport, source, destination);
                break;
            case PacketKind.Udp:
                protocol = ProtocolUdp;
                transportLength = WriteUdp(flow, p, transport, source, destination);
                break;
            default:
                protocol = ProtocolIcmp;
                transportLength = WriteIcmp(flow, p, transport);
                break;
        }

        bool dontFragment = p.Kind is PacketKind.Tcp or PacketKind.Udp || (p.Kind == PacketKind.IcmpEcho && p.FromClient);
        WriteIpv4(ip, source, destination, protocol, Ipv4Header + transportLength, p.IpId, ttl, dontFragment);
        return EthernetHeader + Ipv4Header + transportLength;
    }

    /// <summary>An IPv4 header without options, checksum included.</summary>
    public static void WriteIpv4(Span<byte> ip, uint source, uint destination, byte protocol, int totalLength, ushort id, byte ttl, bool dontFragment)
    {
        ip[0] = 0x45;
        ip[1] = 0;
        BinaryPrimitives.WriteUInt16BigEndian(ip[2..], (ushort)totalLength);
        BinaryPrimitives.WriteUInt16BigEndian(ip[4..], id);
        BinaryPrimitives.WriteUInt16BigEndian(ip[6..], (ushort)(dontFragment ? 0x4000 : 0));
        ip[8] = ttl;
        ip[9] = protocol;
        ip[10] = 0;
        ip[11] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(ip[12..], source);
        BinaryPrimitives.WriteUInt32BigEndian(ip[16..], destination);
        Checksum.Write(Checksum.Add(0, ip[..Ipv4Header]), ip[10..]);
    }

    /// <summary>A UDP header and payload, checksum included; returns the datagram's length.</summary>
    public static int WriteUdp(Span<byte> udp, uint source, uint destination, ushort sourcePort, ushort destinationPort, ReadOnlySpan<byte> payload)
    {
        int length = 8 + payload.Length;
        BinaryPrimitives.WriteUInt16BigEndian(udp, sourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(udp[2..], destinationPort);
        BinaryPrimitives.WriteUInt16BigEndian(udp[4..], (ushort)length);
        udp[6] = 0;
        udp[7] = 0;
        payload.CopyTo(udp[8..]);
        ulong sum = Checksum.PseudoHeader(source, destination, ProtocolUdp, length);
        Checksum.Write(Checksum.Add(sum, udp[..length]), udp[6..]);
        if (udp[6] == 0 && udp[7] == 0)
        {
            // A computed zero is sent as all ones (RFC 768).
            udp[6] = 0xFF;
            udp[7] = 0xFF;
        }

        return length;
    }

    private static int WriteTcp(SimFlow flow, in SimPacket p, Span<byte> tcp, uint source, uint destination)
    {
        BinaryPrimitives.WriteUInt16BigEndian(tcp, p.FromClient ? flow.ClientPort : flow.ServerPort);
        BinaryPrimitives.WriteUInt16BigEndian(tcp[2..], p.FromClient ? flow.ServerPort : flow.ClientPort);
        BinaryPrimitives.WriteUInt32BigEndian(tcp[4..], p.Sequence);
        BinaryPrimitives.WriteUInt32BigEndian(tcp[8..], p.Acknowledgment);
        int options = WriteTcpOptions(flow, p, tcp[20..]);
        int header = 20 + options;
        tcp[12] = (byte)((header / 4) << 4);
        tcp[13] = p.Flags;
        BinaryPrimitives.WriteUInt16BigEndian(tcp[14..], p.Window);
        tcp[16] = 0;
        tcp[17] = 0;
        tcp[18] = 0;
        tcp[19] = 0;
        if (p.Length > 0)
        {
            flow.Messages[p.Message].CopyTo(p.Offset, tcp.Slice(header, p.Length), flow.Salt + (p.FromClient ? 0 : 4099));
        }

        int length = header + p.Length;
        ulong sum = Checksum.PseudoHeader(source, destination, ProtocolTcp, length);
        Checksum.Write(Checksum.Add(sum, tcp[..length]), tcp[16..]);
        return length;
    }

    private static int WriteTcpOptions(SimFlow flow, in SimPacket p, Span<byte> options)
    {
        if (p.Options == Tcp.NoOptions)
        {
            return 0;
        }

        // Each side's timestamp clock ticks in milliseconds; the echo is the peer's clock a half round trip ago.
        long half = flow.Rtt / 2;
        uint own = p.FromClient
            ? flow.ClientClock + (uint)(p.Time / 1000)
            : flow.ServerClock + (uint)(Math.Max(0, p.Time - half) / 1000);
        uint echo = p.FromClient
            ? flow.ServerClock + (uint)(Math.Max(0, p.Time - half) / 1000)
            : flow.ClientClock + (uint)(Math.Max(0, p.Time - flow.Rtt) / 1000);
        bool syn = (p.Flags & Tcp.Syn) != 0;
        if (p.Options == Tcp.SynOptions)
        {
            // MSS 1460, SACK permitted, timestamps, NOP, window scale 7: Linux's SYN.
            ReadOnlySpan<byte> head = [2, 4, 0x05, 0xB4, 4, 2, 8, 10];
            head.CopyTo(options);
            BinaryPrimitives.WriteUInt32BigEndian(options[8..], own);
            BinaryPrimitives.WriteUInt32BigEndian(options[12..], syn && (p.Flags & Tcp.Ack) == 0 ? 0 : echo);
            options[16] = 1;
            options[17] = 3;
            options[18] = 3;
            options[19] = 7;
            return 20;
        }

        options[0] = 1;
        options[1] = 1;
        options[2] = 8;
        options[3] = 10;
        BinaryPrimitives.WriteUInt32BigEndian(options[4..], own);
        BinaryPrimitives.WriteUInt32BigEndian(options[8..], echo);
        return 12;
    }

    private static int WriteUdp(SimFlow flow, in SimPacket p, Span<byte> udp, uint source, uint destination)
    {
        var message = flow.Messages[p.Message];
        ushort sourcePort = p.FromClient ? flow.ClientPort : flow.ServerPort;
        ushort destinationPort = p.FromClient ? flow.ServerPort : flow.ClientPort;
        return WriteUdp(udp, source, destination, sourcePort, destinationPort, message.Head.AsSpan(0, p.Length));
    }

    private static int WriteIcmp(SimFlow flow, in SimPacket p, Span<byte> icmp)
    {
        if (p.Kind == PacketKind.IcmpEcho)
        {
            icmp[0] = (byte)(p.FromClient ? 8 : 0);
            icmp[1] = 0;
            BinaryPrimitives.WriteUInt16BigEndian(icmp[4..], (ushort)p.Acknowledgment);
            BinaryPrimitives.WriteUInt16BigEndian(icmp[6..], (ushort)p.Sequence);
        }
        else
        {
            icmp[0] = 3;
            icmp[1] = 3;
            BinaryPrimitives.WriteUInt32BigEndian(icmp[4..], 0);
        }

        icmp[2] = 0;
        icmp[3] = 0;
        flow.Messages[p.Message].Head.AsSpan(0, p.Length).CopyTo(icmp[8..]);
        int length = 8 + p.Length;
        Checksum.Write(Checksum.Add(0, icmp[..length]), icmp[2..]);
        return length;
    }

    private static void WriteMac(Span<byte> destination, ulong mac)
    {
        for (int i = 0; i < 6; i++)
        {
            destination[i] = (byte)(mac >> (40 - (8 * i)));
        }
    }
}
