using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Pipeline.Cli.Usage;

/// <summary>Usage errors as people need them: an unknown command, option or stray argument is named with the command
/// it was given to and the closest valid spellings. Also catches what System.CommandLine lets through: an unknown
/// option such as `run --dryrun` bound as a value of a positional argument (a stage name, a git revision).</summary>
public static class CommandLineErrors
{
    public static List<string> Describe(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var path = CommandPath(parse.CommandResult);
        var messages = new List<string>();
        var handled = new List<string>();
        foreach (var token in parse.UnmatchedTokens)
        {
            handled.Add(token);
            if (LooksLikeOption(token))
                messages.Add($"unknown option '{token}' for `{path}`{DidYouMean.Hint(OptionName(token), OptionNames(parse.CommandResult))}");
            else if (VisibleSubcommands(command).Any())
                messages.Add($"unknown command '{token}' for `{path}`{DidYouMean.Hint(token, VisibleSubcommands(command).Select(c => c.Name))}");
            else
                messages.Add($"unexpected argument '{token}' for `{path}`");
        }
        foreach (var token in DashedArguments(parse))
        {
            handled.Add(token);
            var hint = DidYouMean.Hint(OptionName(token), OptionNames(parse.CommandResult));
            messages.Add($"unknown option '{token}' for `{path}`" + (hint.Length > 0 ? hint : " (an argument that starts with '-' goes after `--`)"));
        }
        foreach (var e in parse.Errors)
        {
            if (handled.Any(t => e.Message.Contains($"'{t}'", StringComparison.Ordinal)))
                continue;
            // "Required command was not provided" after an unknown command only repeats it.
            if (messages.Count > 0 && e.SymbolResult is CommandResult && parse.UnmatchedTokens.Count > 0
                && e.Message.StartsWith("Required command", StringComparison.Ordinal))
                continue;
            messages.Add(e.Message);
        }
        return messages;
    }

    /// <summary>True when the only problem is a missing subcommand (`pipeline`, `pipeline metrics`): show help instead.</summary>
    public static bool OnlyMissingSubcommand(ParseResult parse)
        => parse.UnmatchedTokens.Count == 0 && parse.CommandResult.Command.Action is null
           && VisibleSubcommands(parse.CommandResult.Command).Any() && !DashedArguments(parse).Any();

    public static IEnumerable<string> CommandNames(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? r = result; r is CommandResult c; r = r.Parent)
            names.Insert(0, c.Command.Name);
        return names;
    }

    private static string CommandPath(CommandResult result)
    {
        var names = CommandNames(result).ToList();
        names[0] = "pipeline";
        return string.Join(' ', names);
    }

    private static IEnumerable<Command> VisibleSubcommands(Command command) => command.Subcommands.Where(c => !c.Hidden);

    /// <summary>Options valid at this command: its own and the recursive ones of its ancestors.</summary>
    private static IEnumerable<string> OptionNames(CommandResult result)
    {
        for (SymbolResult? r = result; r is CommandResult c; r = r.Parent)
        {
            foreach (var o in c.Command.Options.Where(o => !o.Hidden && (ReferenceEquals(c, result) || o.Recursive)))
            {
                yield return o.Name;
                foreach (var alias in o.Aliases)
                    yield return alias;
            }
        }
    }

    /// <summary>Values of positional arguments that look like options and were not written after `--`.</summary>
    private static IEnumerable<string> DashedArguments(ParseResult parse)
    {
        var tokens = parse.Tokens.ToList();
        int doubleDash = tokens.FindIndex(t => t.Type == TokenType.DoubleDash);
        foreach (var argument in parse.CommandResult.Children.OfType<ArgumentResult>())
        {
            foreach (var token in argument.Tokens)
            {
                if (!LooksLikeOption(token.Value))
                    continue;
                int at = tokens.FindIndex(t => ReferenceEquals(t, token) || (t.Value == token.Value && t.Type == token.Type));
                if (doubleDash >= 0 && at > doubleDash)
                    continue;
                yield return token.Value;
            }
        }
    }

    private static bool LooksLikeOption(string token)
        => token.Length > 1 && token[0] == '-' && !double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    /// <summary>`--out=x` is the option `--out`.</summary>
    private static string OptionName(string token)
    {
        int eq = token.IndexOfAny(['=', ':']);
        return eq > 0 ? token[..eq] : token;
    }
}
