using System.Diagnostics;
using System.Globalization;
using PcapDiff.CaptureGenerator;

const string Usage = """
    usage: PcapDiff.CaptureGenerator --seed N --out DIR --packets N [--bad-fraction F] [--rate R] [--snaplen N]
           PcapDiff.CaptureGenerator --seed N --out DIR --scan FLOWS [--snaplen N]
           PcapDiff.CaptureGenerator --seed N --out DIR --huge SEGMENTS [--snaplen N]

    With --packets, writes DIR/good-SEED-PACKETS.pcap and DIR/bad-SEED-PACKETS.pcap (pcap, Ethernet,
    microseconds): the same simulated traffic twice, except that in the bad capture a fraction F
    (default 0.05) of the TCP flows fail (client RST after SYN-ACK, SYN answered by RST, or SYN unanswered).
      --packets  packets in the good capture; 1m and 500k are accepted
      --rate     sessions started per second (default 200; more means more flows open at once)
    With --scan, writes DIR/scan-SEED-FLOWS.pcap: a port scan, one unanswered SYN per flow, from one
    host to ports 1-1024 of one target after another in 198.18.0.0/15.
    With --huge, writes DIR/huge-SEED-SEGMENTS.pcap: one TCP connection in which the client sends
    SEGMENTS one-byte segments (the server ACKs every second one), then closes with FIN.
      --snaplen  bytes kept per frame (default 262144: whole frames)
    The same arguments always give byte-identical files.
    """;

try
{
    var options = Parse(args);
    var clock = Stopwatch.StartNew();
    GenerationResult[] results = options switch
    {
        ScanOptions scan => [ScanCapture.Generate(scan)],
        HugeFlowOptions huge => [HugeFlowCapture.Generate(huge)],
        GeneratorOptions pair => Pair(CaptureGenerator.Generate(pair)),
        _ => throw new InvalidOperationException("unknown options"),
    };
    foreach (var result in results)
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

static GenerationResult[] Pair((GenerationResult Good, GenerationResult Bad) pair) => [pair.Good, pair.Bad];

// One of GeneratorOptions (--packets), ScanOptions (--scan) or HugeFlowOptions (--huge).
static object Parse(string[] args)
{
    ulong? seed = null;
    long? packets = null;
    long? scanFlows = null;
    long? hugeSegments = null;
    string? output = null;
    double? badFraction = null;
    double? rate = null;
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
            case "--scan":
                scanFlows = Count(value);
                break;
            case "--huge":
                hugeSegments = Count(value);
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

    int modes = (packets is null ? 0 : 1) + (scanFlows is null ? 0 : 1) + (hugeSegments is null ? 0 : 1);
    if (seed is null || output is null || modes != 1)
    {
        throw new ArgumentException("--seed, --out and one of --packets, --scan and --huge are required");
    }

    if (snapLength < 64)
    {
        throw new ArgumentException("--snaplen must be at least 64");
    }

    if (packets is null && (badFraction is not null || rate is not null))
    {
        throw new ArgumentException("--bad-fraction and --rate go with --packets only");
    }

    if (scanFlows is { } flows)
    {
        return flows is > 0 and <= ScanCapture.MaxFlows
            ? new ScanOptions(seed.Value, flows, output, snapLength)
            : throw new ArgumentException($"--scan takes 1 to {ScanCapture.MaxFlows} flows");
    }

    if (hugeSegments is { } segments)
    {
        return segments is > 0 and <= int.MaxValue
            ? new HugeFlowOptions(seed.Value, segments, output, snapLength)
            : throw new ArgumentException($"--huge takes 1 to {int.MaxValue} segments");
    }

    long count = packets ?? 0;
    double fraction = badFraction ?? 0.05;
    double sessions = rate ?? 200;
    if (count <= 0 || fraction is < 0 or > 1 || sessions <= 0)
    {
        throw new ArgumentException("--packets and --rate must be positive, --bad-fraction between 0 and 1");
    }

    return new GeneratorOptions(seed.Value, count, output, fraction, sessions, snapLength);
}

static long Count(string value)
{
    string lower = value.ToLowerInvariant();
    long scale = lower.EndsWith('m') ? 1_000_000 : lower.EndsWith('k') ? 1_000 : 1;
    string digits = scale == 1 ? lower : lower[..^1];
    return checked((long)(double.Parse(digits, CultureInfo.InvariantCulture) * scale));
}
