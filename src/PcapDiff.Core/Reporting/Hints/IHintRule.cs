using PcapDiff.Core.Model;

namespace PcapDiff.Core.Reporting.Hints;

/// <summary>Recognises one known failure pattern in a flow.</summary>
public interface IHintRule
{
    /// <summary>The hint when the flow shows the pattern, else null.</summary>
    Hint? Match(Flow flow);
}
