using PcapDiff.Core.Flows;
using PcapDiff.Core.Model;
using PcapDiff.Core.Normalization;

namespace PcapDiff.Core.Tests.Builders;

/// <summary>
/// An in-memory capture: numbers frames from 1, advances a clock, fills in plausible frame lengths
/// and feeds every packet to a <see cref="FlowAssembler"/>. Conversations made from it share its
/// frame numbers, so a DNS lookup and the connection that follows form one capture.
/// <see cref="Finish"/> checks the tool against itself on every capture built this way (see <see cref="SelfCheck"/>).
/// </summary>
internal sealed class PacketBuilder(DateTime? start = null, TimeSpan? step = null, NormalizationOptions? options = null)
{
    private const int EthernetHeader = 14;

    private readonly FlowAssembler _assembler = new(options);
    private readonly List<(PacketRecord Packet, byte[] Payload)> _sent = [];
    private readonly TimeSpan _step = step ?? TimeSpan.FromMilliseconds(1);
    private DateTime _clock = start ?? new DateTime(2024, 5, 1, 12, 0, 0, DateTimeKind.Utc);
    private long _frame;

    /// <summary>Every packet fed so far, in order (for tests that look at frame numbers).</summary>
    public List<PacketRecord> Packets { get; } = [];

    public Conversation Tcp(string client, ushort clientPort, string server, ushort serverPort) =>
        new(this, Transport.Tcp, client, clientPort, server, serverPort);

    public Conversation Udp(string client, ushort clientPort, string server, ushort serverPort) =>
        new(this, Transport.Udp, client, clientPort, server, serverPort);

    /// <summary>An ICMP (or, for IPv6 addresses, ICMPv6) echo conversation with the given identifier.</summary>
    public Conversation IcmpEcho(string client, string server, ushort identifier) =>
        new(this, IpAddress.Parse(client).Version == 6 ? Transport.Icmpv6 : Transport.Icmp, client, identifier, server, identifier);

    /// <summary>A bare ICMP or ICMPv6 message (neighbour discovery and the like).</summary>
    public PacketRecord IcmpMessage(string source, string destination, byte type, byte code = 0, QuotedHeader? quoted = null, int bodyLength = 24)
    {
        var from = IpAddress.Parse(source);
        return Send(
            new PacketRecord
            {
                Protocol = from.Version == 6 ? Transport.Icmpv6 : Transport.Icmp,
                Source = new Endpoint(from, 0),
                Destination = new Endpoint(IpAddress.Parse(destination), 0),
                IcmpType = type,
                IcmpCode = code,
                Quoted = quoted,
                PayloadLength = bodyLength,
            },
            []);
    }

    /// <summary>Lets time pass without a packet (a retransmission timeout, a pause).</summary>
    public void Wait(TimeSpan span) => _clock += span;

    /// <summary>Numbers, times and sizes <paramref name="packet"/>, then hands it to the assembler.</summary>
    public PacketRecord Send(PacketRecord packet, ReadOnlySpan<byte> payload)
    {
        _clock += _step;
        byte version = packet.Source.Address.Version;
        var record = packet with
        {
            FrameNumber = ++_frame,
            Timestamp = _clock,
            IpVersion = version,
            FrameLength = EthernetHeader + (version == 6 ? 40 : 20) + TransportHeader(packet.Protocol) + packet.PayloadLength,
        };
        Packets.Add(record);
        _sent.Add((record, payload.ToArray()));
        _assembler.OnPacket(record, payload);
        return record;
    }

    public CaptureFlows Finish()
    {
        var flows = _assembler.Finish();
        SelfCheck.Run(flows, () => Replay(options));
        return flows;
    }

    /// <summary>The same packets through a fresh assembler: a second, independent normalization.</summary>
    private CaptureFlows Replay(NormalizationOptions? settings)
    {
        var assembler = new FlowAssembler(settings);
        foreach (var (packet, payload) in _sent)
        {
            assembler.OnPacket(packet, payload);
        }

        return assembler.Finish();
    }

    private static int TransportHeader(Transport protocol) => protocol switch
    {
        Transport.Tcp => 20,
        Transport.Udp => 8,
        Transport.Icmp or Transport.Icmpv6 => 8,
        _ => 0,
    };
}
