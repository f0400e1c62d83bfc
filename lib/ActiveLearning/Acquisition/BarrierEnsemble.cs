using Pipeline.Contracts;
using Pipeline.Fitting.Regression;
using Pipeline.Fitting.Validation;

namespace Pipeline.ActiveLearning.Acquisition;

/// <summary>A bootstrap ensemble of the barrier model: the Lasso refitted on seeded row resamples of the training
/// table (at the model's alpha, or with a full LassoCV per replicate), on descriptors standardized with the model's
/// scaler. The spread of its predictions is the model's uncertainty at a hop.</summary>
public sealed class BarrierEnsemble
{
    private readonly double[,] _coef;
    private readonly double[] _intercepts;

    private BarrierEnsemble(BootstrapReplicates replicates)
    {
        _coef = replicates.Coefficients;
        _intercepts = replicates.Intercepts;
    }

    public int Replicates => _intercepts.Length;

    /// <param name="standardizedRows">Training rows in the standardized space (rows x features).</param>
    /// <param name="refitAlpha">True: LassoCV per replicate; false: Lasso at <paramref name="alpha"/>.</param>
    /// <param name="explicitAlphas">The model's alpha list, used by the per-replicate LassoCV when the model was fitted on an explicit list.</param>
    public static BarrierEnsemble Fit(IReadOnlyList<double[]> standardizedRows, double[] y, double alpha,
        LassoSettings settings, int replicates, int seed, bool refitAlpha, int parallelism = 1, double[]? explicitAlphas = null)
    {
        if (standardizedRows.Count != y.Length)
            throw new ArgumentException($"{standardizedRows.Count} training rows but {y.Length} targets");
        if (standardizedRows.Count < 2) throw new ArgumentException("the bootstrap needs at least 2 training rows");
        ArgumentOutOfRangeException.ThrowIfLessThan(replicates, 2);
        int p = standardizedRows[0].Length;
        var columns = new double[p][];
        for (int j = 0; j < p; j++) columns[j] = standardizedRows.Select(r => r[j]).ToArray();
        var x = ColumnMajorMatrix.FromColumns(columns);
        // LassoCV needs at least as many rows as folds in every replicate; fall back to the fixed alpha below that.
        bool refit = refitAlpha && standardizedRows.Count >= 2 * settings.Cv;
        return new BarrierEnsemble(BootstrapCoefficients.Run(x, y, alpha, settings, replicates, seed, refit, parallelism,
            settings.ExplicitAlphas ? explicitAlphas : null));
    }

    /// <summary>Mean and population standard deviation of the replicates' predictions at a standardized point.</summary>
    public (double Mean, double Spread) Predict(ReadOnlySpan<double> standardized)
    {
        int b = _intercepts.Length, p = standardized.Length;
        double sum = 0, sumSq = 0;
        for (int r = 0; r < b; r++)
        {
            double y = _intercepts[r];
            for (int j = 0; j < p; j++) y += _coef[r, j] * standardized[j];
            sum += y;
            sumSq += y * y;
        }
        double mean = sum / b;
        return (mean, Math.Sqrt(Math.Max(0, sumSq / b - mean * mean)));
    }
}
