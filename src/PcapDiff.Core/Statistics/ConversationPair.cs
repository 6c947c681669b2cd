namespace PcapDiff.Core.Statistics;

/// <summary>A conversation of the left run and its counterpart in the right run (either may be missing).</summary>
/// <param name="Left">The left (good) conversation.</param>
/// <param name="Right">The right (bad) conversation.</param>
public sealed record ConversationPair(ConversationStats? Left, ConversationStats? Right)
{
    /// <summary>Right bytes minus left bytes.</summary>
    public long BytesDelta => (Right?.Bytes ?? 0) - (Left?.Bytes ?? 0);

    /// <summary>Right packets minus left packets.</summary>
    public long PacketsDelta => (Right?.Packets ?? 0) - (Left?.Packets ?? 0);
}
