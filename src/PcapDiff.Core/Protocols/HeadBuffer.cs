namespace PcapDiff.Core.Protocols;

/// <summary>
/// Collects the head of a message across segments, never more than <paramref name="limit"/> bytes:
/// it grows with the bytes that arrive, not with a length field from the wire.
/// </summary>
internal sealed class HeadBuffer(int limit)
{
    private byte[] _bytes = [];

    /// <summary>Bytes collected.</summary>
    public int Count { get; private set; }

    /// <summary>The most bytes this buffer holds.</summary>
    public int Limit => limit;

    /// <summary>The bytes collected so far.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes.AsSpan(0, Count);

    /// <summary>Appends as many of <paramref name="bytes"/> as fit under the limit; returns how many.</summary>
    public int Append(ReadOnlySpan<byte> bytes)
    {
        int take = Math.Min(bytes.Length, limit - Count);
        if (take <= 0)
        {
            return 0;
        }

        if (Count + take > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Min(limit, Math.Max(Count + take, Math.Max(64, _bytes.Length * 2))));
        }

        bytes[..take].CopyTo(_bytes.AsSpan(Count));
        Count += take;
        return take;
    }

    /// <summary>Forgets the bytes collected (keeping the storage for the next message).</summary>
    public void Clear() => Count = 0;
}
