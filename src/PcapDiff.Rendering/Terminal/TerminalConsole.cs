using Spectre.Console;

namespace PcapDiff.Rendering.Terminal;

/// <summary>What every terminal renderer writes through: a console fixed to the options, and plain text.</summary>
internal static class TerminalConsole
{
    /// <summary>A console writing to <paramref name="output"/> at the options' width, coloured only when asked.</summary>
    public static IAnsiConsole Create(TextRenderOptions options, TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = options.Color ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = options.Color ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = options.Width;
        console.Profile.Capabilities.Unicode = true;
        return console;
    }

    /// <summary>Every string reaches a console through here: as plain text (never markup), cleaned of control characters, long words cut.</summary>
    public static Text Plain(string text, Style? style = null) => new(LongWords.Cut(SafeText.Clean(text)), style ?? Style.Plain);
}
