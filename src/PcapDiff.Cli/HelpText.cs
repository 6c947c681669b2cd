using System.Text.RegularExpressions;

namespace PcapDiff.Cli;

/// <summary>
/// System.CommandLine's help, with the usage lines pcapdiff really has: a subcommand's help does not
/// list the diff's GOOD and BAD (its usage read <c>pcapdiff &lt;GOOD&gt; &lt;BAD&gt; flows &lt;CAPTURE&gt;</c>), the root's
/// shows each command's own usage, and <c>stats</c> shows that it takes one or two captures.
/// </summary>
internal static partial class HelpText
{
    public static string Fix(string help, bool subcommand)
    {
        // The root command is named after the executable (dotnet's host, a test runner): it is pcapdiff.
        help = ProgramName().Replace(help, "pcapdiff", 1);
        help = ParentArguments().Replace(help, "pcapdiff ");
        if (subcommand)
        {
            help = DiffArgumentLines().Replace(help, string.Empty, 2);
        }

        help = help.Replace(
            "pcapdiff <GOOD> <BAD> [command] [options]",
            "pcapdiff <GOOD> <BAD> [options]\n  pcapdiff flows <CAPTURE> [options]\n  pcapdiff stats <CAPTURE> [<CAPTURE>] [options]",
            StringComparison.Ordinal);
        help = help.Replace("pcapdiff stats <CAPTURE>... [options]", "pcapdiff stats <CAPTURE> [<CAPTURE>] [options]", StringComparison.Ordinal);
        help = FlowsCommandLine().Replace(help, "  flows <CAPTURE>              ");
        return StatsCommandLine().Replace(help, "  stats <CAPTURE> [<CAPTURE>]  ");
    }

    [GeneratedRegex(@"(?<=Usage:\r?\n  )\S+")]
    private static partial Regex ProgramName();

    // "pcapdiff <GOOD> <BAD> flows": the root's arguments before a subcommand.
    [GeneratedRegex(@"pcapdiff <GOOD> <BAD> (?=(flows|stats)\b)")]
    private static partial Regex ParentArguments();

    // A subcommand's Arguments section lists the root's two as well.
    [GeneratedRegex(@"(?m)^  <(GOOD|BAD)> .*\r?\n(?=(?:  <(?:BAD|CAPTURE)>))")]
    private static partial Regex DiffArgumentLines();

    [GeneratedRegex(@"(?m)^  stats <CAPTURE>(\.\.\.)?\s{2}")]
    private static partial Regex StatsCommandLine();

    [GeneratedRegex(@"(?m)^  flows <CAPTURE>\s{2}")]
    private static partial Regex FlowsCommandLine();
}
