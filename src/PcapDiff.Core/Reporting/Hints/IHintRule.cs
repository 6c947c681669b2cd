using PcapDiff.Core.Model;

namespace PcapDiff.Core.Reporting.Hints;

/// <summary>Recognises one known failure pattern in a flow.</summary>
internal interface IHintRule
{
    /// <summary>The ids of the hints the rule gives (docs/hints.md has a section for each).</summary>
    IReadOnlyList<string> Ids { get; }

    /// <summary>The hint when the flow shows the pattern, else null.</summary>
    Hint? Match(Flow flow);

    /// <summary>Hints this rule's hint makes redundant: a more specific reading of the same events.</summary>
    IReadOnlyList<string> Supersedes => [];
}
