namespace PcapDiff.Core.Runs;

/// <summary>Where a run's flows came from.</summary>
public enum RunSource
{
    /// <summary>A packet capture (pcap or pcapng, maybe compressed), read and normalized.</summary>
    Capture,

    /// <summary>A <c>.flows</c> expectation: events as text, without addresses, frames or times.</summary>
    Expectation,
}
