using PcapDiff.Core.Model;

namespace PcapDiff.Core.Decoding;

/// <summary>Receives decoded packets one at a time, in capture order.</summary>
internal interface IPacketSink
{
    /// <summary>
    /// Called for every decoded IP packet. <paramref name="payload"/> holds the captured part of the
    /// transport payload and is only valid during the call.
    /// </summary>
    void OnPacket(in PacketRecord packet, ReadOnlySpan<byte> payload);

    /// <summary>
    /// Called with TLS key log text the capture file itself carries (a pcapng Decryption Secrets
    /// Block), before the packets that follow it. Secrets are never shown to the user.
    /// </summary>
    void OnKeyLog(ReadOnlySpan<byte> keyLog)
    {
    }
}
