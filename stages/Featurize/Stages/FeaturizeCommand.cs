using System.CommandLine;
using System.Globalization;
using Pipeline.Abstractions;

namespace Pipeline.Featurize.Stages;

/// <summary><c>pipeline featurize --hops hops.parquet --out DIR</c>: runs the featurize stage once through the
/// engine's ad-hoc runner and writes DIR/features.parquet.</summary>
public static class FeaturizeCommand
{
    public static Command Create(IStageHost host, IStage stage)
    {
        var hops = new Option<string>("--hops") { Description = "hops table (.parquet or .csv) from vasp-neb-ingest", Required = true };
        var output = new Option<string>("--out") { Description = "output folder", Required = true };
        var tolerance = new Option<double>("--mapping-tolerance")
        {
            Description = "largest distance (Angstrom) of an atom from its ideal site",
            DefaultValueFactory = _ => 0.4,
        };
        var onError = new Option<string>("--on-error")
        {
            Description = "fail (default) or skip hops that cannot be mapped",
            DefaultValueFactory = _ => "fail",
        };
        var command = new Command("featurize", "Map hops onto the rock-salt lattice and compute the 11 descriptors");
        command.Options.Add(hops);
        command.Options.Add(output);
        command.Options.Add(tolerance);
        command.Options.Add(onError);
        command.SetAction(parse => host.RunAdHoc(stage,
            new Dictionary<string, string>
            {
                ["mapping_tolerance"] = parse.GetValue(tolerance).ToString("R", CultureInfo.InvariantCulture),
                ["on_error"] = parse.GetValue(onError) ?? "fail",
            },
            new Dictionary<string, string> { ["hops"] = parse.GetValue(hops)! },
            parse.GetValue(output)!));
        return command;
    }
}
