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

    /// <summary>`pipeline synth --out DIR [--seed N] [--hops N] [--single-points N] [--chemistry NAME] [--supercell A,B,C]
    /// [--compositions X,...]`.</summary>
    public IEnumerable<Command> Commands(IStageHost host)
    {
        var output = new Option<string>("--out") { Description = "output folder (gets dataset/ and truth.yaml)", Required = true };
        var seed = new Option<long?>("--seed") { Description = "master seed (default 2021)" };
        var hops = new Option<int?>("--hops") { Description = "number of NEB calculations (default 240)" };
        var singlePoints = new Option<int?>("--single-points") { Description = "number of relaxed random configurations (default 200)" };
        var chemistry = new Option<string?>("--chemistry")
        {
            Description = $"planted chemistry: {string.Join(", ", Model.SynthesisChemistry.Names)} (default LiVOF = Li(2-x)VO2F)",
        };
        var supercell = new Option<string?>("--supercell") { Description = "fcc primitive multiples, e.g. 3,4,5 (default 3,4,4; multi-TM chemistries need 10n cation sites)" };
        var compositions = new Option<string?>("--compositions") { Description = "x values used in turn, e.g. 0.1,0.3 (default 0.0625,0.25,0.5,1)" };
        var command = new Command("synth", "write a synthetic NEB study (Li(2-x)VO2F or a multi-TM rock salt) in VASP format plus truth.yaml");
        command.Options.Add(output);
        command.Options.Add(seed);
        command.Options.Add(hops);
        command.Options.Add(singlePoints);
        command.Options.Add(chemistry);
        command.Options.Add(supercell);
        command.Options.Add(compositions);
        command.SetAction(parse =>
        {
            var parameters = new Dictionary<string, string>();
            if (parse.GetValue(chemistry) is { } c) parameters["chemistry"] = c;
            if (parse.GetValue(supercell) is { } cell) parameters["supercell"] = cell;
            if (parse.GetValue(compositions) is { } xs) parameters["compositions"] = xs;
            if (parse.GetValue(seed) is { } s) parameters["seed"] = s.ToString(CultureInfo.InvariantCulture);
            if (parse.GetValue(hops) is { } h) parameters["hops"] = h.ToString(CultureInfo.InvariantCulture);
            if (parse.GetValue(singlePoints) is { } n) parameters["single_points"] = n.ToString(CultureInfo.InvariantCulture);
            return host.RunAdHoc(s_stage, parameters, new Dictionary<string, string>(), parse.GetValue(output)!);
        });
        return [command];
    }
}
