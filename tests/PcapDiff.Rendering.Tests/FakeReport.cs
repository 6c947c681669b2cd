using PcapDiff.Core.Alignment;
using PcapDiff.Core.Decoding;
using PcapDiff.Core.Flows;
using PcapDiff.Core.Model;
using PcapDiff.Core.Normalization;
using PcapDiff.Core.Reporting;
using PcapDiff.Core.Runs;

namespace PcapDiff.Rendering.Tests;

/// <summary>
/// A hand-built report, so every renderer can be checked without a capture. <see cref="Hostile"/>
/// puts markup and terminal escapes into every string that comes from a capture.
/// </summary>
internal static class FakeReport
{
    public const string Script = "<script>alert(1)</script>";
    public const string ImgTag = "\"><img src=x onerror=alert(2)>";
    public const string Escape = "\u001b[31m\u001b]0;pwned\u0007";

    public static DiffReport Build(bool hostile = false)
    {
        string name = hostile ? $"{ImgTag}{Escape}.test" : "collector.test";
        string payload = hostile ? Script + Escape : "201\n";
        var goodFlow = Flow(0, "192.0.2.10", 43320, "192.0.2.1", name, good: true, payload);
        var badFlow = Flow(0, "192.0.2.10", 51000, "192.0.2.1", name, good: false, payload);
        var dns = Flow(1, "192.0.2.10", 40000, "192.0.2.53", null, good: true, payload, dnsName: name);

        var rows = new List<AlignedRow>
        {
            new(AlignmentOp.Equal, goodFlow.Events[0], badFlow.Events[0]),
            new(AlignmentOp.Equal, goodFlow.Events[1], badFlow.Events[1]),
            new(AlignmentOp.RightOnly, null, badFlow.Events[2]),
            new(AlignmentOp.Equal, goodFlow.Events[2], badFlow.Events[3]),
            new(AlignmentOp.Changed, goodFlow.Events[3], badFlow.Events[4]),
        };
        var pairs = new List<FlowPairDiff>
        {
            new()
            {
                Left = goodFlow,
                Right = badFlow,
                Status = PairStatus.Diverged,
                Rows = rows,
                Divergence = new Divergence(2, $"After the server's SYN-ACK the client sent RST instead of ACK ({name}).", 3, 3),
                Hints = [new Hint("client-rst-after-syn-ack", $"Reset by the client {name}", $"Explanation mentioning {payload}.", [2, 3])],
                Notes = [$"bad: 1 retransmission recognised ({name})."],
            },
            new()
            {
                Left = dns,
                Right = null,
                Status = PairStatus.OnlyLeft,
                Rows = [.. dns.Events.Select(e => new AlignedRow(AlignmentOp.LeftOnly, e, null))],
                Divergence = new Divergence(0, $"The bad run has no such flow: it never asked DNS for {name}", dns.FirstFrame, null),
            },
        };
        var read = new CaptureReadResult("pcap", LinkType.Ethernet, 12, 12, 0, 0, 0, []);
        return new DiffReport
        {
            Left = Run.FromCapture(hostile ? $"{Script}.pcap" : "good.pcap", read, new CaptureFlows([goodFlow, dns], 0, 0, 0, false)) with { Label = "good" },
            Right = Run.FromCapture("bad.pcap", read with { Frames = 9 }, new CaptureFlows([badFlow], 0, 0, 0, false)) with
            {
                Label = "bad",
                Warnings = hostile ? [new RunWarning(RunWarningKind.FramesSkipped, "bad.pcap", $"{Script} warning{Escape}")] : [],
            },
            Pairs = pairs,
        };
    }

    private static Flow Flow(int index, string client, ushort clientPort, string server, string? serverName, bool good, string payload, string? dnsName = null)
    {
        var events = new List<FlowEvent>();
        long frame = 1;
        void Add(EventKind kind, Direction direction, EventDetail? detail, long bytes = 0)
        {
            events.Add(new FlowEvent
            {
                Kind = kind,
                Direction = direction,
                Detail = detail,
                Bytes = bytes,
                Packets = 1,
                FirstFrame = frame,
                LastFrame = frame,
                Timestamp = new DateTime(2026, 11, 26, 0, 0, 0, DateTimeKind.Utc).AddMilliseconds(frame),
            });
            frame++;
        }

        if (dnsName is not null)
        {
            Add(EventKind.DnsQuery, Direction.ClientToServer, new DnsDetail(1, 1, dnsName, null, []));
            Add(EventKind.DnsResponse, Direction.ServerToClient, new DnsDetail(1, 1, dnsName, 0, [1]));
        }
        else
        {
            byte[] bytes = System.Text.Encoding.UTF8.GetBytes(payload);
            Add(EventKind.Syn, Direction.ClientToServer, null);
            Add(EventKind.SynAck, Direction.ServerToClient, null);
            if (!good)
            {
                Add(EventKind.Rst, Direction.ClientToServer, null);
            }

            Add(EventKind.Ack, Direction.ClientToServer, null);
            byte[] shown = good ? bytes : [.. bytes.Reverse()];
            Add(EventKind.Data, Direction.ServerToClient, new PayloadDetail(shown[..Math.Min(shown.Length, PayloadPreview.MaxBytes)], Hidden: false), bytes.Length);
        }

        return new Flow
        {
            Index = index,
            Protocol = dnsName is null ? Transport.Tcp : Transport.Udp,
            Client = new Endpoint(IpAddress.Parse(client), clientPort),
            Server = new Endpoint(IpAddress.Parse(server), (ushort)(dnsName is null ? 8514 : 53)),
            ServerName = serverName,
            IsDns = dnsName is not null,
            QueryName = dnsName,
            FirstFrame = 1,
            LastFrame = frame - 1,
            Start = DateTime.UnixEpoch,
            End = DateTime.UnixEpoch.AddSeconds(1),
            ClientToServer = new FlowCounters(3, 200, 5, Syns: 1),
            ServerToClient = new FlowCounters(2, good ? 150 : 120, 4, Syns: 1),
            Events = events,
        };
    }
}
