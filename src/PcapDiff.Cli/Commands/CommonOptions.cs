using System.CommandLine;
using PcapDiff.Capture;
using PcapDiff.Core;
using PcapDiff.Rendering;
using PcapDiff.Rendering.Terminal;

namespace PcapDiff.Cli.Commands;

/// <summary>Options shared by the commands, and their translation into validated settings.</summary>
internal static class CommonOptions
{
    public static readonly Option<string?> Filter = new("--filter", "-f") { Description = "A BPF capture filter applied to both captures, e.g. 'tcp port 8514 or udp port 53'." };

    public static readonly Option<string> LeftLabel = new("--good-label") { Description = "What to call the first capture in the report.", DefaultValueFactory = _ => "good" };

    public static readonly Option<string> RightLabel = new("--bad-label") { Description = "What to call the second capture in the report.", DefaultValueFactory = _ => "bad" };

    public static readonly Option<string> ColorMode = new("--color") { Description = "Colour: auto (on a terminal, unless NO_COLOR is set), always or never.", DefaultValueFactory = _ => "auto" };

    public static readonly Option<int?> Width = new("--width") { Description = "Columns to lay the report out in (default: the terminal's width; no limit when the output is not a terminal)." };

    public static readonly Option<int> Context = new("--context", "-C") { Description = "Equal events shown around each difference; longer equal runs are folded.", DefaultValueFactory = _ => 3 };

    public static readonly Option<bool> All = new("--all") { Description = "List equal flows and show their side-by-side too." };

    public static readonly Option<bool> Zeek = new("--zeek") { Description = "Add each flow's Zeek conn_state and history (as in conn.log) to the flow table." };

    public static readonly Option<int> MaxFlows = new("--max-flows") { Description = "Flows shown side by side at most; the rest are counted (0 for all).", DefaultValueFactory = _ => 50 };

    static CommonOptions()
    {
        ColorMode.AcceptOnlyFromAmong("auto", "always", "never");
    }

    public static CliSettings Settings(ParseResult parsed, CliConsole console)
    {
        string left = parsed.GetValue(LeftLabel)!;
        string right = parsed.GetValue(RightLabel)!;
        if (string.IsNullOrWhiteSpace(left) || string.IsNullOrWhiteSpace(right) || left == right)
        {
            throw new PcapDiffException("the two labels must be different and not empty");
        }

        int context = parsed.GetValue(Context);
        if (context < 0)
        {
            throw new PcapDiffException("--context must be 0 or more");
        }

        int maxFlows = parsed.GetValue(MaxFlows);
        if (maxFlows < 0)
        {
            throw new PcapDiffException("--max-flows must be 0 or more");
        }

        int? width = parsed.GetValue(Width);
        if (width is < 40)
        {
            throw new PcapDiffException("--width must be at least 40");
        }

        return new CliSettings(
            parsed.GetValue(Filter),
            left,
            right,
            UseColor(parsed.GetValue(ColorMode)!, console),
            width ?? TerminalWidth(console),
            context,
            parsed.GetValue(All),
            maxFlows,
            parsed.GetValue(Zeek))
        {
            Ascii = !LocaleIsUtf8(console.Variable),
        };
    }

    /// <summary>
    /// Whether the locale allows UTF-8: the first of LC_ALL, LC_CTYPE and LANG that is set names
    /// UTF-8, or none is set (then UTF-8, as most systems are now).
    /// </summary>
    private static readonly string[] LocaleVariables = ["LC_ALL", "LC_CTYPE", "LANG"];

    private static bool LocaleIsUtf8(Func<string, string?> variable)
    {
        string? locale = LocaleVariables
            .Select(variable)
            .FirstOrDefault(v => !string.IsNullOrEmpty(v));
        return locale is null
            || locale.Contains("UTF-8", StringComparison.OrdinalIgnoreCase)
            || locale.Contains("utf8", StringComparison.OrdinalIgnoreCase);
    }

    private static bool UseColor(string mode, CliConsole console) => mode switch
    {
        "always" => true,
        "never" => false,
        _ => console.OutputIsTerminal
            && string.IsNullOrEmpty(console.Variable("NO_COLOR"))
            && console.Variable("TERM") != "dumb",
    };

    /// <summary>
    /// How a report names an input (<see cref="InputNames.Display"/>), on one line: a file name is the
    /// user's, not pcapdiff's words.
    /// </summary>
    public static string InputName(string path) => SafeText.Line(InputNames.Display(path));

    /// <summary>
    /// The width to lay out in without <c>--width</c>: the terminal's; when the output is not a
    /// terminal, no limit, so piped lines never wrap and grep and awk see every row whole.
    /// </summary>
    private static int TerminalWidth(CliConsole console) =>
        console.OutputIsTerminal && console.TerminalWidth is { } columns ? Math.Max(40, columns) : TextRenderOptions.Unlimited;
}
