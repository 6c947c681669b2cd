using PcapDiff.Core.Flows;
using PcapDiff.Core.Reporting;
using PcapDiff.Core.Runs;

namespace PcapDiff.Core.Tests.Builders;

/// <summary>
/// The tool checked against itself, on every capture a test builds: normalizing the same packets
/// twice gives the same events, and comparing a capture with itself (or with that second
/// normalization) is Equivalent with no divergence and no hint.
/// </summary>
internal static class SelfCheck
{
    public static void Run(CaptureFlows flows, Func<CaptureFlows> normalizeAgain)
    {
        var again = normalizeAgain();
        Assert.True(
            flows.Flows.Select(f => f.Texts()).SequenceEqual(again.Flows.Select(f => f.Texts()), new TextsComparer()),
            "Self-check: normalizing the same packets twice must give the same events.");
        AssertEquivalent(flows, flows, "itself");
        AssertEquivalent(flows, again, "a second normalization of the same packets");
    }

    private static void AssertEquivalent(CaptureFlows left, CaptureFlows right, string what)
    {
        var report = CaptureComparer.Compare(
            Core.Runs.Run.FromPackets("left", left),
            Core.Runs.Run.FromPackets("right", right));
        var odd = report.Pairs.FirstOrDefault(p => p.Status != PairStatus.Equal || p.Divergence is not null || p.Hints.Count > 0);
        Assert.True(
            report.Verdict == Verdict.Equivalent && odd is null,
            $"Self-check: a capture compared with {what} must be Equivalent; got {report.Verdict}: {odd?.Divergence?.Description}");
    }

    private sealed class TextsComparer : IEqualityComparer<string[]>
    {
        public bool Equals(string[]? x, string[]? y) => x is not null && y is not null && x.SequenceEqual(y, StringComparer.Ordinal);

        public int GetHashCode(string[] obj) => obj.Length;
    }
}
