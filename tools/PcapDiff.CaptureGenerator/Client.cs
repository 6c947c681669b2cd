namespace PcapDiff.CaptureGenerator;

/// <summary>A client host near the capture point, with its own ephemeral port counter.</summary>
internal sealed class Client(uint address, int rtt, ushort firstPort, ushort firstPingId)
{
    private const int LowestPort = 32768;
    private const int HighestPort = 60999;

    private int _nextPort = firstPort;
    private ushort _nextPingId = firstPingId;

    public uint Address { get; } = address;

    /// <summary>Base round trip to the servers, microseconds.</summary>
    public int Rtt { get; } = rtt;

    /// <summary>The MAC address of its network card (locally administered, from the IP address).</summary>
    public ulong Mac => 0x0200_0000_0000UL | Address;

    /// <summary>A new ephemeral port (Linux's range), as each new socket gets.</summary>
    public ushort NextPort(Rng rng)
    {
        int port = _nextPort;
        _nextPort += 1 + rng.Next(3);
        if (_nextPort > HighestPort)
        {
            _nextPort = LowestPort + (_nextPort - HighestPort);
        }

        return (ushort)port;
    }

    /// <summary>A new ICMP echo identifier (a ping process).</summary>
    public ushort NextPingId() => _nextPingId++;
}
