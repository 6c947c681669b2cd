using System.Buffers.Binary;
using System.Text;

namespace PcapDiff.CaptureGenerator;

/// <summary>The datagram flows: DNS lookups, NTP polls, syslog to a closed port, and ping.</summary>
internal static class UdpFlowBuilder
{
    private const long DnsRetryTimeout = 5_000_000;

    /// <summary>
    /// A stub resolver's lookup: A (and often AAAA, sent together on one socket), answered by the
    /// resolver; now and then the first answer is lost and the query is sent again after 5 s.
    /// Returns when the last answer arrived.
    /// </summary>
    /// <param name="flow">The flow, from a client to the resolver.</param>
    /// <param name="rng">The session's random stream.</param>
    /// <param name="start">When the first query leaves.</param>
    /// <param name="name">The name asked for.</param>
    /// <param name="target">The host the name belongs to, or null for a name that does not exist (NXDOMAIN).</param>
    /// <param name="withAaaa">Whether an AAAA query goes along (answered with no records: the hosts have no IPv6).</param>
    /// <param name="retried">Whether the A answer is lost and the query sent again.</param>
    public static long Dns(SimFlow flow, Rng rng, long start, string name, Host? target, bool withAaaa, bool retried)
    {
        ushort id = (ushort)rng.Next(65536);
        int rcode = target is null ? DnsWire.NxDomain : DnsWire.NoError;
        var query = Datagram(flow, DnsWire.Query(id, name, DnsWire.TypeA));
        var answer = Datagram(flow, DnsWire.Response(id, name, DnsWire.TypeA, rcode, target?.CanonicalName, target?.Address));
        long t = start;
        Add(flow, t, fromClient: true, query);
        long done;
        if (retried)
        {
            t += DnsRetryTimeout;
            Add(flow, t, fromClient: true, query);
        }

        Add(flow, t + flow.Rtt, fromClient: false, answer);
        done = t + flow.Rtt;
        if (withAaaa)
        {
            ushort id6 = (ushort)(id + 1 + rng.Next(1000));
            long sent = start + rng.Next(15, 80);
            long answered = t + flow.Rtt + rng.Next(-120, 400);
            Add(flow, sent, fromClient: true, Datagram(flow, DnsWire.Query(id6, name, DnsWire.TypeAaaa)));
            Add(flow, Math.Max(sent + 50, answered), fromClient: false, Datagram(flow, DnsWire.Response(id6, name, DnsWire.TypeAaaa, rcode, null, null)));
            done = Math.Max(done, Math.Max(sent + 50, answered));
        }

        flow.Seal((ushort)rng.Next(65536), (ushort)rng.Next(65536));
        return done;
    }

    /// <summary>An NTP client poll (mode 3) and the server's reply (mode 4).</summary>
    public static void Ntp(SimFlow flow, Rng rng, long start)
    {
        var request = new byte[48];
        request[0] = 0x23;
        rng.Fill(request.AsSpan(40, 8));
        var reply = new byte[48];
        reply[0] = 0x24;
        reply[1] = 2;
        reply[2] = 6;
        reply[3] = 0xE9;
        BinaryPrimitives.WriteUInt32BigEndian(reply.AsSpan(4), (uint)rng.Next(100, 3000));
        BinaryPrimitives.WriteUInt32BigEndian(reply.AsSpan(8), (uint)rng.Next(100, 3000));
        BinaryPrimitives.WriteUInt32BigEndian(reply.AsSpan(12), Ip.Of(192, 0, 2, 1));
        ulong now = NtpTime(start);
        BinaryPrimitives.WriteUInt64BigEndian(reply.AsSpan(16), now - (64UL << 32));
        request.AsSpan(40, 8).CopyTo(reply.AsSpan(24));
        BinaryPrimitives.WriteUInt64BigEndian(reply.AsSpan(32), now + (ulong)flow.Rtt * 2000);
        BinaryPrimitives.WriteUInt64BigEndian(reply.AsSpan(40), now + (ulong)flow.Rtt * 2100);
        Add(flow, start, fromClient: true, Datagram(flow, request));
        Add(flow, start + flow.Rtt, fromClient: false, Datagram(flow, reply));
        flow.Seal((ushort)rng.Next(65536), (ushort)rng.Next(65536));
    }

    /// <summary>
    /// Syslog messages to a host where nothing listens on 514: each answered by an ICMP port
    /// unreachable that quotes the datagram (IP header as it arrived, UDP header, payload).
    /// </summary>
    public static void SyslogToClosedPort(SimFlow flow, Rng rng, long start, int messages)
    {
        ushort clientId = (ushort)rng.Next(65536);
        long t = start;
        for (int i = 0; i < messages; i++)
        {
            long unix = CaptureClock.StartUnixSeconds + (t / 1_000_000);
            var stamp = DateTimeOffset.FromUnixTimeSeconds(unix).AddTicks(t % 1_000_000 * 10);
            string text = $"<14>1 {stamp:yyyy-MM-ddTHH:mm:ss.ffffffZ} client-{flow.Client.Address & 0xFF} sensord {1000 + (flow.Id % 30000)} - - reading {rng.Next(100000)} ok\n";
            var payload = Encoding.ASCII.GetBytes(text);
            int datagram = Datagram(flow, payload);
            Add(flow, t, fromClient: true, datagram);

            // What the server received, as the ICMP error quotes it.
            var quoted = new byte[FrameWriter.Ipv4Header + 8 + payload.Length];
            int udpLength = FrameWriter.WriteUdp(quoted.AsSpan(FrameWriter.Ipv4Header), flow.Client.Address, flow.Server.Address, flow.ClientPort, flow.ServerPort, payload);
            FrameWriter.WriteIpv4(quoted, flow.Client.Address, flow.Server.Address, FrameWriter.ProtocolUdp, FrameWriter.Ipv4Header + udpLength, (ushort)(clientId + i), flow.Server.Ttl, dontFragment: true);
            int error = flow.AddMessage(new Message(quoted, quoted.Length));
            flow.Add(new SimPacket { Time = t + flow.Rtt, Kind = PacketKind.IcmpPortUnreachable, FromClient = false, Message = error, Length = quoted.Length });
            t += (long)rng.LogUniform(20_000, 4_000_000);
        }

        flow.Seal(clientId, (ushort)rng.Next(65536));
    }

    /// <summary>Linux ping: echo requests a second apart, 16 bytes of timeval and the 0x10.. pattern; each answered.</summary>
    public static void Ping(SimFlow flow, Rng rng, long start, ushort identifier, int count)
    {
        for (int i = 0; i < count; i++)
        {
            long t = start + (i * 1_000_000L) + rng.Next(0, 300);
            var payload = new byte[56];
            BinaryPrimitives.WriteInt64LittleEndian(payload, CaptureClock.StartUnixSeconds + (t / 1_000_000));
            BinaryPrimitives.WriteInt64LittleEndian(payload.AsSpan(8), t % 1_000_000);
            for (int b = 16; b < payload.Length; b++)
            {
                payload[b] = (byte)b;
            }

            int message = flow.AddMessage(new Message(payload, payload.Length));
            var request = new SimPacket
            {
                Time = t,
                Kind = PacketKind.IcmpEcho,
                FromClient = true,
                Acknowledgment = identifier,
                Sequence = (uint)(i + 1),
                Message = message,
                Length = payload.Length,
            };
            flow.Add(request);
            flow.Add(request with { Time = t + flow.Rtt, FromClient = false });
        }

        flow.Seal((ushort)rng.Next(65536), (ushort)rng.Next(65536));
    }

    private static ulong NtpTime(long captureMicros)
    {
        const ulong UnixToNtp = 2_208_988_800UL;
        ulong seconds = (ulong)CaptureClock.StartUnixSeconds + UnixToNtp + (ulong)(captureMicros / 1_000_000);
        ulong fraction = (ulong)(captureMicros % 1_000_000) * (1UL << 32) / 1_000_000;
        return (seconds << 32) | fraction;
    }

    private static int Datagram(SimFlow flow, byte[] payload) => flow.AddMessage(new Message(payload, payload.Length));

    private static void Add(SimFlow flow, long time, bool fromClient, int message) =>
        flow.Add(new SimPacket
        {
            Time = time,
            Kind = PacketKind.Udp,
            FromClient = fromClient,
            Message = message,
            Length = flow.Messages[message].Head.Length,
        });
}
