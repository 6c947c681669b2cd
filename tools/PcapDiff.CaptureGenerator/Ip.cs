namespace PcapDiff.CaptureGenerator;

/// <summary>IPv4 addresses as host-order integers.</summary>
internal static class Ip
{
    public static uint Of(byte a, byte b, byte c, byte d) => ((uint)a << 24) | ((uint)b << 16) | ((uint)c << 8) | d;
}
