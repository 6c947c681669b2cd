using System.Buffers.Binary;

namespace PcapDiff.Capture;

/// <summary>Tells a capture's format from its magic number, before any reader sees the file.</summary>
internal static class CaptureFileSniffer
{
    private const uint PcapMagic = 0xA1B2C3D4;
    private const uint PcapNanosecondMagic = 0xA1B23C4D;
    private const uint PcapModifiedMagic = 0xA1B2CD34; // Alexey Kuznetzov's patched libpcap
    private const uint PcapNgSectionHeader = 0x0A0D0D0A; // a palindrome: the same in either byte order

    /// <summary>Classifies the first bytes of a file.</summary>
    public static CaptureFileKind Classify(ReadOnlySpan<byte> magic)
    {
        if (magic.Length >= 2 && magic[0] == 0x1F && magic[1] == 0x8B)
        {
            return CaptureFileKind.Gzip;
        }

        if (magic.Length < 4)
        {
            return CaptureFileKind.Unknown;
        }

        uint bigEndian = BinaryPrimitives.ReadUInt32BigEndian(magic);
        uint littleEndian = BinaryPrimitives.ReadUInt32LittleEndian(magic);
        if (bigEndian == PcapNgSectionHeader)
        {
            return CaptureFileKind.PcapNg;
        }

        if (bigEndian is PcapMagic or PcapModifiedMagic || littleEndian is PcapMagic or PcapModifiedMagic)
        {
            return CaptureFileKind.Pcap;
        }

        return bigEndian == PcapNanosecondMagic || littleEndian == PcapNanosecondMagic
            ? CaptureFileKind.PcapNanosecond
            : CaptureFileKind.Unknown;
    }

    /// <summary>The name <see cref="PcapDiff.Core.Decoding.CaptureReadResult.Format"/> uses for a format.</summary>
    public static string FormatName(CaptureFileKind kind) => kind switch
    {
        CaptureFileKind.Pcap => "pcap",
        CaptureFileKind.PcapNanosecond => "pcap (ns)",
        CaptureFileKind.PcapNg => "pcapng",
        _ => "unknown",
    };
}
