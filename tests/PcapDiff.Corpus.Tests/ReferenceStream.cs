using PcapDiff.Core.Model;

namespace PcapDiff.Corpus.Tests;

/// <summary>One row of a reference .tsv: a TCP or UDP stream as Wireshark numbers and counts it.</summary>
internal sealed record ReferenceStream(
    Transport Protocol,
    int Stream,
    Endpoint A,
    Endpoint B,
    long FirstFrame,
    long LastFrame,
    StreamCounts Counts)
{
    /// <summary>How the stream is named in messages: <c>tcp.stream 3</c>.</summary>
    public string Name => $"{(Protocol == Transport.Tcp ? "tcp" : "udp")}.stream {Stream}";
}
