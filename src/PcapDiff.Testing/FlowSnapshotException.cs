namespace PcapDiff.Testing;

/// <summary>A capture does not match its verified snapshot, or has none. Any test framework reports it as a failure.</summary>
public sealed class FlowSnapshotException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FlowSnapshotException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public FlowSnapshotException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public FlowSnapshotException()
    {
    }
}
