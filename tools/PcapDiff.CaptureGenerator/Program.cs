using System.Diagnostics;
using System.Globalization;
using PcapDiff.CaptureGenerator;

const string Usage = """
    usage: PcapDiff.CaptureGenerator --seed N --packets N --out DIR [--bad-fraction F] [--rate R] [--snaplen N]

    Writes DIR/good-SEED-PACKETS.pcap and DIR/bad-SEED-PACKETS.pcap (pcap, Ethernet, microseconds):
    the same simulated traffic twice, except that in the bad capture a fraction F (default 0.05) of
    the TCP flows fail (client RST after SYN-ACK, SYN answered by RST, or SYN unanswered).
      --packets  packets in the good capture; 1m and 500k are accepted
      --rate     sessions started per second (default 200; more means more flows open at once)
      --snaplen  bytes kept per frame (default 262144: whole frames)
    The same arguments always give byte-identical files.
    """;

try
{
    var options = Parse(args);
    var clock = Stopwatch.StartNew();
    var (good, bad) = CaptureGenerator.Generate(options);
    foreach (var result in new[] { good, bad })
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{result.Path}: {result.Packets} packets, {result.Bytes / 1e6:F1} MB, {result.Flows} flows ({result.TcpFlows} TCP, {result.FailedFlows} failed), {result.Duration.TotalSeconds:F1} s of traffic, up to {result.PeakOpenFlows} flows open at once"));
    }

    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generated in {clock.Elapsed.TotalSeconds:F1} s"));
    return 0;
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"PcapDiff.CaptureGenerator: {e.Message}");
    Console.Error.WriteLine(Usage);
    return 2;
}
catch (IOException e)
{
    Console.Error.WriteLine($"PcapDiff.CaptureGenerator: {e.Message}");
    return 2;
}

static GeneratorOptions Parse(string[] args)
{
    ulong? seed = null;
    long? packets = null;
    string? output = null;
    double badFraction = 0.05;
    double rate = 200;
    int snapLength = 262_144;
    for (int i = 0; i < args.Length; i++)
    {
        string name = args[i];
        if (name is "-h" or "--help")
        {
            throw new ArgumentException("help");
        }

        if (i + 1 >= args.Length)
        {
            throw new ArgumentException($"{name} needs a value");
        }

        string value = args[++i];
        switch (name)
        {
            case "--seed":
                seed = ulong.Parse(value, CultureInfo.InvariantCulture);
                break;
            case "--packets":
                packets = Count(value);
                break;
            case "--out":
                output = value;
                break;
            case "--bad-fraction":
                badFraction = double.Parse(value, CultureInfo.InvariantCulture);
                break;
            case "--rate":
                rate = double.Parse(value, CultureInfo.InvariantCulture);
                break;
            case "--snaplen":
                snapLength = int.Parse(value, CultureInfo.InvariantCulture);
                break;
            default:
                throw new ArgumentException($"unknown option {name}");
        }
    }

    if (seed is null || packets is null || output is null)
    {
        throw new ArgumentException("--seed, --packets and --out are required");
    }

    if (packets <= 0 || badFraction is < 0 or > 1 || rate <= 0 || snapLength < 64)
    {
        throw new ArgumentException("--packets and --rate must be positive, --bad-fraction between 0 and 1, --snaplen at least 64");
    }

    return new GeneratorOptions(seed.Value, packets.Value, output, badFraction, rate, snapLength);
}

static long Count(string value)
{
    string lower = value.ToLowerInvariant();
    long scale = lower.EndsWith('m') ? 1_000_000 : lower.EndsWith('k') ? 1_000 : 1;
    string digits = scale == 1 ? lower : lower[..^1];
    return checked((long)(double.Parse(digits, CultureInfo.InvariantCulture) * scale));
}
