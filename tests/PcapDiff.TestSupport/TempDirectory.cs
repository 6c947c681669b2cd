namespace PcapDiff.TestSupport;

/// <summary>A directory that is deleted with everything in it when disposed.</summary>
public sealed class TempDirectory : IDisposable
{
    /// <summary>Creates a fresh directory under the system's temporary folder.</summary>
    public TempDirectory()
    {
        Path = Directory.CreateTempSubdirectory("pcapdiff-test-").FullName;
    }

    /// <summary>The directory.</summary>
    public string Path { get; }

    /// <summary>Writes a file into the directory and returns its path.</summary>
    public string Write(string name, byte[] content)
    {
        string file = System.IO.Path.Combine(Path, name);
        File.WriteAllBytes(file, content);
        return file;
    }

    /// <inheritdoc />
    public void Dispose() => Directory.Delete(Path, recursive: true);
}
