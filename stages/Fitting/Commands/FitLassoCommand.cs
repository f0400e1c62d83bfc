using System.CommandLine;
using Pipeline.Abstractions;
using Pipeline.Fitting.Stages;

namespace Pipeline.Fitting.Commands;

/// <summary><c>pipeline fit lasso --data table.csv|table.parquet --target y [--features a,b] [--cv 5] [--standardize]
/// --out model.json</c>: refits any table through the <c>lasso-table</c> stage and the engine's ad-hoc runner.</summary>
public static class FitLassoCommand
{
    public static Command Create(IStageHost host)
    {
        var data = new Option<FileInfo>("--data") { Description = "table to fit (.csv with a header row, or .parquet)", Required = true };
        var target = new Option<string>("--target") { Description = "column to predict", Required = true };
        var features = new Option<string>("--features") { Description = "comma-separated feature columns (default: every other numeric column)" };
        var cv = new Option<int>("--cv") { Description = "cross-validation folds", DefaultValueFactory = _ => 5 };
        var standardize = new Option<bool>("--standardize") { Description = "z-score the features (population std) first" };
        var groupColumn = new Option<string>("--group-column") { Description = "column grouping rows for grouped CV" };
        var nAlphas = new Option<int>("--n-alphas") { Description = "alphas on the automatic grid", DefaultValueFactory = _ => 100 };
        var tol = new Option<double>("--tol") { Description = "coordinate-descent tolerance", DefaultValueFactory = _ => 1e-4 };
        var maxIter = new Option<int>("--max-iter") { Description = "maximum sweeps per alpha", DefaultValueFactory = _ => 1000 };
        var output = new Option<FileInfo>("--out") { Description = "model JSON to write", Required = true };

        var lasso = new Command("lasso", "LassoCV (scikit-learn 1.2 compatible) of one column of a table; writes a barrier-model/1 JSON")
        {
            data, target, features, cv, standardize, groupColumn, nAlphas, tol, maxIter, output,
        };
        lasso.SetAction(parse =>
        {
            var parameters = new Dictionary<string, string>
            {
                ["target"] = parse.GetValue(target)!,
                ["standardize"] = parse.GetValue(standardize) ? "true" : "false",
                ["cv"] = Invariant(parse.GetValue(cv)),
                ["n_alphas"] = Invariant(parse.GetValue(nAlphas)),
                ["tol"] = Invariant(parse.GetValue(tol)),
                ["max_iter"] = Invariant(parse.GetValue(maxIter)),
            };
            // Absent optional columns keep the stage defaults (all other numeric columns, plain KFold).
            if (parse.GetValue(features) is { Length: > 0 } list)
                parameters["features"] = list;
            if (parse.GetValue(groupColumn) is { Length: > 0 } group)
                parameters["group_column"] = group;
            return Run(host, parse.GetValue(data)!, parameters, parse.GetValue(output)!);
        });

        return new Command("fit", "one-off model fits on a table") { lasso };
    }

    /// <summary>Runs the stage into a scratch folder beside the output, then moves model.json to --out.</summary>
    private static int Run(IStageHost host, FileInfo data, IReadOnlyDictionary<string, string> parameters, FileInfo output)
    {
        string directory = output.DirectoryName ?? Directory.GetCurrentDirectory();
        Directory.CreateDirectory(directory);
        string scratch = Path.Combine(directory, $".fit-lasso-{Guid.NewGuid():N}");
        try
        {
            int code = host.RunAdHoc(new LassoTableStage(), parameters,
                new Dictionary<string, string> { ["data"] = data.FullName }, scratch);
            if (code != 0)
                return code;
            File.Move(Path.Combine(scratch, "model.json"), output.FullName, overwrite: true);
            Console.WriteLine($"wrote {output.FullName}");
            return 0;
        }
        finally
        {
            if (Directory.Exists(scratch))
                Directory.Delete(scratch, recursive: true);
        }
    }

    private static string Invariant(IFormattable value) => value.ToString(null, System.Globalization.CultureInfo.InvariantCulture);
}
