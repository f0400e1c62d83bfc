using Pipeline.Abstractions;
using Pipeline.Contracts;
using Pipeline.Fitting.Regression;

namespace Pipeline.Fitting.Stages;

/// <summary>Stage <c>lasso-table</c>: LassoCV of one target on any table (e.g. a published descriptor table), the
/// engine behind <c>pipeline fit lasso</c>. With <c>standardize</c> the features are z-scored (population std) on
/// this table first, as the study did; without it the model's scaler is the identity.</summary>
public sealed class LassoTableStage : IStage
{
    public string Type => "lasso-table";
    public int Version => 1;
    public string Description => "LassoCV (scikit-learn compatible) of one column of a table on other columns";

    public IReadOnlyList<ParamSpec> Params { get; } =
    [
        ParamSpec.String("target", "column to predict"),
        ParamSpec.String("features", "comma-separated feature columns (empty: every numeric column but the target and group column)", ""),
        ParamSpec.Bool("standardize", "z-score the features (population std) before fitting", false),
        .. LassoParams.Specs,
    ];

    public IReadOnlyList<PortSpec> Inputs { get; } =
    [
        new("data", PortKind.Table, "any table with numeric columns (.parquet or .csv)"),
    ];

    public IReadOnlyList<PortSpec> Outputs { get; } =
    [
        new("model", PortKind.File, "the fitted model (barrier-model/1)", FileName: "model.json"),
    ];

    public void Run(StageContext ctx)
    {
        var table = ctx.ReadTable("data");
        var (settings, alphas) = LassoParams.Read(ctx.Params);
        string target = ctx.Params.String("target");
        var features = SelectFeatures(table, ctx.Params.String("features"), target, settings.GroupColumn);

        var raw = TableColumns.Matrix(table, features, "data");
        var (mean, std) = ctx.Params.Bool("standardize")
            ? Standardizer.Fit(raw)
            : (new double[features.Length], Enumerable.Repeat(1.0, features.Length).ToArray());
        var (model, fit) = BarrierFitter.Fit(table, "data", new BarrierSpec(target, features, mean, std), settings, alphas,
            ctx.Parallelism, ctx.InputHash("data"), RunInfo.ToolVersion(ctx));
        BarrierFitter.Log(ctx.Log, model, fit);
        ctx.Log.Info($"intercept = {model.InterceptPhysical:R}");
        for (int j = 0; j < features.Length; j++)
            ctx.Log.Info($"  {features[j],-24} {model.CoefPhysical[j],14:G8}  (standardized {model.CoefStandardized[j]:G8})");
        model.Save(ctx.OutputFilePath("model"));
    }

    private static string[] SelectFeatures(Table table, string list, string target, string? groupColumn)
    {
        if (list.Trim().Length > 0)
        {
            var names = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (names.Contains(target))
                throw new ArgumentException($"param 'features': the target '{target}' cannot also be a feature");
            return names;
        }
        var exclude = groupColumn is null ? new[] { target } : new[] { target, groupColumn };
        var all = TableColumns.NumericColumnNames(table, exclude);
        if (all.Length == 0)
            throw new InvalidDataException($"data: no numeric feature columns besides '{target}'");
        return all;
    }
}
