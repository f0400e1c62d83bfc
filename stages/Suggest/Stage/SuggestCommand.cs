using System.CommandLine;
using System.Globalization;
using Pipeline.Abstractions;

namespace Pipeline.Suggest.Stage;

/// <summary><c>pipeline suggest run --features F --model M --ce C --incar I --kpoints K --out DIR [--batch-size 8 ...]</c>
/// and <c>pipeline suggest bench --out DIR [--seeds 5 ...]</c>: the suggest and suggest-bench stages outside a
/// pipeline, through the engine's ad-hoc runner (same code and artifacts as the stages).</summary>
public static class SuggestCommand
{
    public static Command Create(IStageHost host)
        => new("suggest", "active learning: suggest the next NEB calculations, or benchmark the loop") { Run(host), Bench(host) };

    private static Command Run(IStageHost host)
    {
        var stage = new SuggestStage();
        var files = new (string Port, Option<FileInfo> Option)[]
        {
            ("features", new Option<FileInfo>("--features") { Description = "features table (.parquet or .csv) the model was trained on", Required = true }),
            ("model", new Option<FileInfo>("--model") { Description = "barrier model (model-kra.json)", Required = true }),
            ("ce", new Option<FileInfo>("--ce") { Description = "cluster expansion (eci.json)", Required = true }),
            ("incar", new Option<FileInfo>("--incar") { Description = "INCAR template for the NEB runs", Required = true }),
            ("kpoints", new Option<FileInfo>("--kpoints") { Description = "KPOINTS for the NEB runs", Required = true }),
            ("classifier", new Option<FileInfo>("--classifier") { Description = "path classifier (classifier.zip) for the predicted path type" }),
        };
        var command = new Command("run", stage.Description);
        foreach (var (_, option) in files) command.Options.Add(option);
        return WithParams(command, stage, host, parse =>
        {
            var inputs = new Dictionary<string, string>();
            foreach (var (port, option) in files)
                if (parse.GetValue(option) is { } f) inputs[port] = f.FullName;
            return inputs;
        });
    }

    private static Command Bench(IStageHost host)
    {
        var stage = new SuggestBenchStage();
        return WithParams(new Command("bench", stage.Description), stage, host, _ => new Dictionary<string, string>());
    }

    /// <summary>Adds --out and one string option per stage param (dashes for underscores; values parsed by the engine
    /// as pipeline.yaml values are), and the action that runs the stage.</summary>
    private static Command WithParams(Command command, IStage stage, IStageHost host,
        Func<ParseResult, Dictionary<string, string>> inputs)
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "output directory", Required = true };
        command.Options.Add(output);
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
            return host.RunAdHoc(stage, parameters, inputs(parse), parse.GetValue(output)!.FullName);
        });
        return command;
    }

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
