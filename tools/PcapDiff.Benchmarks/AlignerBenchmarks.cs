using BenchmarkDotNet.Attributes;
using PcapDiff.Core.Alignment;
using PcapDiff.Core.Model;

namespace PcapDiff.Benchmarks;

/// <summary>
/// The align stage on one long pair of event sequences: a chatty connection (requests and
/// responses of varied sizes) against a copy in which 1% of the events changed, went missing or
/// were added, as a retrying client would make them.
/// </summary>
public class AlignerBenchmarks
{
    private List<FlowEvent> _left = [];
    private List<FlowEvent> _right = [];

    [Params(1_000, 5_000)]
    public int Events { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        _left = [];
        _right = [];
        for (int i = 0; i < Events; i++)
        {
            var direction = i % 2 == 0 ? Direction.ClientToServer : Direction.ServerToClient;
            var e = Data(direction, 100 + random.Next(5_000), i);
            _left.Add(e);
            switch (random.Next(300))
            {
                case 0:
                    _right.Add(Data(direction, 7, i));
                    break;
                case 1:
                    break;
                case 2:
                    _right.Add(e);
                    _right.Add(Data(direction, 1, i));
                    break;
                default:
                    _right.Add(e);
                    break;
            }
        }
    }

    [Benchmark(Description = "EventAligner.Align, two long sequences")]
    public int Align() => EventAligner.Align(_left, _right).Count;

    private static FlowEvent Data(Direction direction, int bytes, int index) => new()
    {
        Kind = EventKind.Data,
        Direction = direction,
        Detail = new PayloadDetail(System.Text.Encoding.ASCII.GetBytes($"GET /item/{index % 97} HTTP/1.1"), Hidden: false),
        Bytes = bytes,
        Packets = 1 + (bytes / 1448),
        FirstFrame = index,
        LastFrame = index,
        Timestamp = DateTime.UnixEpoch,
    };
}
