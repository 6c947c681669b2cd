using PcapDiff.Core;
using SharpPcap;

namespace PcapDiff.Capture.Frames;

/// <summary>libpcap's failures in one line each, and whether the system's libpcap will do.</summary>
internal static class LibpcapErrors
{
    // pcap_open_offline_with_tstamp_precision, which the nanosecond read needs, came in 1.5.1.
    private static readonly Version MinimumLibpcap = new(1, 5, 1);

    /// <summary>
    /// What is wrong with the system's libpcap, or null when nothing is. SharpPcap reports a libpcap it
    /// cannot load as version 0.0 and then fails to open any file with a bare PlatformNotSupportedException.
    /// </summary>
    public static string? Problem(Version version)
    {
        if (version >= MinimumLibpcap)
        {
            return null;
        }

        return version == new Version()
            ? "libpcap cannot be loaded: install it (Debian and Ubuntu: apt-get install libpcap0.8)"
            : $"libpcap {version} is too old: pcapdiff needs libpcap {MinimumLibpcap} or later";
    }

    public static bool IsLibpcapFailure(Exception ex) =>
        ex is PcapException or DllNotFoundException or EntryPointNotFoundException or TypeInitializationException;

    public static string Message(Exception ex)
    {
        const string OpenPrefix = "Unable to open offline adapter: ";
        if (ex is TypeInitializationException { InnerException: { } inner })
        {
            ex = inner;
        }

        if (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return $"libpcap cannot be loaded ({OneLine(ex.Message)})";
        }

        string message = OneLine(ex.Message);
        return message.StartsWith(OpenPrefix, StringComparison.Ordinal) ? message[OpenPrefix.Length..] : message;
    }

    public static string OneLine(string? text) => PcapDiffException.OneLine(text);
}
