namespace PcapDiff.CaptureGenerator;

/// <summary>
/// Generates a good and a bad capture of the same simulated traffic. Sessions start as the capture
/// time passes; the packets of all open flows are merged in time order. The good capture stops at
/// the requested packet count; the bad one is cut at the same packet of the same flow, so the two
/// differ only in the flows the bad run made fail.
/// </summary>
public static class CaptureGenerator
{
    /// <summary>Writes both captures; returns (good, bad).</summary>
    public static (GenerationResult Good, GenerationResult Bad) Generate(GeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Directory.CreateDirectory(options.OutputDirectory);
        var (good, cut) = Write(options, bad: false, cut: null, options.GoodPath);
        var (badResult, _) = Write(options, bad: true, cut, options.BadPath);
        return (good, badResult);
    }

    private static (GenerationResult Result, Key Last) Write(GeneratorOptions options, bool bad, Key? cut, string path)
    {
        var world = new World(options.Seed);
        var sessions = new SessionFactory(world, options.Seed, options.SessionsPerSecond, options.BadFraction, bad);
        var queue = new PriorityQueue<Cursor, Key>();
        using var writer = new PcapFileWriter(path, options.SnapLength);
        long flows = 0;
        long tcpFlows = 0;
        long failed = 0;
        long first = -1;
        int open = 0;
        int peakOpen = 0;
        Key last = default;
        while (true)
        {
            // Every packet of a session not started yet is later than its start, so the queue's head is next.
            while (queue.Count == 0 || sessions.NextStart <= queue.Peek().Packet.Time)
            {
                foreach (var flow in sessions.Next())
                {
                    if (flow.Packets.Count > 0)
                    {
                        var cursor = new Cursor(flow, 0);
                        queue.Enqueue(cursor, cursor.Key);
                    }
                }
            }

            var next = queue.Dequeue();
            var key = next.Key;
            if (cut is { } limit ? key.CompareTo(limit) > 0 : writer.Packets >= options.Packets)
            {
                break;
            }

            writer.Write(next.Flow, next.Packet);
            last = key;
            first = first < 0 ? next.Packet.Time : first;
            if (next.Index == 0)
            {
                flows++;
                open++;
                peakOpen = Math.Max(peakOpen, open);
                if (next.Flow.ServerPort != 0 && next.Packet.Kind == PacketKind.Tcp)
                {
                    tcpFlows++;
                    failed += next.Flow.Failed ? 1 : 0;
                }
            }

            if (next.Index + 1 < next.Flow.Packets.Count)
            {
                var following = new Cursor(next.Flow, next.Index + 1);
                queue.Enqueue(following, following.Key);
            }
            else
            {
                open--;
            }
        }

        var duration = TimeSpan.FromTicks((last.Time - Math.Max(first, 0)) * 10);
        return (new GenerationResult(path, writer.Packets, writer.Bytes, flows, tcpFlows, failed, duration, peakOpen), last);
    }

    /// <summary>Orders packets by time, then flow, then position in the flow: unique, so the merge is deterministic.</summary>
    private readonly record struct Key(long Time, int Flow, int Index) : IComparable<Key>
    {
        public int CompareTo(Key other)
        {
            int c = Time.CompareTo(other.Time);
            if (c != 0)
            {
                return c;
            }

            c = Flow.CompareTo(other.Flow);
            return c != 0 ? c : Index.CompareTo(other.Index);
        }
    }

    private readonly record struct Cursor(SimFlow Flow, int Index)
    {
        public SimPacket Packet => Flow.Packets[Index];

        public Key Key => new(Packet.Time, Flow.Id, Index);
    }
}
