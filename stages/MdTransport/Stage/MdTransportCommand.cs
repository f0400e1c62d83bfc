using System.CommandLine;
using Pipeline.Abstractions;

namespace Pipeline.MdTransport.Stage;

/// <summary><c>pipeline md-transport PATH --out DIR [--time-step-fs 2 --temperatures 1000 ...]</c>: the md-transport
/// stage outside a pipeline, through the engine's ad-hoc runner (same code and artifacts as the stage). PATH is a
/// trajectory file or a folder of them.</summary>
public static class MdTransportCommand
{
    public static Command Create(IStageHost host)
    {
        var stage = new MdTransportStage();
        var path = new Argument<FileSystemInfo>("PATH") { Description = "a trajectory file or a folder of trajectories" };
        var output = new Option<DirectoryInfo>("--out") { Description = "output directory", Required = true };
        var command = new Command("md-transport", stage.Description) { path, output };
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
            var target = parse.GetValue(path)!;
            var folder = target.FullName;
            if (target is FileInfo { Exists: true } file)
            {
                // One file: its folder is the input, the file the only one included.
                folder = file.DirectoryName!;
                parameters["include"] = file.Name;
            }
            var inputs = new Dictionary<string, string> { ["trajectories"] = folder };
            return host.RunAdHoc(stage, parameters, inputs, parse.GetValue(output)!.FullName);
        });
        return command;
    }

    private static string Format(object? value) => value switch
    {
        null => "required",
        double[] d => d.Length == 0 ? "from the files" : string.Join(",", d.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        string[] s => s.Length == 0 ? "none" : string.Join(",", s),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
