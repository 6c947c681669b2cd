namespace PcapDiff.Corpus.Tests;

/// <summary>Both directions of a stream: A is the sender of its first packet, B the other side.</summary>
internal readonly record struct StreamCounts(DirectionCounts AToB, DirectionCounts BToA);
