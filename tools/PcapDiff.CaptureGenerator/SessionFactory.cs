namespace PcapDiff.CaptureGenerator;

/// <summary>
/// Starts sessions one after another (Poisson arrivals) and lays out their flows. A session is a
/// client using a TCP service, often after a DNS lookup; or a lookup alone (some for names that do
/// not exist); or an NTP poll, syslog to a closed port, or a ping. Everything about session n comes
/// from stream (seed, n), so the good and the bad run build the same sessions; the bad run only
/// makes the chosen TCP flows fail.
/// </summary>
internal sealed class SessionFactory(World world, ulong seed, double sessionsPerSecond, double badFraction, bool bad)
{
    private static readonly string[] MissingNames = ["wpad.example.test", "isatap.example.test", "collector.example.test", "update.example.test"];

    private readonly Rng _arrivals = Rng.For(seed, Rng.Stream.Arrivals, 0);
    private long _session;
    private int _nextFlowId;

    /// <summary>When the next session starts, microseconds into the capture.</summary>
    public long NextStart { get; private set; } = 1_000;

    /// <summary>Flows that failed in the bad run.</summary>
    public int FailedFlows { get; private set; }

    /// <summary>Starts the next session; returns its flows with their packets laid out.</summary>
    public IReadOnlyList<SimFlow> Next()
    {
        long start = NextStart;
        NextStart += 1 + (long)_arrivals.Exponential(1_000_000.0 / sessionsPerSecond);
        var rng = Rng.For(seed, Rng.Stream.Session, _session++);
        var client = world.Clients[rng.Next(world.Clients.Count)];
        double kind = rng.NextDouble();
        if (kind < 0.90)
        {
            return TcpSession(rng, client, start);
        }

        if (kind < 0.94)
        {
            bool missing = rng.Chance(0.6);
            string name = missing ? MissingNames[rng.Next(MissingNames.Length)] : world.Services[rng.Next(world.Services.Count)].Host.Name;
            var target = missing ? null : world.Services.First(s => s.Host.Name == name).Host;
            var dns = Flow(rng, client, world.Resolver, 53, 300 + rng.Next(1_500));
            UdpFlowBuilder.Dns(dns, rng, start, name, target, rng.Chance(0.5), rng.Chance(0.01));
            return [dns];
        }

        if (kind < 0.97)
        {
            var ntp = Flow(rng, client, world.Ntp, 123, client.Rtt + world.Ntp.ExtraRtt);
            UdpFlowBuilder.Ntp(ntp, rng, start);
            return [ntp];
        }

        if (kind < 0.985)
        {
            var syslog = Flow(rng, client, world.Logs, 514, client.Rtt + world.Logs.ExtraRtt);
            UdpFlowBuilder.SyslogToClosedPort(syslog, rng, start, rng.Geometric(1.6));
            return [syslog];
        }

        var target2 = world.Services[rng.Next(world.Services.Count)].Host;
        var ping = new SimFlow(_nextFlowId++, client, 0, target2, 0, client.Rtt + target2.ExtraRtt);
        UdpFlowBuilder.Ping(ping, rng, start, client.NextPingId(), rng.Next(3, 6));
        return [ping];
    }

    private List<SimFlow> TcpSession(Rng rng, Client client, long start)
    {
        var service = world.ChooseService(rng);
        var flows = new List<SimFlow>(2);
        long connect = start;
        if (rng.Chance(0.5))
        {
            // Not in the client's cache: look the name up first (cache misses at the resolver take longer).
            int resolverRtt = rng.Chance(0.2) ? rng.Next(8_000, 60_000) : rng.Next(250, 1_800);
            var dns = Flow(rng, client, world.Resolver, 53, resolverRtt);
            connect = UdpFlowBuilder.Dns(dns, rng, start, service.Host.Name, service.Host, rng.Chance(0.6), rng.Chance(0.004)) + rng.Next(60, 900);
            flows.Add(dns);
        }

        var tcp = new SimFlow(_nextFlowId++, client, client.NextPort(rng), service.Host, service.Port, client.Rtt + service.Host.ExtraRtt)
        {
            ClientClock = rng.NextUInt32(),
            ServerClock = rng.NextUInt32(),
        };
        var plan = Plan(rng, service, tcp, connect);
        var failure = Rng.For(seed, Rng.Stream.Failure, tcp.Id);
        if (bad && failure.NextDouble() < badFraction)
        {
            plan.Failure = (FailureMode)(1 + failure.Next(3));
            tcp.Failed = true;
            FailedFlows++;
        }

        ushort clientIpId = (ushort)rng.Next(65536);
        ushort serverIpId = (ushort)rng.Next(65536);
        TcpFlowBuilder.Build(tcp, plan, rng);
        tcp.Seal(clientIpId, serverIpId);
        flows.Add(tcp);
        return flows;
    }

    private static TcpPlan Plan(Rng rng, Service service, SimFlow flow, long start)
    {
        var (greeting, exchanges) = AppMessages.For(service, rng, flow.Id);
        var losses = new List<(bool, bool)>(exchanges.Count);
        foreach (var exchange in exchanges)
        {
            losses.Add((LossIn(rng, exchange.Request), LossIn(rng, exchange.Response)));
        }

        double down = rng.LogUniform(8, 300);
        double up = rng.LogUniform(4, 80);
        CloseKind close = service.Protocol switch
        {
            AppProtocol.Smtp => CloseKind.ServerFin,
            AppProtocol.Collector => CloseKind.ClientFin,
            _ => rng.NextDouble() switch
            {
                < 0.70 => CloseKind.ClientFin,
                < 0.84 => CloseKind.ServerFin,
                < 0.95 => CloseKind.ClientRst,
                _ => CloseKind.ServerRst,
            },
        };
        long idle = close switch
        {
            _ when service.Protocol is AppProtocol.Smtp or AppProtocol.Collector => rng.Next(50, 400),
            CloseKind.ServerFin => 5_000_000 + rng.Next(0, 20_000),
            _ => (long)Math.Min(rng.Exponential(700_000), 15_000_000),
        };
        return new TcpPlan
        {
            Start = start,
            ClientIsn = rng.NextUInt32(),
            ServerIsn = rng.NextUInt32(),
            DownGap = Math.Max(1, (long)(Tcp.Mss * 8 / down)),
            UpGap = Math.Max(1, (long)(Tcp.Mss * 8 / up)),
            SynRetried = rng.Chance(0.003),
            Greeting = greeting,
            Exchanges = exchanges,
            Losses = losses,
            Close = close,
            Idle = idle,
            ClientFinWithAck = rng.Chance(0.5),
        };
    }

    /// <summary>Whether a segment of the message is lost: more likely the more segments it has.</summary>
    private static bool LossIn(Rng rng, Message? message)
    {
        if (message is null)
        {
            return false;
        }

        long segments = (message.Length + Tcp.Mss - 1) / Tcp.Mss;
        return rng.Chance(Math.Min(0.3, 0.004 + (segments * 0.0015)));
    }

    private SimFlow Flow(Rng rng, Client client, Host server, ushort port, int rtt) =>
        new(_nextFlowId++, client, client.NextPort(rng), server, port, rtt);
}
