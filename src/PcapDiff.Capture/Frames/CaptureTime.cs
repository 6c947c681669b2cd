namespace PcapDiff.Capture.Frames;

/// <summary>A record's capture time as a <see cref="DateTime"/>.</summary>
internal static class CaptureTime
{
    /// <summary>The capture time as UTC; the Unix epoch when a damaged file gives a time no DateTime can hold.</summary>
    public static DateTime ToDateTime(long seconds, uint nanoseconds)
    {
        const long MinSeconds = -62_135_596_800; // 0001-01-01
        const long MaxSeconds = 253_402_300_799 - 10_000; // 9999-12-31, less room for a bogus fraction
        if (seconds is < MinSeconds or > MaxSeconds)
        {
            return DateTime.UnixEpoch;
        }

        long ticks = DateTime.UnixEpoch.Ticks + (seconds * TimeSpan.TicksPerSecond) + (nanoseconds / 100);
        return new DateTime(ticks, DateTimeKind.Utc);
    }
}
