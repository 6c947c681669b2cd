namespace PcapDiff.Capture;

/// <summary>What the read loop counted.</summary>
internal struct ReadCounts
{
    public long Frames;
    public long Decoded;
    public long NotIp;
    public long Truncated;
    public long Malformed;
    public long FirstSkippedFrame;
    public long LastFrameNumber;
    public long TaggedFilteredOut;
    public DateTime? FirstTimestamp;
    public DateTime? LastTimestamp;

    public void NoteSkipped(long frameNumber)
    {
        if (FirstSkippedFrame == 0)
        {
            FirstSkippedFrame = frameNumber;
        }
    }
}
