namespace PcapDiff.Core.FlowsFiles;

/// <summary>Finds a protocol field's byte value from the name the writer gives it.</summary>
internal static class ByteNames
{
    /// <summary>The byte value <paramref name="names"/> gives <paramref name="name"/>; null when none does.</summary>
    public static byte? Find(string name, Func<byte, string> names)
    {
        for (int value = 0; value <= 255; value++)
        {
            if (names((byte)value) == name)
            {
                return (byte)value;
            }
        }

        return null;
    }
}
