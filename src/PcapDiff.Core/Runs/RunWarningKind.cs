namespace PcapDiff.Core.Runs;

/// <summary>What a <see cref="RunWarning"/> is about.</summary>
public enum RunWarningKind
{
    /// <summary>The capture ends mid-packet, or the reader stopped at something it cannot read; the rest was not read.</summary>
    ReadStopped,

    /// <summary>Frames too short or inconsistent to decode were skipped.</summary>
    FramesSkipped,

    /// <summary>A pipe or a compressed file held more than pcapdiff copies; only the first part was read.</summary>
    InputTooLarge,

    /// <summary>Compressed data is damaged part way; what came before it was read.</summary>
    CompressionDamaged,

    /// <summary>The BPF filter matched no frame of the capture.</summary>
    FilterMatchedNothing,

    /// <summary>The BPF filter kept far fewer frames than in the other run.</summary>
    FilterKeptFew,

    /// <summary>A filter was given for a <c>.flows</c> expectation, which has no packets to filter.</summary>
    FilterNotApplicable,

    /// <summary>IP fragments were counted but not reassembled into their flows.</summary>
    FragmentsNotReassembled,

    /// <summary>More flows than the flow cap: the packets of later flows were counted, not compared.</summary>
    FlowCapReached,
}
