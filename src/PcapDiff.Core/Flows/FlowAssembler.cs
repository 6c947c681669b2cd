using PcapDiff.Core.Decoding;
using PcapDiff.Core.Model;
using PcapDiff.Core.Normalization;
using PcapDiff.Core.Normalization.Tcp;

namespace PcapDiff.Core.Flows;

/// <summary>
/// Groups packets into bidirectional flows: TCP and UDP by 5-tuple, ICMP echo by identifier, ICMP
/// errors attached to the flow whose header they quote. A SYN with a new initial sequence number
/// on the same tuple starts a new flow (Wireshark's rule for a new <c>tcp.stream</c>). Each flow's
/// packets go straight through its stages (TCP tracker, Zeek history, normalizer), so memory grows
/// with flows and events, never with packets.
/// </summary>
internal sealed class FlowAssembler : IPacketSink
{
    private readonly NormalizationOptions _options;
    private readonly Dictionary<FlowKey, FlowState> _active = [];
    private readonly List<FlowState> _flows = [];
    private readonly HostNameRegistry _names = new();
    private readonly Dictionary<IpAddress, HostTraffic> _otherTraffic = [];
    private long _ipPackets;
    private long _fragments;
    private long _otherPackets;
    private bool _flowsCapped;

    /// <summary>Creates an assembler with the given normalization settings.</summary>
    public FlowAssembler(NormalizationOptions? options = null)
    {
        _options = options ?? NormalizationOptions.Default;
    }

    /// <inheritdoc />
    public void OnPacket(in PacketRecord packet, ReadOnlySpan<byte> payload)
    {
        _ipPackets++;
        if (packet.IsFragment)
        {
            _fragments++;
            CountOther(packet);
            return;
        }

        switch (packet.Protocol)
        {
            case Transport.Tcp:
            case Transport.Udp:
                AddTransport(packet, payload);
                break;
            case Transport.Icmp:
            case Transport.Icmpv6:
                AddIcmp(packet, payload);
                break;
            default:
                _otherPackets++;
                CountOther(packet);
                break;
        }
    }

    /// <summary>Counts a packet that no flow's counters hold against its two hosts.</summary>
    private void CountOther(in PacketRecord packet)
    {
        var sender = _otherTraffic.GetValueOrDefault(packet.Source.Address);
        _otherTraffic[packet.Source.Address] = sender with { TxPackets = sender.TxPackets + 1, TxBytes = sender.TxBytes + packet.FrameLength };
        var receiver = _otherTraffic.GetValueOrDefault(packet.Destination.Address);
        _otherTraffic[packet.Destination.Address] = receiver with { RxPackets = receiver.RxPackets + 1, RxBytes = receiver.RxBytes + packet.FrameLength };
    }

    /// <summary>
    /// Finishes every flow and returns them in order of their first packet. Each flow's reading
    /// state is let go as soon as its flow is made, so the peak holds one of the two, not both.
    /// </summary>
    public CaptureFlows Finish()
    {
        _active.Clear();
        _active.TrimExcess();
        var flows = new List<Flow>(_flows.Count);
        for (int i = 0; i < _flows.Count; i++)
        {
            flows.Add(_flows[i].ToFlow(_names));
            _flows[i] = null!;
        }

        _flows.Clear();
        return new(flows, _ipPackets, _fragments, _otherPackets, _flowsCapped) { OtherTraffic = _otherTraffic };
    }

    private void AddTransport(in PacketRecord packet, ReadOnlySpan<byte> payload)
    {
        var key = FlowKey.Of(packet.Protocol, packet.Source, packet.Destination);
        if (!_active.TryGetValue(key, out var flow) || flow.StartsNewConnection(packet))
        {
            var client = packet.Protocol == Transport.Tcp ? RoleHeuristics.TcpClient(packet) : RoleHeuristics.UdpClient(packet, payload);
            var server = client == packet.Source ? packet.Destination : packet.Source;
            flow = Create(key, packet.Protocol, client, server, packet);
            if (flow is null)
            {
                return;
            }
        }

        flow.Add(packet, flow.DirectionOf(packet.Source), payload);
    }

    private void AddIcmp(in PacketRecord packet, ReadOnlySpan<byte> payload)
    {
        if (IcmpNames.IsLinkPlumbing(packet.Protocol, packet.IcmpType))
        {
            _otherPackets++;
            CountOther(packet);
            return;
        }

        bool request = IcmpNames.IsEchoRequest(packet.Protocol, packet.IcmpType);
        if (request || IcmpNames.IsEchoReply(packet.Protocol, packet.IcmpType))
        {
            var source = packet.Source with { Port = packet.IcmpIdentifier };
            var destination = packet.Destination with { Port = packet.IcmpIdentifier };
            var key = FlowKey.Of(packet.Protocol, source, destination);
            if (!_active.TryGetValue(key, out var echo))
            {
                var client = request ? source : destination;
                echo = Create(key, packet.Protocol, client, client == source ? destination : source, packet);
                if (echo is null)
                {
                    return;
                }
            }

            echo.Add(packet, echo.DirectionOf(source), payload);
            return;
        }

        if (packet.Quoted is { Protocol: Transport.Tcp or Transport.Udp or Transport.Icmp or Transport.Icmpv6 } quoted)
        {
            // The error answers a packet the quoted source sent: it travels back towards that side.
            // A quoted echo carries its identifier in the ports, as echo flows' keys do.
            var key = FlowKey.Of(quoted.Protocol, quoted.Source, quoted.Destination);
            if (!_active.TryGetValue(key, out var flow))
            {
                flow = Create(key, quoted.Protocol, quoted.Source, quoted.Destination, packet);
                if (flow is null)
                {
                    return;
                }
            }

            var toward = quoted.Source == flow.Client ? Direction.ServerToClient : Direction.ClientToServer;
            flow.Seen(packet);
            flow.Normalizer.AddIcmpError(packet, toward);
            CountOther(packet);
            return;
        }

        _otherPackets++;
        CountOther(packet);
    }

    private FlowState? Create(FlowKey key, Transport protocol, Endpoint client, Endpoint server, in PacketRecord first)
    {
        if (_flows.Count >= _options.MaxFlows)
        {
            _flowsCapped = true;
            _otherPackets++;
            CountOther(first);
            return null;
        }

        TcpTracker? tcp = null;
        FlowNormalizer normalizer;
        if (protocol == Transport.Tcp)
        {
            tcp = new TcpTracker();
            normalizer = new TcpEventBuilder(_options, tcp, server.Port);
        }
        else
        {
            normalizer = protocol == Transport.Udp
                ? new UdpNormalizer(_options, _names, IsDnsPort(server.Port) || IsDnsPort(client.Port))
                : new IcmpEchoNormalizer(_options);
        }

        var flow = new FlowState(_flows.Count, protocol, client, server, tcp, normalizer, first);
        _flows.Add(flow);
        _active[key] = flow;
        return flow;
    }

    private static bool IsDnsPort(ushort port) => port is 53 or 5353 or 5355;
}
