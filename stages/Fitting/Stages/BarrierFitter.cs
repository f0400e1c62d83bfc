using Pipeline.Abstractions;
using Pipeline.Contracts;
using Pipeline.Fitting.Regression;

namespace Pipeline.Fitting.Stages;

/// <summary>What a barrier fit needs besides the table: the target, the features and their scaler, and the descriptor
/// set the features come from (recorded in the model; null for a table that is not a features table).</summary>
public sealed record BarrierSpec(string Target, IReadOnlyList<string> Features, double[] Mean, double[] Std,
    RockSalt.DescriptorSet? Descriptors = null);

/// <summary>Fits one LassoCV barrier model on a table: standardise with the given scaler, run LassoCV, and
/// package the result as a <see cref="BarrierModel"/>.</summary>
public static class BarrierFitter
{
    public static (BarrierModel Model, LassoCVResult Fit) Fit(
        Table table, string source, BarrierSpec spec, LassoSettings settings, double[]? alphas,
        int parallelism, string trainingHash, string toolVersion)
    {
        var raw = TableColumns.Matrix(table, spec.Features, source);
        var y = TableColumns.Numeric(table, spec.Target, source);
        var groups = settings.GroupColumn is { } g ? TableColumns.Numeric(table, g, source) : null;
        var x = Standardizer.Transform(raw, spec.Mean, spec.Std);
        var fit = LassoCV.Fit(x, y, settings.ToOptions(alphas, groups, parallelism));
        var model = BarrierModel.FromStandardizedFit(spec.Target, spec.Features, spec.Mean, spec.Std,
            fit.Model.Intercept, fit.Model.Coefficients, fit.Alpha, fit.Alphas, fit.MsePathMean, settings, fit.CvRmse,
            trainingHash, toolVersion, spec.Descriptors?.Name ?? RockSalt.DescriptorSet.Standard, spec.Descriptors?.Chemistry);
        return (model, fit);
    }

    /// <summary>One log line summarising a fit, with scikit-learn's convergence warning when solves hit max_iter.</summary>
    public static void Log(IStageLog log, BarrierModel model, LassoCVResult fit)
    {
        int nonzero = model.CoefStandardized.Count(c => c != 0.0);
        log.Info($"{model.Target}: alpha = {model.Alpha:G6} (grid index {fit.AlphaIndex} of {fit.Alphas.Length}), " +
                 $"CV RMSE = {model.CvRmse:F4} eV, {nonzero}/{model.Features.Count} nonzero coefficients");
        if (fit.NotConvergedSolves > 0)
            log.Warn($"{model.Target}: {fit.NotConvergedSolves} coordinate-descent solves reached max_iter = " +
                     $"{model.Settings.MaxIter} before the duality gap fell below tol; consider raising max_iter");
    }
}
