using System.Diagnostics;
using System.Reflection;
using PcapDiff.TestSupport;

namespace PcapDiff.Cli.Tests;

/// <summary>
/// pcapdiff as a user gets it: <c>dotnet pack</c> of the CLI into one temporary folder, then
/// <c>dotnet tool install --tool-path</c> from that folder alone into another, never the global tool
/// location. Commands run from a third, empty folder. Everything is deleted on dispose.
/// </summary>
public sealed class InstalledTool : IDisposable
{
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(60);

    // What `dotnet test` may hand down that would point the inner build at another MSBuild; no build
    // servers either, so nothing outlives the test holding its output open.
    private static readonly Dictionary<string, string?> BuildEnvironment = new()
    {
        ["MSBuildExtensionsPath"] = null,
        ["MSBuildSDKsPath"] = null,
        ["MSBUILD_EXE_PATH"] = null,
        ["MSBUILDDISABLENODEREUSE"] = "1",
        ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
    };

    private readonly TempDirectory _packages = new();
    private readonly TempDirectory _tools = new();
    private readonly TempDirectory _elsewhere = new();

    /// <summary>Packs and installs; throws with the command's output when either step fails.</summary>
    public InstalledTool()
    {
        try
        {
            var clock = Stopwatch.StartNew();
            Version = ExpectedVersion();
            PackagePath = Path.Combine(_packages.Path, $"pcapdiff.{Version}.nupkg");

            // The configuration these tests were built in, so the CLI's build is already up to date.
            string configuration = typeof(InstalledTool).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
            string project = Path.Combine(RepoPaths.Root, "src", "PcapDiff.Cli", "PcapDiff.Cli.csproj");
            Succeed(
                ["pack", project, "-c", configuration, "-o", _packages.Path, "--nologo", "--disable-build-servers"],
                RepoPaths.Root,
                PackTimeout);
            if (!File.Exists(PackagePath))
            {
                throw new InvalidOperationException(
                    $"dotnet pack made no {Path.GetFileName(PackagePath)}; it made: {string.Join(", ", Directory.GetFiles(_packages.Path).Select(Path.GetFileName))}");
            }

            // --source rather than --add-source: nothing but the package just made can be installed.
            Succeed(
                ["tool", "install", "pcapdiff", "--version", Version, "--tool-path", _tools.Path, "--source", _packages.Path],
                _elsewhere.Path,
                InstallTimeout);
            if (!File.Exists(Command))
            {
                throw new InvalidOperationException(
                    $"dotnet tool install made no {Command}; the tool path holds: {string.Join(", ", Directory.GetFileSystemEntries(_tools.Path).Select(Path.GetFileName))}");
            }

            PackAndInstallTime = clock.Elapsed;
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The package version: the CLI's version without its source revision.</summary>
    public string Version { get; }

    /// <summary>The package <c>dotnet pack</c> made.</summary>
    public string PackagePath { get; }

    /// <summary>The <c>--tool-path</c> folder.</summary>
    public string ToolPath => _tools.Path;

    /// <summary>The installed command.</summary>
    public string Command => Path.Combine(_tools.Path, "pcapdiff");

    /// <summary>An empty folder outside the repository, where commands run.</summary>
    public string WorkingDirectory => _elsewhere.Path;

    /// <summary>How long packing and installing took.</summary>
    public TimeSpan PackAndInstallTime { get; }

    /// <summary>Runs the installed pcapdiff from <see cref="WorkingDirectory"/>.</summary>
    public CliRun Run(params string[] args) => ExternalProcess.Run(Command, args, RunTimeout, _elsewhere.Path);

    /// <inheritdoc />
    public void Dispose()
    {
        _packages.Dispose();
        _tools.Dispose();
        _elsewhere.Dispose();
    }

    private static string ExpectedVersion()
    {
        string informational = typeof(CliApplication).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        return informational.Split('+')[0];
    }

    private static void Succeed(string[] args, string workingDirectory, TimeSpan timeout)
    {
        var run = ExternalProcess.Run("dotnet", args, timeout, workingDirectory, BuildEnvironment);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', args)} failed: {ExternalProcess.Describe(run)}");
        }
    }
}
