using System.Globalization;
using System.Text.RegularExpressions;
using PcapDiff.Core.Model;

namespace PcapDiff.Core.FlowsFiles;

/// <summary>Reads the detail of an HTTP event on a <c>.flows</c> line back into a request or response detail.</summary>
internal static partial class HttpDetailReader
{
    /// <summary>An HTTP request's or status line's detail; null when it is not in the form the writer makes.</summary>
    public static EventDetail? Read(string rest)
    {
        var status = StatusPattern().Match(rest);
        if (status.Success)
        {
            return new HttpResponseDetail(int.Parse(status.Groups["code"].Value, CultureInfo.InvariantCulture), status.Groups["reason"].Success ? status.Groups["reason"].Value : null);
        }

        string[] parts = rest.Split(' ');
        if (parts.Length != 2)
        {
            return null;
        }

        bool query = parts[1].EndsWith("?…", StringComparison.Ordinal);
        return new HttpRequestDetail(parts[0], query ? parts[1][..^2] : parts[1], query);
    }

    [GeneratedRegex("^(?<code>[0-9]{3})(?: (?<reason>.+))?$")]
    private static partial Regex StatusPattern();
}
