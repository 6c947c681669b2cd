using PcapDiff.Core.Model;
using PcapDiff.Core.Statistics;

namespace PcapDiff.Rendering.Tests;

/// <summary>Hand-built statistics, so the stats renderers can be checked without a capture.</summary>
internal static class FakeStats
{
    public static CaptureStats Good() => new(
        "good.pcap",
        [
            new(Flow(0, Transport.Tcp, "192.0.2.10", 43320, "192.0.2.1", 8514, "collector.test", new(6, 420, 5, Syns: 1, Fins: 1), new(4, 265, 4, Syns: 1, Fins: 1)), TimeSpan.FromMilliseconds(1.5), TimeSpan.FromMilliseconds(20.25)),
            new(Flow(1, Transport.Udp, "192.0.2.10", 40000, "192.0.2.53", 53, null, new(1, 82, 40), new(1, 82, 40)), TimeSpan.Zero, TimeSpan.FromMilliseconds(0.75)),
            new(Flow(2, Transport.Icmp, "192.0.2.10", 7, "192.0.2.1", 0, null, new(1, 98, 56), new(0, 0, 0)), TimeSpan.FromSeconds(2), TimeSpan.Zero),
        ],
        [
            new(null, IpAddress.Parse("192.0.2.10"), null, 8, 600, 5, 347),
            new(null, IpAddress.Parse("192.0.2.1"), null, 4, 265, 7, 518),
            new(null, IpAddress.Parse("192.0.2.53"), null, 1, 82, 1, 82),
        ],
        [
            new(Transport.Tcp, IpAddress.Parse("192.0.2.1"), 8514, 4, 265, 6, 420),
            new(Transport.Tcp, IpAddress.Parse("192.0.2.10"), 43320, 6, 420, 4, 265),
            new(Transport.Udp, IpAddress.Parse("192.0.2.10"), 40000, 1, 82, 1, 82),
            new(Transport.Udp, IpAddress.Parse("192.0.2.53"), 53, 1, 82, 1, 82),
        ]);

    public static StatsComparison Comparison()
    {
        var good = Good();
        var badTcp = new ConversationStats(Flow(0, Transport.Tcp, "192.0.2.10", 51000, "192.0.2.1", 8515, "collector.test", new(3, 180, 0, Syns: 1, Resets: 1), new(1, 60, 0, Resets: 1)), TimeSpan.Zero, TimeSpan.FromMilliseconds(3));
        var ntp = new ConversationStats(Flow(1, Transport.Udp, "192.0.2.10", 123, "192.0.2.123", 123, null, new(1, 90, 48), new(1, 90, 48)), TimeSpan.Zero, TimeSpan.FromMilliseconds(9));
        var bad = new CaptureStats("bad.pcap", [badTcp, ntp], [], []);
        return new StatsComparison(good, bad, [new(good.Conversations[0], badTcp), new(good.Conversations[1], null), new(null, ntp), new(good.Conversations[2], null)]);
    }

    private static Flow Flow(int index, Transport protocol, string client, ushort clientPort, string server, ushort serverPort, string? name, FlowCounters toServer, FlowCounters toClient) => new()
    {
        Index = index,
        Protocol = protocol,
        Client = new Endpoint(IpAddress.Parse(client), clientPort),
        Server = new Endpoint(IpAddress.Parse(server), serverPort),
        ServerName = name,
        FirstFrame = 1,
        LastFrame = toServer.Packets + toClient.Packets,
        Start = DateTime.UnixEpoch,
        End = DateTime.UnixEpoch.AddSeconds(1),
        ClientToServer = toServer,
        ServerToClient = toClient,
        Events = [],
    };
}
