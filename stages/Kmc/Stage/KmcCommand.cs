using System.CommandLine;
using Pipeline.Abstractions;

namespace Pipeline.Kmc.Stage;

/// <summary><c>pipeline kmc --model model-kra.json --ce eci.json --out DIR [--compositions 0.1,0.2 ...]</c>: one kmc
/// run outside a pipeline, through the engine's ad-hoc runner (same code and artifacts as the stage).</summary>
public static class KmcCommand
{
    public static Command Create(IStageHost host)
    {
        var stage = new KmcStage();
        var model = new Option<FileInfo>("--model") { Description = "KRA model (model-kra.json)", Required = true };
        var ce = new Option<FileInfo>("--ce") { Description = "cluster expansion (eci.json)", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "output directory", Required = true };
        var command = new Command("kmc", stage.Description) { model, ce, output };
        // One string option per stage param, spelled with dashes; values are parsed by the engine like pipeline.yaml.
        var paramOptions = stage.Params.Select(p => (Spec: p, Option: new Option<string>("--" + p.Name.Replace('_', '-'))
        {
            Description = $"{p.Description} (default {Format(p.Default)})",
        })).ToList();
        foreach (var (_, option) in paramOptions) command.Options.Add(option);

        command.SetAction(parse =>
        {
            var parameters = new Dictionary<string, string>();
            foreach (var (spec, option) in paramOptions)
                if (parse.GetValue(option) is { } value) parameters[spec.Name] = value;
            var inputs = new Dictionary<string, string>
            {
                ["model"] = parse.GetValue(model)!.FullName,
                ["ce"] = parse.GetValue(ce)!.FullName,
            };
            return host.RunAdHoc(stage, parameters, inputs, parse.GetValue(output)!.FullName);
        });
        return command;
    }

    private static string Format(object? value) => value switch
    {
        null => "required",
        double[] d => string.Join(",", d.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        long[] l => l.Length == 0 ? "none" : string.Join(",", l),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
