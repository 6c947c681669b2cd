namespace PcapDiff.CaptureGenerator;

/// <summary>
/// Writes a port scan as a capture point beside the scanner sees it: one host (203.0.113.66) sends
/// a single SYN, as a SYN scan does (no options, window 1024, one source port for the whole scan),
/// to each of ports 1-1024 of one target after another in 198.18.0.0/15, the ports of each target
/// in a random order. Nothing answers, so every probe is a flow of one packet.
/// </summary>
public static class ScanCapture
{
    /// <summary>Ports probed on each target host.</summary>
    public const int PortsPerHost = 1024;

    /// <summary>Target hosts: 198.18.0.0/15 without the .0 and .255 addresses.</summary>
    public const int MaxHosts = 512 * 254;

    /// <summary>The most flows one scan can have.</summary>
    public const long MaxFlows = (long)MaxHosts * PortsPerHost;

    private const ushort ScanWindow = 1024;

    private static readonly uint ScannerAddress = Ip.Of(203, 0, 113, 66);

    /// <summary>Writes the scan; returns what the file holds.</summary>
    public static GenerationResult Generate(ScanOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Flows);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Flows, MaxFlows);
        Directory.CreateDirectory(options.OutputDirectory);
        var rng = Rng.For(options.Seed, Rng.Stream.Scan, 0);
        var scanner = new Client(ScannerAddress, 0, 0, 0);
        ushort sourcePort = (ushort)rng.Next(32768, 61000);
        ushort ipId = (ushort)rng.Next(65536);
        var ports = new ushort[PortsPerHost];
        using var writer = new PcapFileWriter(options.Path, options.SnapLength);
        const long first = 1_000;
        long time = first;
        long last = first;
        Host target = Target(0);
        for (long n = 0; n < options.Flows; n++)
        {
            int slot = (int)(n % PortsPerHost);
            if (slot == 0)
            {
                target = Target((int)(n / PortsPerHost));
                Shuffle(ports, rng);
            }

            var flow = new SimFlow((int)n, scanner, sourcePort, target, ports[slot], 0);
            var syn = new SimPacket
            {
                Time = time,
                Kind = PacketKind.Tcp,
                FromClient = true,
                Flags = Tcp.Syn,
                Sequence = rng.NextUInt32(),
                Window = ScanWindow,
                Options = Tcp.NoOptions,
                Message = -1,
                IpId = ipId++,
            };
            writer.Write(flow, syn);
            last = time;
            time += rng.Next(20, 60);
        }

        var duration = TimeSpan.FromTicks((last - first) * 10);
        return new GenerationResult(options.Path, writer.Packets, writer.Bytes, options.Flows, options.Flows, 0, duration, 1);
    }

    /// <summary>The target host with index <paramref name="index"/>: 198.18.0.1, 198.18.0.2, ..., 198.18.0.254, 198.18.1.1, ...</summary>
    private static Host Target(int index)
    {
        int net = index / 254;
        byte second = (byte)(18 + (net >> 8));
        byte third = (byte)(net & 0xFF);
        byte fourth = (byte)((index % 254) + 1);
        return new Host($"198.{second}.{third}.{fourth}", Ip.Of(198, second, third, fourth), 64, 0);
    }

    /// <summary>Ports 1 to <see cref="PortsPerHost"/> in a random order (Fisher-Yates).</summary>
    private static void Shuffle(ushort[] ports, Rng rng)
    {
        for (int i = 0; i < ports.Length; i++)
        {
            ports[i] = (ushort)(i + 1);
        }

        for (int i = ports.Length - 1; i > 0; i--)
        {
            int j = rng.Next(i + 1);
            (ports[i], ports[j]) = (ports[j], ports[i]);
        }
    }
}
