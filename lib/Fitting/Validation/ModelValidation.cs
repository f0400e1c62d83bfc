using Pipeline.Fitting.Models;
using Pipeline.Fitting.Regression;

namespace Pipeline.Fitting.Validation;

/// <summary>Settings of a validation run.</summary>
public sealed record ValidationOptions(
    int Folds, bool Shuffle, int Seed, double HoldoutFraction, int Bootstrap, double Confidence, bool BootstrapRefitsAlpha,
    int Parallelism);

/// <summary>Everything the validate stage reports about one barrier model.</summary>
public sealed record ModelValidationResult(
    string Name, BarrierModel Model, double[] Actual, double[] CvPredicted, RegressionMetrics Train, RegressionMetrics Cv,
    RegressionMetrics? Holdout, LassoCVResult Refit, LassoPathResult Path, IReadOnlyList<CoefficientRow> Coefficients);

/// <summary>Validates one barrier model against its training table: honest (nested) K-fold CV predictions, an
/// optional held-out split, the full-data LassoCV curve and path, and bootstrap intervals of the coefficients.</summary>
public static class ModelValidation
{
    public static ModelValidationResult Run(string name, BarrierModel model, ColumnMajorMatrix raw, double[] y,
        double[]? groups, double[] scalerMean, double[] scalerStd, ValidationOptions options, LinearTruth? truth)
    {
        var settings = model.Settings;
        var explicitAlphas = settings.ExplicitAlphas ? model.Alphas : null;
        var honest = new HonestFit(raw, y, groups, settings, explicitAlphas);

        var outerFolds = groups is not null ? KFold.Grouped(groups, options.Folds)
            : options.Shuffle ? KFold.Shuffled(y.Length, options.Folds, options.Seed)
            : KFold.Contiguous(y.Length, options.Folds);
        var cvPredicted = honest.CrossValidate(outerFolds, options.Parallelism);

        RegressionMetrics? holdout = null;
        if (options.HoldoutFraction > 0)
        {
            var (train, test) = HoldoutSplit(y.Length, options.HoldoutFraction, options.Seed);
            var predicted = honest.TrainAndPredict(train, test);
            holdout = RegressionMetrics.Compute(test.Select(i => y[i]).ToArray(), predicted);
        }

        var x = Standardizer.Transform(raw, scalerMean, scalerStd);
        var refit = LassoCV.Fit(x, y, settings.ToOptions(model.Alphas, groups, options.Parallelism));
        var centred = x.Clone();
        Centering.CentreColumns(centred);
        var path = LassoPath.Compute(centred, Centering.Centre(y).Centred, model.Alphas, settings.MaxIter, settings.Tol);

        var trainPredicted = Enumerable.Range(0, y.Length).Select(i => model.PredictStandardized(Row(x, i))).ToArray();
        var replicates = BootstrapCoefficients.Run(x, y, model.Alpha, settings, options.Bootstrap, options.Seed,
            options.BootstrapRefitsAlpha, options.Parallelism, explicitAlphas);
        var coefficients = CoefficientRows(name, model, replicates, scalerMean, scalerStd, options.Confidence, truth);

        return new ModelValidationResult(name, model, y, cvPredicted, RegressionMetrics.Compute(y, trainPredicted),
            RegressionMetrics.Compute(y, cvPredicted), holdout, refit, path, coefficients);
    }

    /// <summary>A seeded random split: round(fraction * n) rows (at least one) are held out.</summary>
    public static (int[] Train, int[] Test) HoldoutSplit(int n, double fraction, int seed)
    {
        var order = Enumerable.Range(0, n).ToArray();
        new Random(seed).Shuffle(order);
        int testCount = Math.Clamp((int)Math.Round(fraction * n), 1, n - 2);
        var test = order[..testCount].Order().ToArray();
        var train = order[testCount..].Order().ToArray();
        return (train, test);
    }

    private static double[] Row(ColumnMajorMatrix x, int i)
    {
        var row = new double[x.Columns];
        for (int j = 0; j < x.Columns; j++)
            row[j] = x[i, j];
        return row;
    }

    private static List<CoefficientRow> CoefficientRows(string name, BarrierModel model, BootstrapReplicates replicates,
        double[] mean, double[] std, double confidence, LinearTruth? truth)
    {
        double lowQ = (1 - confidence) / 2, highQ = 1 - lowQ;
        int p = model.Features.Count;
        var rows = new List<CoefficientRow>(p + 1);

        // Intercepts of each replicate in both spaces: b_phys = b - sum w_j mean_j / std_j.
        var interceptStd = replicates.Intercepts;
        var interceptPhys = new double[replicates.Count];
        for (int b = 0; b < replicates.Count; b++)
        {
            interceptPhys[b] = interceptStd[b];
            for (int j = 0; j < p; j++)
                interceptPhys[b] -= replicates.Coefficients[b, j] * mean[j] / std[j];
        }
        rows.Add(new CoefficientRow(name, CoefficientRow.InterceptName, model.Intercept, model.InterceptPhysical,
            BootstrapReplicates.Percentile(interceptStd, lowQ), BootstrapReplicates.Percentile(interceptStd, highQ),
            BootstrapReplicates.Percentile(interceptPhys, lowQ), BootstrapReplicates.Percentile(interceptPhys, highQ),
            1.0, truth?.Intercept));

        for (int j = 0; j < p; j++)
        {
            var c = replicates.Coefficient(j);
            double lo = BootstrapReplicates.Percentile(c, lowQ), hi = BootstrapReplicates.Percentile(c, highQ);
            double? truthValue = truth is not null && truth.Coefficients.TryGetValue(model.Features[j], out var t) ? t : null;
            rows.Add(new CoefficientRow(name, model.Features[j], model.CoefStandardized[j], model.CoefPhysical[j],
                lo, hi, lo / std[j], hi / std[j], replicates.SelectedFraction(j), truthValue));
        }
        return rows;
    }
}
