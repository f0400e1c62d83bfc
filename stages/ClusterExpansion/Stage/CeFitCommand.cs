using System.CommandLine;
using Pipeline.Abstractions;

namespace Pipeline.ClusterExpansion.Stage;

/// <summary><c>pipeline ce fit --structures structures.parquet [--truth truth.yaml] [--method lasso|ridge]
/// [--cutoffs 1.45,0.75,0.75] [--cv 5] --out DIR</c>: runs the ce-fit stage through the engine's ad-hoc runner and
/// writes eci.json and ce_metrics.parquet into DIR.</summary>
public static class CeFitCommand
{
    public static Command Create(IStageHost host)
    {
        var structures = new Option<FileInfo>("--structures") { Description = "structures table (.parquet or .csv) from ingest", Required = true };
        var truth = new Option<FileInfo>("--truth") { Description = "truth.yaml of a synthetic dataset to compare with" };
        var method = new Option<string>("--method") { Description = "lasso or ridge", DefaultValueFactory = _ => "lasso" };
        var cutoffs = new Option<string>("--cutoffs") { Description = "comma-separated cutoffs in units of a: pairs, triplets, quadruplets" };
        var cv = new Option<int>("--cv") { Description = "cross-validation folds", DefaultValueFactory = _ => 5 };
        var output = new Option<DirectoryInfo>("--out") { Description = "output folder", Required = true };

        var fit = new Command("fit", "fit a cluster expansion to a structures table (stage ce-fit)")
        {
            structures, truth, method, cutoffs, cv, output,
        };
        fit.SetAction(parse =>
        {
            var parameters = new Dictionary<string, string>
            {
                ["method"] = parse.GetValue(method)!,
                ["cv"] = parse.GetValue(cv).ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            if (parse.GetValue(cutoffs) is { Length: > 0 } list) parameters["cutoffs"] = list;
            var inputs = new Dictionary<string, string> { ["structures"] = parse.GetValue(structures)!.FullName };
            if (parse.GetValue(truth) is { } t) inputs["truth"] = t.FullName;
            return host.RunAdHoc(new CeFitStage(), parameters, inputs, parse.GetValue(output)!.FullName);
        });
        return new Command("ce", "cluster expansion one-off commands") { fit };
    }
}
