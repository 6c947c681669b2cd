using PcapDiff.Core.Model;

namespace PcapDiff.Core.Alignment;

/// <summary>
/// Pairs the flows of the left capture with those of the right: first by protocol, server port
/// and server identity (the DNS name the capture resolved, the DNS name queried, else the address),
/// then by protocol and server port alone; within each group flows are aligned in order by their
/// event sequences, so an extra flow on one side does not shift every pairing after it.
/// </summary>
internal static class FlowMatcher
{
    /// <summary>A pairing: both flows, or one of them when the other capture has no counterpart.</summary>
    public readonly record struct Match(Flow? Left, Flow? Right);

    /// <summary>Pairs the flows; the result lists each flow exactly once, in the left capture's order.</summary>
    public static IReadOnlyList<Match> Pair(IReadOnlyList<Flow> left, IReadOnlyList<Flow> right)
    {
        var pairs = new List<Match>();
        var leftOpen = new List<Flow>(left);
        var rightOpen = new List<Flow>(right);
        var signatures = Signatures(left, right);
        foreach (var level in new Func<Flow, string>[] { ServiceKey, PortKey, FamilyKey })
        {
            PairWithin(level, signatures, leftOpen, rightOpen, pairs);
        }

        pairs.AddRange(leftOpen.Select(f => new Match(f, null)));
        pairs.AddRange(rightOpen.Select(f => new Match(null, f)));
        return Order(pairs);
    }

    /// <summary>Protocol family, server port and server identity.</summary>
    internal static string ServiceKey(Flow flow)
    {
        string identity = flow.IsDns && flow.QueryName is { } query
            ? "dns:" + query
            : flow.ServerName ?? flow.Server.Address.ToString();
        return $"{PortKey(flow)}|{identity}";
    }

    private static string PortKey(Flow flow) => $"{FamilyKey(flow)}|{(flow.Protocol is Transport.Icmp or Transport.Icmpv6 ? 0 : flow.Server.Port)}";

    private static string FamilyKey(Flow flow) => flow.Protocol switch
    {
        Transport.Icmpv6 => "ICMP",
        var p => p.ToString().ToUpperInvariant(),
    };

    private static void PairWithin(
        Func<Flow, string> key, Dictionary<Flow, string> signatures, List<Flow> leftOpen, List<Flow> rightOpen, List<Match> pairs)
    {
        var rightGroups = rightOpen.GroupBy(key).ToDictionary(g => g.Key, g => g.ToList());
        var pairedLeft = new HashSet<Flow>(ReferenceEqualityComparer.Instance);
        var pairedRight = new HashSet<Flow>(ReferenceEqualityComparer.Instance);
        foreach (var leftGroup in leftOpen.GroupBy(key))
        {
            if (!rightGroups.TryGetValue(leftGroup.Key, out var rightGroup))
            {
                continue;
            }

            var l = leftGroup.ToList();
            foreach (var block in SequenceDiff.Align(l.ConvertAll(f => signatures[f]), rightGroup.ConvertAll(f => signatures[f])))
            {
                int count = Math.Min(block.LeftCount, block.RightCount);
                for (int i = 0; i < count; i++)
                {
                    var a = l[block.LeftStart + i];
                    var b = rightGroup[block.RightStart + i];
                    pairs.Add(new Match(a, b));
                    pairedLeft.Add(a);
                    pairedRight.Add(b);
                }
            }
        }

        leftOpen.RemoveAll(pairedLeft.Contains);
        rightOpen.RemoveAll(pairedRight.Contains);
    }

    /// <summary>
    /// Every flow's signature, made once and on all cores: making one means making the text of each
    /// of the flow's events, which the aligner then reuses.
    /// </summary>
    private static Dictionary<Flow, string> Signatures(IReadOnlyList<Flow> left, IReadOnlyList<Flow> right)
    {
        var flows = left.Concat(right).ToArray();
        var signatures = new string[flows.Length];
        Parallel.For(0, flows.Length, i => signatures[i] = Signature(flows[i]));
        var byFlow = new Dictionary<Flow, string>(flows.Length, ReferenceEqualityComparer.Instance);
        for (int i = 0; i < flows.Length; i++)
        {
            byFlow[flows[i]] = signatures[i];
        }

        return byFlow;
    }

    /// <summary>A short stand-in for a flow's whole event sequence, equal when the sequences are.</summary>
    private static string Signature(Flow flow)
    {
        var hash = new HashCode();
        foreach (var e in flow.Events)
        {
            hash.Add(e.Text, StringComparer.Ordinal);
        }

        return $"{flow.Events.Count}:{hash.ToHashCode():x8}";
    }

    /// <summary>
    /// Left order; a right-only flow goes after the pair its right-hand predecessor is in. n·log n: the
    /// latest left position among the pairs before each right index is a prefix maximum, found by binary search.
    /// </summary>
    private static List<Match> Order(List<Match> pairs)
    {
        var paired = pairs.Where(p => p.Left is not null && p.Right is not null)
            .Select(p => (Right: p.Right!.Index, Left: (double)p.Left!.Index))
            .OrderBy(p => p.Right)
            .ToArray();
        var rightIndices = new int[paired.Length];
        var latestLeft = new double[paired.Length];
        double latest = -1;
        for (int i = 0; i < paired.Length; i++)
        {
            rightIndices[i] = paired[i].Right;
            latest = Math.Max(latest, paired[i].Left);
            latestLeft[i] = latest;
        }

        double PositionOf(Match m)
        {
            if (m.Left is not null)
            {
                return m.Left.Index;
            }

            int found = Array.BinarySearch(rightIndices, m.Right!.Index);
            int before = (found >= 0 ? found : ~found) - 1;
            return (before < 0 ? -1 : latestLeft[before]) + 0.5;
        }

        return [.. pairs.OrderBy(PositionOf).ThenBy(m => m.Right?.Index ?? -1)];
    }
}
