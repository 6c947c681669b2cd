namespace PcapDiff.Capture;

/// <summary>
/// Reads libpcap's <c>struct pcap_pkthdr</c> in place, so reading a packet allocates nothing (SharpPcap's
/// <c>GetNextPacket</c> allocates a header and a timeval object per packet). The struct is a
/// <c>struct timeval</c> followed by two 32-bit lengths: on Windows the timeval is two 32-bit longs;
/// elsewhere a <c>time_t</c> of the pointer's size and a microseconds field (64-bit on Linux, 32-bit
/// plus padding on macOS). Little-endian machines only, like .NET's usual targets.
/// </summary>
internal static unsafe class NativePacketHeader
{
    private static readonly bool LongIs32Bits = OperatingSystem.IsWindows() || IntPtr.Size == 4;
    private static readonly int FractionOffset = LongIs32Bits ? 4 : 8;
    private static readonly int CaptureLengthOffset = LongIs32Bits ? 8 : 16;

    /// <summary>Seconds since the Unix epoch.</summary>
    public static long Seconds(byte* header) => LongIs32Bits ? *(int*)header : *(long*)header;

    /// <summary>Microseconds or nanoseconds within the second, as the handle's precision says.</summary>
    public static uint Fraction(byte* header) => *(uint*)(header + FractionOffset);

    /// <summary>The captured length.</summary>
    public static uint CaptureLength(byte* header) => *(uint*)(header + CaptureLengthOffset);

    /// <summary>The length on the wire.</summary>
    public static uint WireLength(byte* header) => *(uint*)(header + CaptureLengthOffset + 4);
}
