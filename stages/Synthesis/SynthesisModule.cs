using System.CommandLine;
using System.Globalization;
using Pipeline.Abstractions;
using Pipeline.Synthesis.Stage;

namespace Pipeline.Synthesis;

/// <summary>The stage types and one-off commands this project adds to the tool.</summary>
public sealed class SynthesisModule : IPipelineModule
{
    private static readonly SynthesizeStage s_stage = new();

    public IEnumerable<IStage> Stages => [s_stage];

    /// <summary>`pipeline synth --out DIR [--seed N] [--hops N] [--single-points N]`.</summary>
    public IEnumerable<Command> Commands(IStageHost host)
    {
        var output = new Option<string>("--out") { Description = "output folder (gets dataset/ and truth.yaml)", Required = true };
        var seed = new Option<long?>("--seed") { Description = "master seed (default 2021)" };
        var hops = new Option<int?>("--hops") { Description = "number of NEB calculations (default 240)" };
        var singlePoints = new Option<int?>("--single-points") { Description = "number of relaxed random configurations (default 200)" };
        var command = new Command("synth", "write a synthetic Li(2-x)VO2F NEB study in VASP format plus truth.yaml");
        command.Options.Add(output);
        command.Options.Add(seed);
        command.Options.Add(hops);
        command.Options.Add(singlePoints);
        command.SetAction(parse =>
        {
            var parameters = new Dictionary<string, string>();
            if (parse.GetValue(seed) is { } s) parameters["seed"] = s.ToString(CultureInfo.InvariantCulture);
            if (parse.GetValue(hops) is { } h) parameters["hops"] = h.ToString(CultureInfo.InvariantCulture);
            if (parse.GetValue(singlePoints) is { } n) parameters["single_points"] = n.ToString(CultureInfo.InvariantCulture);
            return host.RunAdHoc(s_stage, parameters, new Dictionary<string, string>(), parse.GetValue(output)!);
        });
        return [command];
    }
}
