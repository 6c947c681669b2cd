namespace PcapDiff.CaptureGenerator;

/// <summary>
/// One simulated flow: its endpoints and its packets in the order the capture point sees them.
/// Builders add packets in any order; <see cref="Seal"/> sorts them by time and numbers IP IDs.
/// </summary>
internal sealed class SimFlow(int id, Client client, ushort clientPort, Host server, ushort serverPort, int rtt)
{
    private const int IndexBits = 20;

    private readonly List<SimPacket> _building = [];
    private SimPacket[] _packets = [];

    public int Id { get; } = id;

    public Client Client { get; } = client;

    public ushort ClientPort { get; } = clientPort;

    public Host Server { get; } = server;

    public ushort ServerPort { get; } = serverPort;

    /// <summary>Round trip between the capture point and the server, microseconds.</summary>
    public int Rtt { get; } = rtt;

    /// <summary>True when the bad run made this flow fail.</summary>
    public bool Failed { get; set; }

    public List<Message> Messages { get; } = [];

    /// <summary>Where in the filler this flow's bulk bytes start, so flows do not all carry the same bytes.</summary>
    public int Salt { get; } = id * 7919;

    public uint ClientClock { get; init; }

    public uint ServerClock { get; init; }

    public IReadOnlyList<SimPacket> Packets => _packets;

    public int AddMessage(Message message)
    {
        Messages.Add(message);
        return Messages.Count - 1;
    }

    public void Add(SimPacket packet) => _building.Add(packet);

    /// <summary>Orders the packets by time (ties keep the order they were added in) and numbers the IP IDs.</summary>
    public void Seal(ushort clientIpId, ushort serverIpId)
    {
        if (_building.Count >= 1 << IndexBits)
        {
            throw new InvalidOperationException($"flow {Id} has too many packets");
        }

        var keys = new long[_building.Count];
        _packets = [.. _building];
        _building.Clear();
        for (int i = 0; i < keys.Length; i++)
        {
            keys[i] = (_packets[i].Time << IndexBits) | (long)i;
        }

        Array.Sort(keys, _packets);
        for (int i = 0; i < _packets.Length; i++)
        {
            ref var p = ref _packets[i];
            p.IpId = p.FromClient ? clientIpId++ : serverIpId++;
        }
    }
}
