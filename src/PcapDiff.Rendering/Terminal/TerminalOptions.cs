namespace PcapDiff.Rendering.Terminal;

/// <summary>What the terminal is like. Width and colour are explicit, never read from the console here.</summary>
/// <param name="Width">Columns available.</param>
/// <param name="Color">Whether to emit ANSI colour.</param>
/// <param name="Ascii">ASCII only, for a terminal whose locale is not UTF-8.</param>
public sealed record TerminalOptions(int Width = 120, bool Color = false, bool Ascii = false)
{
    /// <summary>A width no line reaches: for output that is not a terminal, where lines are as long as they need to be.</summary>
    public const int Unlimited = 100_000;
}
