namespace Pipeline.Fitting.Regression;

/// <summary>Settings of a LassoCV fit; the defaults are scikit-learn's.</summary>
public sealed record LassoCVOptions
{
    public int Folds { get; init; } = 5;
    public int NAlphas { get; init; } = 100;
    public double Eps { get; init; } = 1e-3;
    public double Tol { get; init; } = 1e-4;
    public int MaxIter { get; init; } = 1000;

    /// <summary>An explicit alpha list (sorted descending before use); null for the automatic grid.</summary>
    public IReadOnlyList<double>? Alphas { get; init; }

    /// <summary>A group value per row for grouped CV (GroupKFold); null for plain contiguous KFold.</summary>
    public IReadOnlyList<double>? Groups { get; init; }

    /// <summary>Folds solved concurrently; results do not depend on it.</summary>
    public int Parallelism { get; init; } = 1;
}

/// <summary>Outcome of a LassoCV fit.</summary>
/// <param name="MsePath">folds x alphas: test-fold MSE of each fold's path.</param>
/// <param name="NotConvergedSolves">Path and refit solves that hit max_iter (scikit-learn warns for these).</param>
public sealed record LassoCVResult(
    double Alpha, int AlphaIndex, double[] Alphas, double[,] MsePath, double[] MsePathMean,
    LinearFit Model, CoordinateDescentResult Refit, int NotConvergedSolves)
{
    public double CvRmse => Math.Sqrt(MsePathMean[AlphaIndex]);
}

/// <summary>scikit-learn 1.2.1's <c>LassoCV</c> (fit_intercept = True, cyclic selection): the alpha grid from all
/// centred rows, per fold a warm-started path on the fold-centred training rows scored by test-fold MSE with
/// the fold's intercept, alpha_ = the smallest unweighted mean MSE (ties: the larger alpha), and a refit from
/// zero on all rows.</summary>
public static class LassoCV
{
    public static LassoCVResult Fit(ColumnMajorMatrix x, ReadOnlySpan<double> y, LassoCVOptions options)
    {
        if (x.Rows != y.Length)
            throw new ArgumentException($"x has {x.Rows} rows, y has {y.Length}");
        Validate(options);
        var alphas = options.Alphas is { } given
            ? given.OrderByDescending(a => a).ToArray()
            : AlphaGrid.Compute(x, y, options.NAlphas, options.Eps);
        var folds = options.Groups is { } groups
            ? GroupsFolds(groups, x.Rows, options.Folds)
            : KFold.Contiguous(x.Rows, options.Folds);

        var yArray = y.ToArray();
        var msePath = new double[folds.Count, alphas.Length];
        var notConverged = new int[folds.Count];
        Parallel.For(0, folds.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism) },
            f => notConverged[f] = ScoreFold(x, yArray, folds[f], alphas, options, msePath, f));

        var mean = new double[alphas.Length];
        for (int k = 0; k < alphas.Length; k++)
        {
            double sum = 0.0;
            for (int f = 0; f < folds.Count; f++)
                sum += msePath[f, k];
            mean[k] = sum / folds.Count;
        }
        int best = ArgMinFirst(mean);

        var (model, refit) = Lasso.Fit(x, y, alphas[best], options.MaxIter, options.Tol);
        int failures = notConverged.Sum() + (refit.Converged ? 0 : 1);
        return new LassoCVResult(alphas[best], best, alphas, msePath, mean, model, refit, failures);
    }

    /// <summary>Fits the fold's path and writes its test MSE per alpha into row <paramref name="f"/>;
    /// returns the number of solves that did not converge.</summary>
    private static int ScoreFold(ColumnMajorMatrix x, double[] y, Fold fold, double[] alphas, LassoCVOptions options,
        double[,] msePath, int f)
    {
        var train = x.SelectRows(fold.Train);
        var xMeans = Centering.CentreColumns(train);
        var (centredY, yMean) = Centering.Centre(fold.Train.Select(i => y[i]).ToArray());
        var path = LassoPath.Compute(train, centredY, alphas, options.MaxIter, options.Tol);

        var test = x.SelectRows(fold.Test);
        var w = new double[x.Columns];
        for (int k = 0; k < alphas.Length; k++)
        {
            for (int j = 0; j < w.Length; j++)
                w[j] = path.Coefficients[k, j];
            var fit = new LinearFit(w, yMean - Blas.Dot(xMeans, w));
            var predicted = fit.Predict(test);
            double sum = 0.0;
            for (int i = 0; i < predicted.Length; i++)
            {
                double r = predicted[i] - y[fold.Test[i]];
                sum += r * r;
            }
            msePath[f, k] = sum / predicted.Length;
        }
        return path.NotConverged;
    }

    private static IReadOnlyList<Fold> GroupsFolds(IReadOnlyList<double> groups, int rows, int folds)
    {
        if (groups.Count != rows)
            throw new ArgumentException($"group column has {groups.Count} values, the data {rows} rows");
        return KFold.Grouped(groups, folds);
    }

    /// <summary>numpy.argmin: the first index of the minimum, i.e. the larger alpha on ties.</summary>
    private static int ArgMinFirst(double[] values)
    {
        int best = 0;
        for (int k = 1; k < values.Length; k++)
        {
            if (values[k] < values[best])
                best = k;
        }
        return best;
    }

    private static void Validate(LassoCVOptions o)
    {
        if (o.Folds < 2)
            throw new ArgumentOutOfRangeException(nameof(o.Folds), o.Folds, "cv needs at least 2 folds");
        if (o.Alphas is null && o.NAlphas < 1)
            throw new ArgumentOutOfRangeException(nameof(o.NAlphas), o.NAlphas, "n_alphas must be at least 1");
        if (o.Alphas is { Count: 0 })
            throw new ArgumentException("the explicit alpha list is empty");
        if (o.Alphas is { } a && a.Any(v => !(v >= 0) || double.IsInfinity(v)))
            throw new ArgumentException("alphas must be finite and non-negative");
        if (!(o.Tol >= 0))
            throw new ArgumentOutOfRangeException(nameof(o.Tol), o.Tol, "tol must be non-negative");
        if (o.MaxIter < 1)
            throw new ArgumentOutOfRangeException(nameof(o.MaxIter), o.MaxIter, "max_iter must be at least 1");
    }
}
