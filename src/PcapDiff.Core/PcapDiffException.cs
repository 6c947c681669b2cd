namespace PcapDiff.Core;

/// <summary>
/// An expected, user-facing failure (a missing file, a file that is not a capture, an unsupported
/// link type). Its message is one line meant for the user; the CLI maps it to exit code 2.
/// </summary>
public sealed class PcapDiffException : Exception
{
    /// <summary>Creates the exception with a one-line message.</summary>
    public PcapDiffException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a one-line message and the underlying cause.</summary>
    public PcapDiffException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// The reason an I/O call gave, as the end of a one-line message ("cannot read F: REASON"): one
    /// line, without the <c> : 'PATH'</c> .NET appends to some messages (the message names the file).
    /// </summary>
    public static string ReasonOf(Exception cause)
    {
        ArgumentNullException.ThrowIfNull(cause);
        return OneLine(cause.Message);
    }

    /// <summary>Text as one line: line breaks become spaces, <c> : 'PATH'</c> at the end is dropped; "no detail given" for none.</summary>
    public static string OneLine(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "no detail given";
        }

        string line = text.ReplaceLineEndings(" ").Trim();
        int quoted = line.LastIndexOf(" : '", StringComparison.Ordinal);
        return quoted > 0 && line.EndsWith('\'') ? line[..quoted] : line;
    }

    /// <summary>Creates the exception with no message.</summary>
    public PcapDiffException()
    {
    }
}
