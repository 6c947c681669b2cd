namespace PcapDiff.Cli;

/// <summary>
/// What the command line asks of the terminal and the environment, in one place, so a test can
/// run it in-process as if on a terminal (or a pipe) of any width, with any locale.
/// </summary>
/// <param name="OutputIsTerminal">Whether standard output is a terminal.</param>
/// <param name="ErrorIsTerminal">Whether standard error is a terminal.</param>
/// <param name="TerminalWidth">The terminal's columns, when known.</param>
/// <param name="Variable">An environment variable's value, or null when it is not set.</param>
public sealed record CliConsole(bool OutputIsTerminal, bool ErrorIsTerminal, int? TerminalWidth, Func<string, string?> Variable)
{
    /// <summary>This process's console and environment.</summary>
    public static CliConsole Process { get; } = new(
        !Console.IsOutputRedirected,
        !Console.IsErrorRedirected,
        WindowWidth(),
        Environment.GetEnvironmentVariable);

    /// <summary>
    /// Output and errors to pipes, no environment: a run that does not depend on where it runs (its
    /// locale, NO_COLOR, a terminal), for running the command line in-process in tests.
    /// </summary>
    public static CliConsole Pipes { get; } = new(false, false, null, _ => null);

    private static int? WindowWidth()
    {
        if (Console.IsOutputRedirected)
        {
            return null;
        }

        try
        {
            return Console.WindowWidth;
        }
        catch (IOException)
        {
            // No console after all.
            return null;
        }
    }
}
