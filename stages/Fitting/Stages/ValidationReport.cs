using System.Text.Json.Nodes;
using Pipeline.Abstractions;
using Pipeline.Contracts;

namespace Pipeline.Fitting.Validation;

/// <summary>Turns validation results into the metrics table, metrics.json and the coefficients table.</summary>
public static class ValidationReport
{
    public static Table MetricsTable(IReadOnlyList<ModelValidationResult> results)
    {
        var b = new TableBuilder()
            .Add("model", ColumnType.String)
            .Add("target", ColumnType.String)
            .Add("evaluation", ColumnType.String)
            .Add("n", ColumnType.Int64)
            .Add("rmse", ColumnType.Float64)
            .Add("mae", ColumnType.Float64)
            .Add("r2", ColumnType.Float64)
            .Add("alpha", ColumnType.Float64)
            .Add("n_nonzero", ColumnType.Int64);
        foreach (var r in results)
        {
            long nonzero = r.Model.CoefStandardized.Count(c => c != 0.0);
            foreach (var (evaluation, m) in Evaluations(r))
                b.AddRow(r.Name, r.Model.Target, evaluation, (long)m.N, m.Rmse, m.Mae, m.R2, r.Model.Alpha, nonzero);
        }
        return b.Build();
    }

    /// <summary>metrics.json: {"schema":"metrics/1", "&lt;model&gt;": {alpha, n_nonzero, cv_rmse_lassocv,
    /// "&lt;evaluation&gt;": {n, rmse, mae, r2}}}. Flat numeric leaves so revisions can be diffed key by key.</summary>
    public static JsonObject MetricsJson(IReadOnlyList<ModelValidationResult> results)
    {
        var root = new JsonObject { ["schema"] = "metrics/1" };
        foreach (var r in results)
        {
            var model = new JsonObject
            {
                ["target"] = r.Model.Target,
                ["alpha"] = r.Model.Alpha,
                ["n_nonzero"] = r.Model.CoefStandardized.Count(c => c != 0.0),
                ["cv_rmse_lassocv"] = r.Model.CvRmse,
            };
            foreach (var (evaluation, m) in Evaluations(r))
                model[evaluation] = new JsonObject { ["n"] = m.N, ["rmse"] = m.Rmse, ["mae"] = m.Mae, ["r2"] = m.R2 };
            root[r.Name] = model;
        }
        return root;
    }

    public static Table CoefficientsTable(IReadOnlyList<ModelValidationResult> results, bool withTruth)
    {
        var b = new TableBuilder()
            .Add("model", ColumnType.String)
            .Add("feature", ColumnType.String)
            .Add("coef_standardized", ColumnType.Float64)
            .Add("coef_physical", ColumnType.Float64)
            .Add("ci_low_standardized", ColumnType.Float64)
            .Add("ci_high_standardized", ColumnType.Float64)
            .Add("ci_low_physical", ColumnType.Float64)
            .Add("ci_high_physical", ColumnType.Float64)
            .Add("selected_fraction", ColumnType.Float64)
            // Always present, so the table's columns do not depend on whether a truth was connected: NaN and false
            // without one.
            .Add("truth", ColumnType.Float64).Add("truth_inside_ci", ColumnType.Bool);
        foreach (var row in results.SelectMany(r => r.Coefficients))
        {
            var values = new List<object>
            {
                row.Model, row.Feature, row.CoefStandardized, row.CoefPhysical, row.CiLowStandardized,
                row.CiHighStandardized, row.CiLowPhysical, row.CiHighPhysical, row.SelectedFraction,
            };
            values.AddRange(withTruth ? [row.Truth ?? double.NaN, row.TruthInsideCi] : [double.NaN, false]);
            b.AddRow(values.ToArray());
        }
        return b.Build();
    }

    private static IEnumerable<(string Evaluation, RegressionMetrics Metrics)> Evaluations(ModelValidationResult r)
    {
        yield return ("train", r.Train);
        yield return ("cv", r.Cv);
        if (r.Holdout is { } h)
            yield return ("holdout", h);
    }

    public static void WriteJson(JsonObject json, string path) => JsonFields.Write(json, path);
}
