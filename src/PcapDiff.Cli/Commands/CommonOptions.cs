using System.CommandLine;
using PcapDiff.Capture;
using PcapDiff.Core;
using PcapDiff.Rendering;
using PcapDiff.Rendering.Terminal;
using PcapDiff.Rendering.View;

namespace PcapDiff.Cli.Commands;

/// <summary>
/// The options more than one command takes, made afresh for each command that takes them, with
/// their translation into validated settings. Nothing here is shared between two command lines.
/// </summary>
internal sealed class CommonOptions
{
    /// <summary>Locale variables in the order the C library reads them.</summary>
    private static readonly string[] LocaleVariables = ["LC_ALL", "LC_CTYPE", "LANG"];

    public Option<string?> Filter { get; } = FilterOption();

    public Option<string> LeftLabel { get; } = new("--good-label") { Description = "What to call the first capture in the report.", DefaultValueFactory = _ => "good" };

    public Option<string> RightLabel { get; } = new("--bad-label") { Description = "What to call the second capture in the report.", DefaultValueFactory = _ => "bad" };

    public Option<string> ColorMode { get; } = new Option<string>("--color") { Description = "Colour: auto (on a terminal, unless NO_COLOR is set), always or never.", DefaultValueFactory = _ => "auto" }
        .AcceptOnlyFromAmong("auto", "always", "never");

    public Option<int?> Width { get; } = new("--width") { Description = "Columns to lay the report out in (default: the terminal's width; no limit when the output is not a terminal)." };

    /// <summary>--filter, for a command that takes no other common option.</summary>
    public static Option<string?> FilterOption() => new("--filter", "-f") { Description = "A BPF capture filter applied to both captures, e.g. 'tcp port 8514 or udp port 53'." };

    /// <summary>The run-reading and terminal options, in the order help lists them.</summary>
    public IEnumerable<Option> ReadingAndTerminal => [Filter, LeftLabel, RightLabel, ColorMode, Width];

    /// <summary>The two labels, on one line each; they must differ and not be empty.</summary>
    public (string Left, string Right) Labels(ParseResult parsed)
    {
        string left = parsed.GetValue(LeftLabel)!;
        string right = parsed.GetValue(RightLabel)!;
        if (string.IsNullOrWhiteSpace(left) || string.IsNullOrWhiteSpace(right) || left == right)
        {
            throw new PcapDiffException("the two labels must be different and not empty");
        }

        return (SafeText.Line(left), SafeText.Line(right));
    }

    /// <summary>What the terminal is like: --width or its width, --color or whether it is one, and its locale.</summary>
    public TerminalOptions Terminal(ParseResult parsed, CliConsole console)
    {
        int? width = parsed.GetValue(Width);
        if (width is < 40)
        {
            throw new PcapDiffException("--width must be at least 40");
        }

        return new TerminalOptions(width ?? TerminalWidth(console), UseColor(parsed.GetValue(ColorMode)!, console), Ascii: !LocaleIsUtf8(console.Variable));
    }

    /// <summary>
    /// How a report names an input (<see cref="InputNames.Display"/>), on one line: a file name is the
    /// user's, not pcapdiff's words.
    /// </summary>
    public static string InputName(string path) => SafeText.Line(InputNames.Display(path));

    /// <summary>
    /// Whether the locale allows UTF-8: the first of LC_ALL, LC_CTYPE and LANG that is set names
    /// UTF-8, or none is set (then UTF-8, as most systems are now).
    /// </summary>
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
    /// The width to lay out in without <c>--width</c>: the terminal's; when the output is not a
    /// terminal, no limit, so piped lines never wrap and grep and awk see every row whole.
    /// </summary>
    private static int TerminalWidth(CliConsole console) =>
        console.OutputIsTerminal && console.TerminalWidth is { } columns ? Math.Max(40, columns) : TerminalOptions.Unlimited;
}
