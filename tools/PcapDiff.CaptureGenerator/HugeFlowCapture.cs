namespace PcapDiff.CaptureGenerator;

/// <summary>
/// Writes one very long TCP connection, as a capture point beside the client sees it: a client
/// (198.51.100.23) connects to the collector (192.0.2.50:8514) and sends it a text stream one byte
/// per segment, as an unbuffered writer with Nagle off does, one write every 40-160 µs; the server
/// ACKs every second segment a round trip later; the client closes with FIN after the last byte.
/// </summary>
public static class HugeFlowCapture
{
    private const long Turnaround = 30;
    private const ushort SynWindow = 64240;
    private const ushort SynAckWindow = 65160;
    private const ushort ClientWindow = 502;
    private const ushort ServerWindow = 509;

    /// <summary>Writes the connection; returns what the file holds.</summary>
    public static GenerationResult Generate(HugeFlowOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Segments);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Segments, int.MaxValue);
        Directory.CreateDirectory(options.OutputDirectory);
        var rng = Rng.For(options.Seed, Rng.Stream.HugeFlow, 0);
        int rtt = rng.Next(1_500, 4_000);
        var client = new Client(Ip.Of(198, 51, 100, 23), rtt, 0, 0);
        var collector = new Host("collector.example.test", Ip.Of(192, 0, 2, 50), 62, 0);
        var flow = new SimFlow(0, client, (ushort)rng.Next(32768, 61000), collector, 8514, rtt)
        {
            ClientClock = rng.NextUInt32(),
            ServerClock = rng.NextUInt32(),
        };
        int message = flow.AddMessage(new Message([], options.Segments, textFiller: true));
        uint clientIsn = rng.NextUInt32();
        uint serverIsn = rng.NextUInt32();
        using var sender = new Sender(new PcapFileWriter(options.Path, options.SnapLength), flow, (ushort)rng.Next(65536), (ushort)rng.Next(65536));

        const long start = 1_000;
        sender.Send(Segment(start, true, Tcp.Syn, clientIsn, 0, SynWindow, Tcp.SynOptions));
        sender.Send(Segment(start + rtt, false, Tcp.Syn | Tcp.Ack, serverIsn, clientIsn + 1, SynAckWindow, Tcp.SynOptions));
        long t = start + rtt + Turnaround;
        sender.Send(Segment(t, true, Tcp.Ack, clientIsn + 1, serverIsn + 1, ClientWindow, Tcp.TimestampOptions));
        for (int i = 0; i < options.Segments; i++)
        {
            t += rng.Next(40, 160);
            uint sequence = clientIsn + 1 + (uint)i;
            sender.Send(Segment(t, true, Tcp.Psh | Tcp.Ack, sequence, serverIsn + 1, ClientWindow, Tcp.TimestampOptions) with
            {
                Message = message,
                Offset = i,
                Length = 1,
            });
            if (i % 2 == 1)
            {
                sender.Send(Segment(t + rtt, false, Tcp.Ack, serverIsn + 1, sequence + 1, ServerWindow, Tcp.TimestampOptions));
            }
        }

        uint end = clientIsn + 1 + (uint)options.Segments;
        t += 200;
        sender.Send(Segment(t, true, Tcp.Fin | Tcp.Ack, end, serverIsn + 1, ClientWindow, Tcp.TimestampOptions));
        sender.Send(Segment(t + rtt, false, Tcp.Fin | Tcp.Ack, serverIsn + 1, end + 1, ServerWindow, Tcp.TimestampOptions));
        sender.Send(Segment(t + rtt + Turnaround, true, Tcp.Ack, end + 1, serverIsn + 2, ClientWindow, Tcp.TimestampOptions));
        sender.Flush();

        var duration = TimeSpan.FromTicks((t + rtt + Turnaround - start) * 10);
        return new GenerationResult(options.Path, sender.Packets, sender.Bytes, 1, 1, 0, duration, 1);
    }

    private static SimPacket Segment(long time, bool fromClient, byte flags, uint sequence, uint acknowledgment, ushort window, byte options) => new()
    {
        Time = time,
        Kind = PacketKind.Tcp,
        FromClient = fromClient,
        Flags = flags,
        Sequence = sequence,
        Acknowledgment = acknowledgment,
        Window = window,
        Options = options,
        Message = -1,
    };

    /// <summary>
    /// Writes the packets of one flow in time order without holding them all: the client's are
    /// written as they come, the server's (which arrive a round trip later) wait until then.
    /// Each side's IP IDs count up from where they start.
    /// </summary>
    private sealed class Sender(PcapFileWriter writer, SimFlow flow, ushort clientIpId, ushort serverIpId) : IDisposable
    {
        private readonly Queue<SimPacket> _server = new();

        public long Packets => writer.Packets;

        public long Bytes => writer.Bytes;

        /// <summary>Writes a client packet (after the server packets due before it) or queues a server packet; times on each side must not go back.</summary>
        public void Send(SimPacket packet)
        {
            if (!packet.FromClient)
            {
                _server.Enqueue(packet);
                return;
            }

            while (_server.TryPeek(out var due) && due.Time <= packet.Time)
            {
                Write(_server.Dequeue());
            }

            Write(packet);
        }

        /// <summary>Writes the server packets still waiting.</summary>
        public void Flush()
        {
            while (_server.TryDequeue(out var packet))
            {
                Write(packet);
            }
        }

        public void Dispose() => writer.Dispose();

        private void Write(SimPacket packet)
        {
            packet.IpId = packet.FromClient ? clientIpId++ : serverIpId++;
            writer.Write(flow, packet);
        }
    }
}
