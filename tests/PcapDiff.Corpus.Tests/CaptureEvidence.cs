using PcapDiff.Capture;
using PcapDiff.Core.Decoding;
using PcapDiff.Core.Model;

namespace PcapDiff.Corpus.Tests;

/// <summary>
/// A second, packet-by-packet read of a capture whose streams disagree with Wireshark, with what
/// the known differences need to decide whether they explain a disagreement: which frames pcapdiff
/// decoded, which address pairs exchanged non-first IP fragments, which packets carry an inner IP
/// header; and every stream comparison of the capture.
/// </summary>
internal sealed class CaptureEvidence : IPacketSink
{
    private readonly HashSet<long> _decoded = [];
    private readonly HashSet<(Transport Protocol, IpAddress Lower, IpAddress Upper)> _fragments = [];
    private readonly List<PacketNote> _packets = [];

    private CaptureEvidence(string file)
    {
        File = file;
    }

    /// <summary>The capture's path relative to the corpus.</summary>
    public string File { get; }

    /// <summary>Every stream comparison of the capture.</summary>
    public IReadOnlyList<StreamComparison> Streams { get; set; } = [];

    /// <summary>Reads the capture at <paramref name="path"/>, named <paramref name="file"/> in reports.</summary>
    public static CaptureEvidence Read(string path, string file)
    {
        var evidence = new CaptureEvidence(file);
        CaptureReader.Read(path, new CaptureReaderOptions(), evidence);
        return evidence;
    }

    /// <inheritdoc />
    public void OnPacket(in PacketRecord packet, ReadOnlySpan<byte> payload)
    {
        _decoded.Add(packet.FrameNumber);
        if (packet.IsFragment)
        {
            _fragments.Add(Pair(packet.Protocol, packet.Source.Address, packet.Destination.Address));
        }
        else if (packet.Protocol is Transport.Tcp or Transport.Udp)
        {
            _packets.Add(new PacketNote(
                packet.FrameNumber, packet.Protocol, packet.Source, packet.Destination, packet.FrameLength, packet.PayloadLength, InnerIpHeader.Find(payload)));
        }
    }

    /// <summary>Frames from <paramref name="first"/> to <paramref name="last"/> that pcapdiff did not decode as IP.</summary>
    public long UndecodedFrames(long first, long last)
    {
        long undecoded = 0;
        for (long frame = first; frame <= last; frame++)
        {
            undecoded += _decoded.Contains(frame) ? 0 : 1;
        }

        return undecoded;
    }

    /// <summary>Whether the two addresses exchanged non-first IP fragments of <paramref name="protocol"/>.</summary>
    public bool ExchangedFragments(Transport protocol, IpAddress a, IpAddress b) => _fragments.Contains(Pair(protocol, a, b));

    /// <summary>
    /// Packets and frame bytes, per direction, of <paramref name="stream"/>'s packets that carry an
    /// inner IP header (in its frames, from its A to its B and back).
    /// </summary>
    public (DirectionCounts AToB, DirectionCounts BToA) InnerIp(PcapdiffStream stream)
    {
        var toB = default(DirectionCounts);
        var toA = default(DirectionCounts);
        foreach (var p in _packets)
        {
            if (!p.InnerIp || p.Protocol != stream.Protocol || p.FrameNumber < stream.FirstFrame || p.FrameNumber > stream.LastFrame)
            {
                continue;
            }

            if (p.Source == stream.A && p.Destination == stream.B)
            {
                toB = toB with { Packets = toB.Packets + 1, Bytes = toB.Bytes + p.FrameLength };
            }
            else if (p.Source == stream.B && p.Destination == stream.A)
            {
                toA = toA with { Packets = toA.Packets + 1, Bytes = toA.Bytes + p.FrameLength };
            }
        }

        return (toB, toA);
    }

    private static (Transport, IpAddress, IpAddress) Pair(Transport protocol, IpAddress a, IpAddress b) =>
        a.CompareTo(b) <= 0 ? (protocol, a, b) : (protocol, b, a);
}
