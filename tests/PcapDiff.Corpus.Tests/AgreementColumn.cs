namespace PcapDiff.Corpus.Tests;

/// <summary>One compared column of the reference.</summary>
/// <param name="Name">The reference's column name (<c>pktsAB</c>).</param>
/// <param name="Value">Reads the column from a stream's counts.</param>
/// <param name="TcpOnly">Compared on TCP streams only (flags and retransmissions are always 0 on UDP).</param>
/// <param name="MustAgree">Packets and bytes: every stream must agree, save named known differences.</param>
internal sealed record AgreementColumn(string Name, Func<StreamCounts, long> Value, bool TcpOnly, bool MustAgree)
{
    /// <summary>Every compared column, in the reference's order.</summary>
    public static IReadOnlyList<AgreementColumn> All { get; } =
    [
        new("pktsAB", c => c.AToB.Packets, TcpOnly: false, MustAgree: true),
        new("bytesAB", c => c.AToB.Bytes, TcpOnly: false, MustAgree: true),
        new("pktsBA", c => c.BToA.Packets, TcpOnly: false, MustAgree: true),
        new("bytesBA", c => c.BToA.Bytes, TcpOnly: false, MustAgree: true),
        new("synAB", c => c.AToB.Syns, TcpOnly: true, MustAgree: false),
        new("synBA", c => c.BToA.Syns, TcpOnly: true, MustAgree: false),
        new("finAB", c => c.AToB.Fins, TcpOnly: true, MustAgree: false),
        new("finBA", c => c.BToA.Fins, TcpOnly: true, MustAgree: false),
        new("rstAB", c => c.AToB.Resets, TcpOnly: true, MustAgree: false),
        new("rstBA", c => c.BToA.Resets, TcpOnly: true, MustAgree: false),
        new("retransAB", c => c.AToB.Retransmissions, TcpOnly: true, MustAgree: false),
        new("retransBA", c => c.BToA.Retransmissions, TcpOnly: true, MustAgree: false),
        new("payloadAB", c => c.AToB.Payload, TcpOnly: false, MustAgree: false),
        new("payloadBA", c => c.BToA.Payload, TcpOnly: false, MustAgree: false),
    ];
}
