using PcapDiff.CaptureGenerator;

namespace PcapDiff.Benchmarks;

/// <summary>
/// The generated capture pair the benchmarks read: made once by the capture generator (seed 1) in
/// PCAPDIFF_BENCH_DIR, else in a folder under the system's temporary directory, and reused.
/// </summary>
public static class BenchmarkCaptures
{
    /// <summary>Packets in the good capture: enough for steady numbers, small enough for quick iterations.</summary>
    public const int Packets = 200_000;

    private static readonly Lock Gate = new();

    /// <summary>The good and the bad capture, generated on first use.</summary>
    public static (string Good, string Bad) Pair()
    {
        string directory = Environment.GetEnvironmentVariable("PCAPDIFF_BENCH_DIR") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Path.GetTempPath(), "pcapdiff-benchmarks");
        var options = new GeneratorOptions(Seed: 1, Packets, directory);
        lock (Gate)
        {
            if (!File.Exists(options.GoodPath) || !File.Exists(options.BadPath))
            {
                CaptureGenerator.CaptureGenerator.Generate(options);
            }
        }

        return (options.GoodPath, options.BadPath);
    }
}
