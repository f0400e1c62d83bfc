using System.CommandLine;
using System.Globalization;

namespace Pipeline.Abstractions;

/// <summary>The one-off command of a stage, derived from what the stage declares: one <c>--PORT</c> option per input
/// port (required unless the port is optional), <c>--out DIR</c>, and one string option per param, spelled with
/// dashes. Values are handed to the engine's ad-hoc runner as text and parsed and validated there exactly as
/// pipeline.yaml's are, so defaults, ranges and error messages exist once, in the stage's ParamSpec.</summary>
public static class StageCommand
{
    public static Command Create(IStageHost host, IStage stage, string name, string? description = null)
    {
        var command = new Command(name, description ?? stage.Description);
        var inputs = stage.Inputs.Select(port => (Port: port, Option: new Option<string>(Spell(port.Name))
        {
            Description = $"{port.Description} ({Kind(port.Kind)})",
            Required = !port.Optional,
        })).ToList();
        var output = new Option<DirectoryInfo>("--out") { Description = "output folder", Required = true };
        var parameters = stage.Params.Select(p => (Spec: p, Option: new Option<string>(Spell(p.Name))
        {
            Description = $"{p.Description} (default {Format(p.Default)})",
        })).ToList();
        foreach (var (_, option) in inputs) command.Options.Add(option);
        command.Options.Add(output);
        foreach (var (_, option) in parameters) command.Options.Add(option);

        command.SetAction(parse =>
        {
            var given = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (spec, option) in parameters)
                if (parse.GetValue(option) is { } value) given[spec.Name] = value;
            var paths = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (port, option) in inputs)
                if (parse.GetValue(option) is { } path) paths[port.Name] = Path.GetFullPath(path);
            return host.RunAdHoc(stage, given, paths, parse.GetValue(output)!.FullName);
        });
        return command;
    }

    private static string Spell(string name) => "--" + name.Replace('_', '-');

    private static string Kind(PortKind kind) => kind switch
    {
        PortKind.Table => ".parquet or .csv",
        PortKind.File => "file",
        _ => "folder",
    };

    private static string Format(object? value) => value switch
    {
        null => "required",
        double[] d => string.Join(",", d.Select(v => v.ToString(CultureInfo.InvariantCulture))),
        long[] l => l.Length == 0 ? "none" : string.Join(",", l),
        string[] s => string.Join(",", s),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
