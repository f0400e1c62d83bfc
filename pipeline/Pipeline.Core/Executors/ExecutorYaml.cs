using System.Text.RegularExpressions;
using Pipeline.Abstractions;
using Pipeline.Core.Config;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Core.Executors;

/// <summary>Reads an <c>executor:</c> value of pipeline.yaml: a kind (<c>executor: slurm</c>) or a mapping of
/// options. Values are typed and range-checked by the same rules as stage params; every problem is reported with
/// its line and column.</summary>
public static partial class ExecutorYaml
{
    public static readonly string[] Keys =
        ["type", "partition", "account", "time", "cpus_per_task", "memory", "sbatch_args", "worker", "retries", "poll_interval"];

    private static readonly ParamSpec TypeSpec = ParamSpec.Enum("type", "executor", ["local", "slurm"]);
    private static readonly ParamSpec NameSpec = ParamSpec.String("name", "a Slurm name");
    private static readonly ParamSpec CpusSpec = ParamSpec.Int("cpus_per_task", "cpus", min: 1, max: 4096);
    private static readonly ParamSpec RetriesSpec = ParamSpec.Int("retries", "retries", min: 0, max: 100);
    private static readonly ParamSpec PollSpec = ParamSpec.Float("poll_interval", "seconds", min: 0.1, max: 3600);
    private static readonly ParamSpec ListSpec = ParamSpec.StringList("list", "strings");

    [GeneratedRegex(@"^(?:\d+|\d+:\d{1,2}|\d+:\d{1,2}:\d{1,2}|\d+-\d+|\d+-\d+:\d{1,2}|\d+-\d+:\d{1,2}:\d{1,2}|UNLIMITED|INFINITE)\z")]
    private static partial Regex SlurmTime();

    [GeneratedRegex(@"^\d+[KMGTkmgt]?\z")]
    private static partial Regex SlurmMemory();

    [GeneratedRegex(@"^[A-Za-z0-9_.,:+=@-]+\z")]
    private static partial Regex SlurmName();

    /// <param name="where">"the top-level executor" or "the executor of stage 'kmc'", for messages.</param>
    public static ExecutorSpec? Parse(YamlNode node, string where, Action<YamlNode, string> error)
    {
        var spec = new ExecutorSpec { Mark = SourceMark.Of(node) };
        if (node is YamlScalarNode)
        {
            spec.Kind = ParseKind(node, where, error);
            spec.KindMark = SourceMark.Of(node);
            return spec;
        }
        if (node is not YamlMappingNode map)
        {
            error(node, $"{where} must be local, slurm or a mapping of options ({string.Join(", ", Keys)})");
            return null;
        }
        foreach (var (keyNode, value) in map.Children)
        {
            var key = YamlKey.Text(keyNode, error);
            switch (key)
            {
                case null:
                    break;
                case "type":
                    spec.Kind = ParseKind(value, where, error);
                    spec.KindMark = SourceMark.Of(value);
                    break;
                case "partition":
                    spec.Partition = Name(value, key, where, error);
                    break;
                case "account":
                    spec.Account = Name(value, key, where, error);
                    break;
                case "time":
                    spec.Time = Checked(value, key, where, error, SlurmTime(),
                        "a Slurm time limit: MINUTES, MM:SS, HH:MM:SS, D-HH, D-HH:MM or D-HH:MM:SS");
                    break;
                case "memory":
                    spec.Memory = Checked(value, key, where, error, SlurmMemory(), "a Slurm memory size such as 500M, 4G or 1T");
                    break;
                case "cpus_per_task":
                    spec.CpusPerTask = Typed(CpusSpec, value, key, where, error) is long c ? (int)c : null;
                    break;
                case "retries":
                    spec.Retries = Typed(RetriesSpec, value, key, where, error) is long r ? (int)r : null;
                    break;
                case "poll_interval":
                    spec.PollInterval = Typed(PollSpec, value, key, where, error) is double p ? p : null;
                    break;
                case "sbatch_args":
                    spec.SbatchArgs = SbatchArgs(value, where, error);
                    break;
                case "worker":
                    spec.Worker = Worker(value, where, error);
                    break;
                default:
                    error(keyNode, $"unknown key '{key}' in {where} (allowed: {string.Join(", ", Keys)})");
                    break;
            }
        }
        return spec;
    }

    private static ExecutorKind? ParseKind(YamlNode node, string where, Action<YamlNode, string> error)
        => Typed(TypeSpec, node, "type", where, error) switch
        {
            "slurm" => ExecutorKind.Slurm,
            "local" => ExecutorKind.Local,
            _ => null,
        };

    private static object? Typed(ParamSpec spec, YamlNode node, string key, string where, Action<YamlNode, string> error)
    {
        var r = ParamParser.Parse(spec, node);
        if (r.Error is null)
            return r.Value;
        error(node, $"'{key}' of {where} {r.Error}");
        return null;
    }

    private static string? Name(YamlNode node, string key, string where, Action<YamlNode, string> error)
        => Checked(node, key, where, error, SlurmName(), "a Slurm name (letters, digits and _ . , : + = @ -; no spaces)");

    private static string? Checked(YamlNode node, string key, string where, Action<YamlNode, string> error, Regex pattern, string expected)
    {
        if (node is not YamlScalarNode { Value: { Length: > 0 } text })
        {
            error(node, $"'{key}' of {where} expects {expected}");
            return null;
        }
        if (!pattern.IsMatch(text))
        {
            error(node, $"'{key}' of {where} expects {expected}, got '{text}'");
            return null;
        }
        return text;
    }

    private static IReadOnlyList<string>? SbatchArgs(YamlNode node, string where, Action<YamlNode, string> error)
    {
        if (Typed(ListSpec, node, "sbatch_args", where, error) is not string[] args)
            return null;
        bool ok = true;
        foreach (var arg in args)
        {
            if (!arg.StartsWith('-') || arg == "-")
            {
                error(node, $"'sbatch_args' of {where}: '{arg}' is not an option (write each as one string, e.g. \"--qos=short\")");
                ok = false;
                continue;
            }
            var check = SbatchOptions.Inspect(arg);
            if (check.Reserved is { } option)
            {
                error(node, $"'sbatch_args' of {where}: '{arg}' sets {option}, which the engine sets itself (it controls the array, logs and working folder)");
                ok = false;
            }
            else if (check.Problem is { } problem)
            {
                error(node, $"'sbatch_args' of {where}: '{arg}': {problem}");
                ok = false;
            }
        }
        return ok ? args : null;
    }

    private static IReadOnlyList<string>? Worker(YamlNode node, string where, Action<YamlNode, string> error)
    {
        string[]? words = node switch
        {
            YamlScalarNode { Value: { } text } => text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            YamlSequenceNode => Typed(ListSpec, node, "worker", where, error) as string[],
            _ => null,
        };
        if (words is null)
        {
            if (node is not YamlSequenceNode)
                error(node, $"'worker' of {where} expects the tool's command line, e.g. \"dotnet /shared/tools/pipeline.dll\" or a list of words");
            return null;
        }
        if (words.Length == 0 || words.Any(w => w.Length == 0))
        {
            error(node, $"'worker' of {where} is empty");
            return null;
        }
        return words;
    }
}
