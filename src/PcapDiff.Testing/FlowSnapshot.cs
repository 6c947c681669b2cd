using System.Runtime.CompilerServices;
using PcapDiff.Capture;
using PcapDiff.Core;
using PcapDiff.Core.FlowsFiles;
using PcapDiff.Core.Reporting;
using PcapDiff.Core.Runs;
using PcapDiff.Rendering.Terminal;
using PcapDiff.Rendering.View;

namespace PcapDiff.Testing;

/// <summary>
/// Snapshot assertions for captures, in the convention Verify made familiar: a committed
/// <c>NAME.verified.flows</c> holds the expected flows; on a mismatch the capture's flows are
/// written to <c>NAME.received.flows</c> beside it and the test fails with pcapdiff's side-by-side
/// report. Accept a received file by renaming it, or run the tests with PCAPDIFF_ACCEPT=1. Relative
/// paths are resolved against the folder of the calling test's source file, as Verify does, so a
/// test finds <c>captures/upload.pcap</c> beside it without copying it to the build output.
/// </summary>
public static class FlowSnapshot
{
    /// <summary>
    /// Asserts that the capture at <paramref name="capturePath"/> behaves as its verified snapshot says.
    /// </summary>
    /// <param name="capturePath">
    /// A pcap, pcapng (optionally gzip-compressed) or .flows file; a relative path is relative to the
    /// calling test's source folder.
    /// </param>
    /// <param name="verifiedPath">
    /// The verified snapshot, relative to the calling test's source folder when relative; by default
    /// <c>{TestFile}.{TestMethod}.verified.flows</c> beside the calling test's source file.
    /// </param>
    /// <param name="settings">Filter and accept behaviour; by default from the environment.</param>
    /// <param name="callerFile">Filled in by the compiler.</param>
    /// <param name="callerMember">Filled in by the compiler.</param>
    /// <exception cref="FlowSnapshotException">The capture does not match, or there is no verified snapshot yet.</exception>
    public static void Verify(
        string capturePath,
        string? verifiedPath = null,
        FlowSnapshotSettings? settings = null,
        [CallerFilePath] string callerFile = "",
        [CallerMemberName] string callerMember = "")
    {
        settings ??= new FlowSnapshotSettings();
        string? sourceFolder = string.IsNullOrEmpty(callerFile) ? null : Path.GetDirectoryName(callerFile);
        capturePath = Resolve(capturePath, sourceFolder);
        verifiedPath = verifiedPath is null
            ? Path.Combine(sourceFolder ?? ".", $"{Path.GetFileNameWithoutExtension(callerFile)}.{callerMember}.verified.flows")
            : Resolve(verifiedPath, sourceFolder);
        string receivedPath = ReceivedPath(verifiedPath);

        Run actual;
        try
        {
            actual = RunLoader.Load(capturePath, new CaptureReaderOptions(settings.Filter));
        }
        catch (PcapDiffException e)
        {
            throw new FlowSnapshotException($"Cannot read the capture: {e.Message}", e);
        }

        string received = FlowsWriter.ToText(actual.Flows);
        if (!File.Exists(verifiedPath))
        {
            if (Accept(settings, verifiedPath, receivedPath, received))
            {
                return;
            }

            throw new FlowSnapshotException(
                $"No verified snapshot {verifiedPath}.\nThe capture's flows were written to {receivedPath}.\n{HowToAccept(receivedPath, verifiedPath)}");
        }

        DiffReport report;
        try
        {
            var expected = FlowsParser.Parse(File.ReadAllText(verifiedPath), verifiedPath);
            report = CaptureComparer.Compare(
                Run.FromExpectation(Path.GetFileName(verifiedPath), expected) with { Label = "verified" },
                actual with { Label = "received" });
        }
        catch (PcapDiffException e)
        {
            throw new FlowSnapshotException($"The verified snapshot cannot be read: {e.Message}", e);
        }

        if (report.Verdict == Verdict.Equivalent)
        {
            File.Delete(receivedPath);
            return;
        }

        if (Accept(settings, verifiedPath, receivedPath, received))
        {
            return;
        }

        var text = new StringWriter();
        new TextRenderer(new TerminalOptions(settings.ReportWidth)).Render(ReportView.Of(report), text);
        throw new FlowSnapshotException(
            $"{Path.GetFileName(capturePath)} does not match {Path.GetFileName(verifiedPath)}.\n\n{text}\nThe capture's flows were written to {receivedPath}.\n{HowToAccept(receivedPath, verifiedPath)}");
    }

    private static bool Accept(FlowSnapshotSettings settings, string verifiedPath, string receivedPath, string received)
    {
        if (settings.AcceptReceived)
        {
            File.WriteAllText(verifiedPath, received);
            File.Delete(receivedPath);
            return true;
        }

        File.WriteAllText(receivedPath, received);
        return false;
    }

    private static string ReceivedPath(string verifiedPath)
    {
        string name = Path.GetFileName(verifiedPath);
        string received = name.Contains(".verified.", StringComparison.Ordinal)
            ? name.Replace(".verified.", ".received.", StringComparison.Ordinal)
            : Path.GetFileNameWithoutExtension(name) + ".received.flows";
        return Path.Combine(Path.GetDirectoryName(verifiedPath) ?? ".", received);
    }

    private static string HowToAccept(string receivedPath, string verifiedPath) =>
        $"If the new behaviour is right, accept it: mv {receivedPath} {verifiedPath} (or run the tests with {FlowSnapshotSettings.AcceptVariable}=1).";

    /// <summary>
    /// A relative path against the calling test's source folder, when that folder exists (the tests run
    /// where their sources are); else as given, relative to the working directory.
    /// </summary>
    private static string Resolve(string path, string? sourceFolder) =>
        Path.IsPathRooted(path) || path == "-" || sourceFolder is null || !Directory.Exists(sourceFolder)
            ? path
            : Path.Combine(sourceFolder, path);
}
