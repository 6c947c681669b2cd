using System.Buffers.Binary;
using PcapDiff.Core.Decoding;

namespace PcapDiff.Fuzz;

/// <summary>
/// Turns pcap and pcapng files into fuzzer inputs (the layout in <see cref="Program"/>), and .flows
/// files into text inputs. Only what a seed needs: the first frames of the first interface.
/// </summary>
internal static class Seeds
{
    private const int MaxFrames = 24;

    public static int Write(string outputDirectory, IEnumerable<string> files)
    {
        Directory.CreateDirectory(outputDirectory);
        var linkTypes = Enum.GetValues<LinkType>();
        int written = 0;
        foreach (string file in files)
        {
            byte[] bytes = File.ReadAllBytes(file);
            byte[]? seed;
            if (file.EndsWith(".flows", StringComparison.Ordinal))
            {
                seed = [1, .. bytes];
            }
            else
            {
                var (link, frames) = bytes.Length >= 4 && BinaryPrimitives.ReadUInt32LittleEndian(bytes) == 0x0A0D0D0A
                    ? PcapNg(bytes)
                    : Pcap(bytes);
                int index = Array.IndexOf(linkTypes, (LinkType)link);
                seed = index < 0 || frames.Count == 0 ? null : Encode(index, frames);
            }

            if (seed is not null && seed.Length <= 64 * 1024)
            {
                File.WriteAllBytes(Path.Combine(outputDirectory, Path.GetFileName(file) + ".bin"), seed);
                written++;
            }
        }

        Console.WriteLine($"{written} seeds in {outputDirectory}");
        return 0;
    }

    private static byte[] Encode(int linkIndex, List<byte[]> frames)
    {
        using var output = new MemoryStream();
        output.WriteByte(0);
        output.WriteByte((byte)linkIndex);
        foreach (byte[] frame in frames)
        {
            int length = Math.Min(frame.Length, ushort.MaxValue);
            output.WriteByte((byte)(length >> 8));
            output.WriteByte((byte)length);
            output.Write(frame, 0, length);
        }

        return output.ToArray();
    }

    private static (int Link, List<byte[]> Frames) Pcap(byte[] bytes)
    {
        var frames = new List<byte[]>();
        if (bytes.Length < 24)
        {
            return (-1, frames);
        }

        uint magic = BinaryPrimitives.ReadUInt32LittleEndian(bytes);
        bool little = magic is 0xA1B2C3D4 or 0xA1B23C4D;
        bool big = magic is 0xD4C3B2A1 or 0x4D3CB2A1;
        if (!little && !big)
        {
            return (-1, frames);
        }

        int link = (int)(Read32(bytes, 20, little) & 0x0FFFFFFF);
        int offset = 24;
        while (offset + 16 <= bytes.Length && frames.Count < MaxFrames)
        {
            int caplen = (int)Read32(bytes, offset + 8, little);
            offset += 16;
            if (caplen < 0 || caplen > bytes.Length - offset)
            {
                break;
            }

            frames.Add(bytes[offset..(offset + caplen)]);
            offset += caplen;
        }

        return (link, frames);
    }

    private static (int Link, List<byte[]> Frames) PcapNg(byte[] bytes)
    {
        var frames = new List<byte[]>();
        int link = -1;
        bool little = bytes.Length >= 12 && BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8)) == 0x1A2B3C4D;
        int offset = 0;
        while (offset + 12 <= bytes.Length && frames.Count < MaxFrames)
        {
            uint type = Read32(bytes, offset, little);
            int length = (int)Read32(bytes, offset + 4, little);
            if (length < 12 || length > bytes.Length - offset)
            {
                break;
            }

            if (type == 1 && link < 0)
            {
                link = little ? BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(offset + 8)) : BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(offset + 8));
            }
            else if (type == 6 && length >= 32 && Read32(bytes, offset + 8, little) == 0)
            {
                int caplen = (int)Read32(bytes, offset + 20, little);
                if (caplen >= 0 && caplen <= length - 32)
                {
                    frames.Add(bytes[(offset + 28)..(offset + 28 + caplen)]);
                }
            }

            offset += length;
        }

        return (link, frames);
    }

    private static uint Read32(byte[] bytes, int offset, bool little) =>
        little ? BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(offset)) : BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(offset));
}
