using PcapDiff.Core.Decoding;
using PcapDiff.Core.Model;

namespace PcapDiff.Benchmarks;

/// <summary>
/// A capture's decoded packets held in memory, so the tracker and normalizer are measured without
/// the reader. The first <see cref="KeptPayload"/> payload bytes of each packet are kept: enough for
/// DNS messages and previews.
/// </summary>
internal sealed class DecodedPackets : IPacketSink
{
    private const int KeptPayload = 512;

    private readonly List<PacketRecord> _packets = [];
    private readonly List<(int Start, int Length)> _slices = [];
    private byte[] _bytes = new byte[1 << 20];
    private int _used;

    public int Count => _packets.Count;

    public void OnPacket(in PacketRecord packet, ReadOnlySpan<byte> payload)
    {
        var kept = payload[..Math.Min(payload.Length, KeptPayload)];
        if (_used + kept.Length > _bytes.Length)
        {
            Array.Resize(ref _bytes, _bytes.Length * 2);
        }

        kept.CopyTo(_bytes.AsSpan(_used));
        _packets.Add(packet);
        _slices.Add((_used, kept.Length));
        _used += kept.Length;
    }

    /// <summary>Hands every packet to <paramref name="sink"/> in capture order.</summary>
    public void ReplayInto(IPacketSink sink)
    {
        for (int i = 0; i < _packets.Count; i++)
        {
            var (start, length) = _slices[i];
            var packet = _packets[i];
            sink.OnPacket(in packet, _bytes.AsSpan(start, length));
        }
    }
}
