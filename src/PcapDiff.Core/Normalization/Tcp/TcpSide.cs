using static PcapDiff.Core.Normalization.Tcp.TcpSequence;

namespace PcapDiff.Core.Normalization.Tcp;

/// <summary>
/// What the tracker knows about one direction of a TCP connection: its sequence numbers, the
/// highest acknowledgment it sent, its bytes, its FIN and the gaps in its stream.
/// </summary>
internal struct TcpSide
{
    // Made on first use, as most sides of most flows never need it.
    private List<(uint Start, uint End)>? _holes;

    public bool HasSequence { get; set; }

    /// <summary>Whether the side's SYN is known, so its initial sequence number holds.</summary>
    public bool SynSeen { get; set; }

    public uint InitialSequence { get; set; }

    /// <summary>One past the highest sequence number sent so far.</summary>
    public uint NextSequence { get; set; }

    public bool HasAck { get; set; }

    /// <summary>The highest acknowledgment this side has sent (of the other side's bytes).</summary>
    public uint MaxAck { get; set; }

    public long DataBytes { get; set; }

    /// <summary>The window of this side's last pure ACK, to tell duplicate ACKs from window updates.</summary>
    public ushort LastWindow { get; set; }

    public bool FinSent { get; set; }

    public uint FinSequence { get; set; }

    /// <summary>Where the capture first saw this side's bytes, when it never saw its SYN.</summary>
    public uint? StreamSeenFrom { get; set; }

    /// <summary>Packets of this side that repeated what it had already sent.</summary>
    public int Repeats { get; set; }

    /// <summary>Whether stream offsets of this side count from a known start (its SYN, or where the capture began).</summary>
    public readonly bool StreamStartKnown => SynSeen || StreamSeenFrom is not null;

    /// <summary>Gaps in this side's stream the capture has not seen filled.</summary>
    public readonly int HoleCount => _holes?.Count ?? 0;

    public void AddHole(uint start, uint end) => (_holes ??= []).Add((start, end));

    /// <summary>True when [start, end) lies in a gap left earlier (the segment arrived out of order).</summary>
    public bool FillHole(uint start, uint end)
    {
        for (int i = 0; i < HoleCount; i++)
        {
            var (holeStart, holeEnd) = _holes![i];
            if (!After(holeStart, start) && !After(end, holeEnd))
            {
                _holes.RemoveAt(i);
                if (After(start, holeStart))
                {
                    _holes.Add((holeStart, start));
                }

                if (After(holeEnd, end))
                {
                    _holes.Add((end, holeEnd));
                }

                return true;
            }
        }

        return false;
    }
}
