using PcapDiff.Core.Model;

namespace PcapDiff.Corpus.Tests;

/// <summary>What <see cref="CaptureEvidence"/> keeps of one decoded TCP or UDP packet.</summary>
internal readonly record struct PacketNote(
    long FrameNumber,
    Transport Protocol,
    Endpoint Source,
    Endpoint Destination,
    int FrameLength,
    int PayloadLength,
    bool InnerIp);
