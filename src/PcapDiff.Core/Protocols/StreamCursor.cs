namespace PcapDiff.Core.Protocols;

/// <summary>Where one direction of a decoded stream has got to, and whether its decoding stopped.</summary>
internal sealed class StreamCursor
{
    /// <summary>Stream offset of the next byte expected.</summary>
    public long Next { get; private set; }

    /// <summary>True once the direction can no longer be decoded (gap, desynchronisation, end of framing).</summary>
    public bool Stopped { get; private set; }

    /// <summary>Stops decoding this direction for good.</summary>
    public void Stop() => Stopped = true;

    /// <summary>
    /// Trims the bytes already seen from <paramref name="bytes"/> and moves the cursor past the rest.
    /// False when there is nothing new to decode: decoding stopped, every byte was seen already, or the
    /// bytes start past the next expected one (a gap, which stops the direction).
    /// </summary>
    public bool Admit(ref long offset, ref ReadOnlySpan<byte> bytes)
    {
        if (Stopped || bytes.IsEmpty || offset < 0)
        {
            return false;
        }

        if (offset > Next)
        {
            Stopped = true;
            return false;
        }

        long seen = Next - offset;
        if (seen >= bytes.Length)
        {
            return false;
        }

        bytes = bytes[(int)seen..];
        offset = Next;
        Next += bytes.Length;
        return true;
    }
}
