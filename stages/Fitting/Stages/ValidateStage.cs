using Pipeline.Abstractions;
using Pipeline.Contracts;
using Pipeline.Fitting.Plots;
using Pipeline.Fitting.Validation;

namespace Pipeline.Fitting.Stages;

/// <summary>Stage <c>validate</c>: honest K-fold CV (and optional held-out) metrics of both barrier models, parity,
/// residual, Lasso-path and CV-curve plots, bootstrap intervals of the coefficients, and the comparison with the
/// synthetic truth when truth.yaml is connected (truth coefficients are matched to the model's by descriptor name).</summary>
public sealed class ValidateStage : IStage
{
    public string Type => "validate";
    // 3: the coefficients table always has truth and truth_inside_ci (NaN/false without a truth).
    // 4: lasso-path plots draw every line solid (dashes were lost in the SVG); only validate.plots changes.
    public int Version => 4;
    public string Description => "cross-validated metrics, plots and bootstrap coefficient intervals of the barrier models";

    public IReadOnlyList<ParamSpec> Params { get; } =
    [
        ParamSpec.Int("cv", "outer folds of the cross-validated predictions (grouped when the model used group_column)", 5, min: 2),
        ParamSpec.Bool("shuffle", "shuffle rows (seeded) before forming the outer folds", false),
        ParamSpec.Int("seed", "seed of the shuffle, the held-out split and the bootstrap", 0, min: 0, max: int.MaxValue),
        ParamSpec.Float("holdout_fraction", "fraction of rows held out for a separate test (0: none)", 0.0, min: 0, max: 0.9),
        ParamSpec.Int("bootstrap", "bootstrap replicates for the coefficient intervals", 200, min: 1),
        ParamSpec.Float("confidence", "confidence level of the bootstrap percentile intervals", 0.95, min: 0.5, max: 0.999),
        ParamSpec.Enum("bootstrap_alpha", "fixed: refit each replicate at the model's alpha; refit: rerun LassoCV per replicate",
            ["fixed", "refit"], "fixed"),
    ];

    public IReadOnlyList<PortSpec> Inputs { get; } =
    [
        new("features", PortKind.Table, "the table the models were fitted on (featurize)"),
        new("scaler", PortKind.File, "scaler.json the models were fitted with"),
        new("model_forward", PortKind.File, "forward-barrier model (fit-barriers)"),
        new("model_kra", PortKind.File, "KRA-barrier model (fit-barriers)"),
        new("truth", PortKind.File, "truth.yaml of a synthetic dataset", Optional: true),
    ];

    public IReadOnlyList<PortSpec> Outputs { get; } =
    [
        new("metrics", PortKind.Table, "RMSE, MAE, R^2 per model and evaluation (train, cv, holdout)"),
        new("metrics_json", PortKind.File, "the same metrics as JSON", FileName: "metrics.json"),
        new("coefficients", PortKind.Table, "coefficients with bootstrap intervals (and truth when given)"),
        new("plots", PortKind.Directory, "parity, residual, Lasso path and CV curve plots (PNG and SVG)"),
    ];

    public void Run(StageContext ctx)
    {
        var table = ctx.ReadTable("features");
        var descriptors = FeaturesContract.DescriptorSetOf(table, "features");
        var scalerPath = ctx.InputPath("scaler");
        var scaler = ScalerFile.Load(scalerPath);
        var truths = ctx.HasInput("truth") ? TruthDocument.Load(ctx.InputPath("truth")) : null;
        var p = ctx.Params;
        var options = new ValidationOptions(p.Int32("cv"), p.Bool("shuffle"), p.Int32("seed"), p.Float("holdout_fraction"),
            p.Int32("bootstrap"), p.Float("confidence"), p.String("bootstrap_alpha") == "refit", ctx.Parallelism);
        string plots = ctx.OutputDirectoryPath("plots");

        var results = new List<ModelValidationResult>();
        foreach (var (name, input, truthKey) in new[] { ("forward", "model_forward", TruthDocument.Keys.ForwardLinear), ("kra", "model_kra", TruthDocument.Keys.KraLinear) })
        {
            ctx.Cancellation.ThrowIfCancellationRequested();
            string modelPath = ctx.InputPath(input);
            var model = BarrierModel.Load(modelPath);
            if (model.DescriptorSet != descriptors.Name || !model.Chemistry.Equals(descriptors.Chemistry))
                throw new InvalidDataException($"{modelPath}: the model uses descriptor set '{model.DescriptorSet}' of " +
                    $"{model.Chemistry}, the features table '{descriptors.Name}' of {descriptors.Chemistry}: validate a model on the table it was fitted on");
            var (mean, std) = scaler.For(model.Features, scalerPath);
            var raw = TableColumns.Matrix(table, model.Features, "features");
            var y = TableColumns.Numeric(table, model.Target, "features");
            var groups = model.Settings.GroupColumn is { } g ? TableColumns.Numeric(table, g, "features") : null;
            LinearTruth? truth = truthKey == TruthDocument.Keys.KraLinear ? truths?.KraLinear : truths?.ForwardLinear;
            if (truths is not null && truth is null)
                ctx.Log.Warn($"truth.yaml has no '{truthKey}': the {name} coefficients are not compared with a truth");

            var result = ModelValidation.Run(name, model, raw, y, groups, mean, std, options, truth);
            CheckReproduced(ctx.Log, modelPath, model, result);
            ctx.Log.Info($"{name}: CV RMSE {result.Cv.Rmse:F4} eV, MAE {result.Cv.Mae:F4} eV, R^2 {result.Cv.R2:F3}" +
                         (result.Holdout is { } h ? $"; held-out RMSE {h.Rmse:F4} eV (n = {h.N})" : ""));
            SavePlots(plots, result);
            results.Add(result);
        }

        ctx.WriteTable("metrics", ValidationMetricsContract.Schema.Verified(ValidationReport.MetricsTable(results), "validate"));
        ValidationReport.WriteJson(ValidationReport.MetricsJson(results), ctx.OutputFilePath("metrics_json"));
        ctx.WriteTable("coefficients", CoefficientsContract.Schema.Verified(ValidationReport.CoefficientsTable(results, truths is not null), "validate"));
    }

    /// <summary>The full-data LassoCV rerun must pick the model's alpha; otherwise the model was not fitted on this table.</summary>
    private static void CheckReproduced(IStageLog log, string modelPath, BarrierModel model, ModelValidationResult result)
    {
        if (Math.Abs(result.Refit.Alpha - model.Alpha) > 1e-9 * model.Alpha)
            log.Warn($"{modelPath}: LassoCV on this features table selects alpha {result.Refit.Alpha:G6}, the model has " +
                     $"{model.Alpha:G6}: the model was fitted on other data or settings");
    }

    private static void SavePlots(string directory, ModelValidationResult r)
    {
        string target = r.Model.Target;
        ParityPlot.Save(directory, $"parity_{r.Name}", $"{target}: cross-validated parity", r.Actual, r.CvPredicted);
        ResidualPlot.Save(directory, $"residual_{r.Name}", $"{target}: CV residual vs barrier", r.Actual, r.CvPredicted);
        LassoPathPlot.Save(directory, $"lasso_path_{r.Name}", $"{target}: Lasso path", r.Path.Alphas, r.Path.Coefficients,
            r.Model.Features, r.Model.Alpha);
        CvCurvePlot.Save(directory, $"cv_curve_{r.Name}", $"{target}: LassoCV curve", r.Refit.Alphas, r.Refit.MsePath,
            r.Refit.MsePathMean, r.Refit.Alpha);
    }
}
