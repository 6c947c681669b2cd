using PcapDiff.Core.Model;

namespace PcapDiff.Core.Tests.Builders;

/// <summary>The canonical event lines of a flow, the form the normalization rules are pinned in.</summary>
internal static class FlowTexts
{
    public static string[] Texts(this Flow flow) => [.. flow.Events.Select(e => e.Text)];
}
