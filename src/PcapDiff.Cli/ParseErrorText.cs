using System.CommandLine;
using System.CommandLine.Parsing;

namespace PcapDiff.Cli;

/// <summary>
/// A command line pcapdiff could not parse, in one line of plain words naming what is wrong:
/// <c>unknown option '--bogus'</c>, <c>--width: 'abc' is not a number</c>, <c>missing BAD capture</c>,
/// instead of System.CommandLine's messages (which name .NET types and blame the next argument).
/// </summary>
internal static class ParseErrorText
{
    public static string Describe(ParseResult parsed)
    {
        // An unknown option before the captures is taken for the first of them: look there too.
        // After "--" a name starting with "-" is a file.
        var command = parsed.CommandResult;
        var files = parsed.Tokens.SkipWhile(t => t.Type != TokenType.DoubleDash).Skip(1).Select(t => t.Value).ToHashSet(StringComparer.Ordinal);
        string? unknown = parsed.UnmatchedTokens
            .Concat(command.Command.Arguments.SelectMany(a => command.GetResult(a)?.Tokens.Select(t => t.Value) ?? []))
            .FirstOrDefault(t => t.Length > 1 && t[0] == '-' && !files.Contains(t));
        if (unknown is not null)
        {
            return $"unknown option '{unknown}'";
        }

        foreach (var error in parsed.Errors)
        {
            var option = error.SymbolResult switch
            {
                OptionResult o => o,
                ArgumentResult { Parent: OptionResult o } => o,
                _ => null,
            };
            if (option is { Tokens.Count: > 0 })
            {
                return Value(option.Option, option.Tokens[^1].Value, error.Message);
            }

            if (option is not null)
            {
                return $"{option.Option.Name} needs a value";
            }
        }

        if (Missing(command) is { } missing)
        {
            return missing;
        }

        return parsed.UnmatchedTokens.Count > 0 && parsed.UnmatchedTokens[0] is { } extra
            ? $"unexpected argument '{extra}'"
            : parsed.Errors[0].Message.ReplaceLineEndings(" ");
    }

    private static string Value(Option option, string value, string message)
    {
        var type = Nullable.GetUnderlyingType(option.ValueType) ?? option.ValueType;
        if (type == typeof(int))
        {
            return $"{option.Name}: '{value}' is not a number";
        }

        // AcceptOnlyFromAmong lists the values in its message, one per line, quoted.
        var allowed = message.Split('\n').Skip(1).Select(l => l.Trim().Trim('\'')).Where(l => l.Length > 0).ToList();
        return allowed.Count > 0
            ? $"{option.Name}: '{value}' is not one of {string.Join(", ", allowed)}"
            : $"{option.Name}: '{value}': {message.ReplaceLineEndings(" ")}";
    }

    /// <summary>The command's arguments that got no value: "missing BAD capture", "stats: missing CAPTURE".</summary>
    private static string? Missing(CommandResult command)
    {
        var missing = command.Command.Arguments
            .Where(a => a.Arity.MinimumNumberOfValues > 0 && command.GetResult(a) is not { Tokens.Count: > 0 })
            .Select(a => a.Name)
            .ToList();
        if (missing.Count == 0)
        {
            return null;
        }

        string names = string.Join(" and ", missing);
        string noun = command.Command is RootCommand ? (missing.Count == 1 ? " capture" : " captures") : string.Empty;
        string prefix = command.Command is RootCommand ? string.Empty : $"{command.Command.Name}: ";
        return $"{prefix}missing {names}{noun}";
    }
}
