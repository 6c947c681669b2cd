using System.Globalization;
using PcapDiff.Core.Model;
using PcapDiff.Core.Normalization;

namespace PcapDiff.Core.FlowsFiles;

/// <summary>Reads the detail of a DNS event on a <c>.flows</c> line back into a <see cref="DnsDetail"/>.</summary>
internal static class DnsDetailReader
{
    /// <summary>A DNS query's or response's detail; null when it is not in the form the writer makes.</summary>
    public static DnsDetail? Read(EventKind kind, string rest)
    {
        string[] parts = rest.Split(' ', 4);
        if (kind == EventKind.DnsQuery)
        {
            return parts.Length == 2 && TypeCode(parts[0]) is { } type ? new DnsDetail(0, type, FlowsSyntax.UnescapeName(parts[1]), null, []) : null;
        }

        if (parts.Length != 4 || ResponseCode(parts[0]) is not { } code || TypeCode(parts[1]) is not { } queried)
        {
            return null;
        }

        string answers = parts[3];
        var types = new List<ushort>();
        if (answers != "(no answers)")
        {
            if (!answers.StartsWith("(answers: ", StringComparison.Ordinal) || !answers.EndsWith(')'))
            {
                return null;
            }

            foreach (string token in answers["(answers: ".Length..^1].Split(' '))
            {
                string[] counted = token.Split('×');
                if (TypeCode(counted[0]) is not { } answer)
                {
                    return null;
                }

                int count = counted.Length == 2 && int.TryParse(counted[1], NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : 1;
                types.AddRange(Enumerable.Repeat(answer, count));
            }
        }

        return new DnsDetail(0, queried, FlowsSyntax.UnescapeName(parts[2]), code, types);
    }

    private static ushort? TypeCode(string name)
    {
        if (name.StartsWith("TYPE", StringComparison.Ordinal) && ushort.TryParse(name.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out ushort number))
        {
            return number;
        }

        for (int type = 0; type <= 255; type++)
        {
            if (DnsMessage.TypeName((ushort)type) == name)
            {
                return (ushort)type;
            }
        }

        return null;
    }

    private static int? ResponseCode(string name)
    {
        if (name.StartsWith("RCODE", StringComparison.Ordinal) && int.TryParse(name.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out int number))
        {
            return number;
        }

        for (int code = 0; code < 16; code++)
        {
            if (DnsMessage.ResponseCodeName(code) == name)
            {
                return code;
            }
        }

        return null;
    }
}
