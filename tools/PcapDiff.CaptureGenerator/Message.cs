using System.Buffers.Binary;

namespace PcapDiff.CaptureGenerator;

/// <summary>
/// An application message one side sends: its first bytes spelled out (<see cref="Head"/>), then
/// filler up to <see cref="Length"/>, then <see cref="Tail"/>. From <see cref="RecordsFrom"/> on,
/// the filler is cut into TLS application-data records with proper headers. Big transfers cost no memory.
/// </summary>
internal sealed class Message
{
    /// <summary>A full TLS record: 5-byte header, 16 KiB of plaintext and the 17 bytes of AEAD overhead.</summary>
    private const int RecordSpan = 5 + 16_384 + 17;
    private const int SmallestRecord = 5 + 17;

    public Message(byte[] head, long length, bool textFiller = false, byte[]? tail = null, int recordsFrom = -1)
    {
        Head = head;
        Tail = tail ?? [];
        TextFiller = textFiller;
        RecordsFrom = recordsFrom;
        length = Math.Max(length, head.Length + Tail.Length + (recordsFrom >= 0 ? SmallestRecord : 0));
        if (recordsFrom >= 0)
        {
            long last = (length - recordsFrom - Tail.Length) % RecordSpan;
            if (last is > 0 and < SmallestRecord)
            {
                length += SmallestRecord - last;
            }
        }

        Length = length;
    }

    public byte[] Head { get; }

    public long Length { get; }

    public bool TextFiller { get; }

    public byte[] Tail { get; }

    /// <summary>Where TLS application-data records start, or -1 for none.</summary>
    public int RecordsFrom { get; }

    /// <summary>Writes bytes [offset, offset + destination.Length) of the message.</summary>
    public void CopyTo(long offset, Span<byte> destination, int salt)
    {
        int written = 0;
        if (offset < Head.Length)
        {
            int n = (int)Math.Min(Head.Length - offset, destination.Length);
            Head.AsSpan((int)offset, n).CopyTo(destination);
            written = n;
        }

        long tailStart = Length - Tail.Length;
        while (written < destination.Length)
        {
            long position = offset + written;
            if (position >= tailStart)
            {
                int n = (int)Math.Min(Length - position, destination.Length - written);
                Tail.AsSpan((int)(position - tailStart), n).CopyTo(destination[written..]);
                written += n;
                continue;
            }

            int chunk = (int)Math.Min(tailStart - position, destination.Length - written);
            Filler.Copy(TextFiller, position + salt, destination.Slice(written, chunk));
            written += chunk;
        }

        if (RecordsFrom >= 0)
        {
            WriteRecordHeaders(offset, destination, tailStart);
        }
    }

    /// <summary>Overwrites the filler where record headers fall within [offset, offset + destination.Length).</summary>
    private void WriteRecordHeaders(long offset, Span<byte> destination, long recordsEnd)
    {
        long end = offset + destination.Length;
        long firstRecord = Math.Max(0, (offset - RecordsFrom - 4) / RecordSpan);
        Span<byte> header = stackalloc byte[5];
        for (long r = firstRecord; ; r++)
        {
            long start = RecordsFrom + (r * RecordSpan);
            if (start >= end || start >= recordsEnd)
            {
                break;
            }

            long body = Math.Min(RecordSpan, recordsEnd - start) - 5;
            header[0] = 0x17;
            header[1] = 0x03;
            header[2] = 0x03;
            BinaryPrimitives.WriteUInt16BigEndian(header[3..], (ushort)body);
            for (int i = 0; i < 5; i++)
            {
                long at = start + i - offset;
                if (at >= 0 && at < destination.Length)
                {
                    destination[(int)at] = header[i];
                }
            }
        }
    }
}
