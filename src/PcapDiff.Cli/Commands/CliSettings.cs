namespace PcapDiff.Cli.Commands;

/// <summary>The parsed, validated command-line settings shared by the commands.</summary>
internal sealed record CliSettings(string? Filter, string LeftLabel, string RightLabel, bool Color, int Width, int Context, bool ShowEqualFlows, int MaxFlowDetails, bool ShowZeek = false);
