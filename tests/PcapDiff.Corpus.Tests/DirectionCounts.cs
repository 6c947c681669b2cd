namespace PcapDiff.Corpus.Tests;

/// <summary>What one direction of a stream carried, in the reference's terms.</summary>
internal readonly record struct DirectionCounts(
    long Packets,
    long Bytes,
    long Syns,
    long Fins,
    long Resets,
    long Retransmissions,
    long Payload);
