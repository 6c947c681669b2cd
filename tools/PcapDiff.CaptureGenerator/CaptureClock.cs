namespace PcapDiff.CaptureGenerator;

/// <summary>When the simulated captures start (a fixed date, so files are the same on every run).</summary>
internal static class CaptureClock
{
    public static readonly long StartUnixSeconds = new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
}
