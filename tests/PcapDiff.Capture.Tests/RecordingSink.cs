using PcapDiff.Core.Decoding;
using PcapDiff.Core.Model;

namespace PcapDiff.Capture.Tests;

/// <summary>Keeps every packet (and a copy of its payload) the reader hands on.</summary>
internal sealed class RecordingSink : IPacketSink
{
    public List<PacketRecord> Packets { get; } = [];

    public List<byte[]> Payloads { get; } = [];

    public IEnumerable<long> FrameNumbers => Packets.Select(p => p.FrameNumber);

    /// <summary>Each key log handed on, with the number of packets handed on before it.</summary>
    public List<(int PacketsBefore, string Text)> KeyLogs { get; } = [];

    public void OnKeyLog(ReadOnlySpan<byte> keyLog) => KeyLogs.Add((Packets.Count, System.Text.Encoding.UTF8.GetString(keyLog)));

    public void OnPacket(in PacketRecord packet, ReadOnlySpan<byte> payload)
    {
        Packets.Add(packet);
        Payloads.Add(payload.ToArray());
    }
}
