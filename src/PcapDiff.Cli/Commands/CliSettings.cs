namespace PcapDiff.Cli.Commands;

/// <summary>The parsed, validated command-line settings shared by the commands.</summary>
internal sealed record CliSettings(string? Filter, string LeftLabel, string RightLabel, bool Color, int Width, int Context, bool ShowEqualFlows, int MaxFlowDetails, bool ShowZeek = false)
{
    /// <summary>Whether to write ASCII only: the locale (LC_ALL, else LC_CTYPE, else LANG) is set and is not UTF-8, as with LANG=C.</summary>
    public bool Ascii { get; init; }
}
