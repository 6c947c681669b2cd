using PcapDiff.Core.Alignment;
using PcapDiff.Core.Model;

namespace PcapDiff.Core.Reporting;

/// <summary>One row of a side-by-side: an event of each run, or of one.</summary>
public sealed record AlignedRow(AlignmentOp Op, FlowEvent? Left, FlowEvent? Right);
