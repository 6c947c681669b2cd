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

    /// <summary>Creates the exception with no message.</summary>
    public PcapDiffException()
    {
    }
}
