using System.Runtime.InteropServices;

namespace PcapDiff.Capture.Tests;

internal static partial class NativeMethods
{
    /// <summary>libc's mkfifo(3): makes a named pipe.</summary>
    [LibraryImport("libc", EntryPoint = "mkfifo", StringMarshalling = StringMarshalling.Utf8)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    internal static partial int MakeFifo(string path, uint mode);
}
