namespace PcapDiff.Cli.Tests;

/// <summary>What one run of the command line produced.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error);
