using Spectre.Console;
using Spectre.Console.Rendering;

namespace PcapDiff.Rendering.Terminal;

/// <summary>What every terminal renderer writes through: a console fixed to the options, and plain text.</summary>
internal static class TerminalConsole
{
    // Set by Create for the render on this thread: a render makes its console first, then writes
    // all its text through Plain, on one thread.
    [ThreadStatic]
    private static bool _ascii;

    /// <summary>A console writing to <paramref name="output"/> at the options' width, coloured only when asked.</summary>
    public static IAnsiConsole Create(TerminalOptions options, TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = options.Color ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = options.Color ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = options.Width;

        // Without Unicode, Spectre.Console draws borders and rules in ASCII.
        console.Profile.Capabilities.Unicode = !options.Ascii;
        _ascii = options.Ascii;
        return console;
    }

    /// <summary>The tables' border: a rule under the header, in ASCII when the locale is not UTF-8.</summary>
    public static TableBorder SimpleBorder => _ascii ? AsciiSimpleBorder.Instance : TableBorder.Simple;

    /// <summary>Every string reaches a console through here: as plain text (never markup), cleaned of control characters, long words cut.</summary>
    public static Text Plain(string text, Style? style = null)
    {
        string clean = LongWords.Cut(SafeText.Clean(text));
        return new(_ascii ? AsciiText.Fold(clean) : clean, style ?? Style.Plain);
    }
}

/// <summary><see cref="TableBorder.Simple"/> drawn with <c>-</c>: a rule under the header, nothing else.</summary>
internal sealed class AsciiSimpleBorder : TableBorder
{
    public static readonly AsciiSimpleBorder Instance = new();

    public override string GetPart(TableBorderPart part) => part switch
    {
        TableBorderPart.HeaderBottomLeft or TableBorderPart.HeaderBottom or TableBorderPart.HeaderBottomSeparator or TableBorderPart.HeaderBottomRight => "-",
        _ => " ",
    };
}
