namespace PcapDiff.Rendering.Json;

/// <summary>Positions of objects in a list by identity, for JSON that refers to flows and events by index.</summary>
internal static class ReferenceIndex
{
    /// <summary>Each item of <paramref name="items"/> mapped to its position.</summary>
    public static Dictionary<T, int> Of<T>(IEnumerable<T> items)
        where T : class
    {
        var positions = new Dictionary<T, int>(ReferenceEqualityComparer.Instance);
        int i = 0;
        foreach (var item in items)
        {
            positions[item] = i++;
        }

        return positions;
    }
}
