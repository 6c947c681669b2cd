namespace PcapDiff.CaptureGenerator;

/// <summary>
/// The network the captures are taken in: clients in 198.51.100.0/24 and 203.0.113.0/24 on the near
/// side of the capture point, a resolver and a few servers in 192.0.2.0/24 behind the router.
/// </summary>
internal sealed class World
{
    /// <summary>The router's MAC: every packet from a server reaches the clients through it.</summary>
    public const ulong RouterMac = 0x001B_213A_4C5EUL;

    private readonly double _totalWeight;

    public World(ulong seed)
    {
        var rng = Rng.For(seed, Rng.Stream.World, 0);
        var www = new Host("www.example.test", Ip.Of(192, 0, 2, 10), 56, 1_500);
        var api = new Host("api.example.test", Ip.Of(192, 0, 2, 20), 55, 3_000);
        var cdn = new Host("cdn.example.test", Ip.Of(192, 0, 2, 30), 58, 500, "edge-7.cdn.example.net");
        var mail = new Host("mail.example.test", Ip.Of(192, 0, 2, 40), 60, 4_000);
        var collector = new Host("collector.example.test", Ip.Of(192, 0, 2, 50), 62, 800);
        Services =
        [
            new Service(www, 443, AppProtocol.Tls, 0.28),
            new Service(www, 80, AppProtocol.Http, 0.14),
            new Service(api, 443, AppProtocol.Tls, 0.30),
            new Service(cdn, 443, AppProtocol.Tls, 0.14),
            new Service(mail, 25, AppProtocol.Smtp, 0.05),
            new Service(collector, 8514, AppProtocol.Collector, 0.09),
        ];
        _totalWeight = Services.Sum(s => s.Weight);
        Resolver = new Host("ns.example.test", Ip.Of(192, 0, 2, 53), 63, 0);
        Ntp = new Host("ntp.example.test", Ip.Of(192, 0, 2, 123), 57, 2_000);
        Logs = new Host("logs.example.test", Ip.Of(192, 0, 2, 60), 61, 1_000);

        var clients = new List<Client>();
        foreach (byte network in new byte[] { 1, 2 })
        {
            for (int h = 1; h <= 254; h++)
            {
                uint address = network == 1 ? Ip.Of(198, 51, 100, (byte)h) : Ip.Of(203, 0, 113, (byte)h);
                int rtt = (int)rng.LogUniform(1_500, 90_000);
                clients.Add(new Client(address, rtt, (ushort)rng.Next(32768, 50000), (ushort)rng.Next(1, 60000)));
            }
        }

        Clients = clients;
    }

    public IReadOnlyList<Service> Services { get; }

    public IReadOnlyList<Client> Clients { get; }

    public Host Resolver { get; }

    public Host Ntp { get; }

    public Host Logs { get; }

    public Service ChooseService(Rng rng)
    {
        double x = rng.NextDouble() * _totalWeight;
        foreach (var service in Services)
        {
            x -= service.Weight;
            if (x < 0)
            {
                return service;
            }
        }

        return Services[^1];
    }
}
