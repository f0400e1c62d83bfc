using Pipeline.Fitting.Regression;

namespace Pipeline.ClusterExpansion;

/// <summary>Settings of an ECI fit. The LassoCV defaults differ from scikit-learn's (eps 1e-3, tol 1e-4,
/// max_iter 1000) on purpose: energies per formula unit vary by eV with composition (point terms) while the
/// interactions of interest are meV, so the alpha grid must reach 1e-6 alpha_max and the duality gap, which is
/// scaled by the variance of y, must be tight for the small ECIs to converge.</summary>
public sealed record EciFitOptions
{
    /// <summary>"lasso" (scikit-learn LassoCV port) or "ridge" (alpha chosen by the same cross-validation).</summary>
    public string Method { get; init; } = "lasso";
    public int Folds { get; init; } = 5;
    public int NAlphas { get; init; } = 100;
    public double Eps { get; init; } = 1e-6;
    public double Tol { get; init; } = 1e-9;
    public int MaxIter { get; init; } = 100000;
    public IReadOnlyList<double> RidgeAlphas { get; init; } = [1e-10, 1e-9, 1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1];
    /// <summary>Group label per structure for grouped CV (GroupKFold), or null for contiguous KFold.</summary>
    public IReadOnlyList<string>? Groups { get; init; }
    public int Parallelism { get; init; } = 1;
}

/// <summary>Result of an ECI fit.</summary>
/// <param name="Fitted">In-sample predictions, eV per formula unit.</param>
/// <param name="CvRmsePerFormulaUnit">Cross-validated RMSE at the chosen alpha, eV per formula unit.</param>
public sealed record EciFitResult(double J0, double[] Ecis, double Alpha, double CvRmsePerFormulaUnit, double[] Fitted,
    int NonZero, int NotConverged, double[] Alphas, double[] MeanCvMse);

/// <summary>Fits ECIs to energies per formula unit. The regression is y = b + sum_f p_f &lt;Phi_f&gt; on the raw
/// correlations (no standardisation, as in icet); then J_f = p_f / (3 m_f) (eV per cluster) and J0 = b / 3
/// (eV per primitive cell), matching <see cref="CeModel"/>'s energy convention.</summary>
public static class EciFitter
{
    public static EciFitResult Fit(ClusterSpace space, IReadOnlyList<double[]> correlations,
        IReadOnlyList<double> energiesPerFormulaUnit, EciFitOptions options)
    {
        int rows = correlations.Count;
        if (rows != energiesPerFormulaUnit.Count)
            throw new ArgumentException($"{rows} correlation vectors for {energiesPerFormulaUnit.Count} energies");
        if (rows < options.Folds)
            throw new ArgumentException($"{rows} structures are too few for {options.Folds}-fold cross-validation");
        var columns = new List<double[]>();
        for (int f = 0; f < space.Functions.Count; f++)
            columns.Add(correlations.Select(c => c[f]).ToArray());
        var x = ColumnMajorMatrix.FromColumns(columns);
        var y = energiesPerFormulaUnit.ToArray();
        double[]? groups = options.Groups is { } g ? GroupNumbers(g) : null;

        return options.Method switch
        {
            "lasso" => FromLasso(space, x, y, options, groups),
            "ridge" => FromRidge(space, x, y, options, groups),
            _ => throw new ArgumentException($"method '{options.Method}' is not 'lasso' or 'ridge'"),
        };
    }

    private static EciFitResult FromLasso(ClusterSpace space, ColumnMajorMatrix x, double[] y, EciFitOptions o, double[]? groups)
    {
        var result = LassoCV.Fit(x, y, new LassoCVOptions
        {
            Folds = o.Folds, NAlphas = o.NAlphas, Eps = o.Eps, Tol = o.Tol, MaxIter = o.MaxIter,
            Groups = groups, Parallelism = o.Parallelism,
        });
        return Convert(space, result.Model, x, result.Alpha, result.CvRmse, result.NotConvergedSolves,
            result.Alphas, result.MsePathMean);
    }

    private static EciFitResult FromRidge(ClusterSpace space, ColumnMajorMatrix x, double[] y, EciFitOptions o, double[]? groups)
    {
        var folds = groups is null ? KFold.Contiguous(x.Rows, o.Folds) : KFold.Grouped(groups, o.Folds);
        var alphas = o.RidgeAlphas.OrderByDescending(a => a).ToArray();
        if (alphas.Length == 0) throw new ArgumentException("ridge needs at least one alpha");
        var mean = new double[alphas.Length];
        for (int k = 0; k < alphas.Length; k++)
        {
            foreach (var fold in folds)
            {
                var fit = Ridge.Fit(x.SelectRows(fold.Train), fold.Train.Select(i => y[i]).ToArray(), alphas[k]);
                var predicted = fit.Predict(x.SelectRows(fold.Test));
                double sum = 0.0;
                for (int i = 0; i < predicted.Length; i++) sum += Math.Pow(predicted[i] - y[fold.Test[i]], 2);
                mean[k] += sum / predicted.Length / folds.Count;
            }
        }
        int best = 0;
        for (int k = 1; k < alphas.Length; k++)
            if (mean[k] < mean[best]) best = k;
        var model = Ridge.Fit(x, y, alphas[best]);
        return Convert(space, model, x, alphas[best], Math.Sqrt(mean[best]), 0, alphas, mean);
    }

    private static EciFitResult Convert(ClusterSpace space, LinearFit fit, ColumnMajorMatrix x, double alpha, double cvRmse,
        int notConverged, double[] alphas, double[] meanMse)
    {
        var ecis = new double[space.Functions.Count];
        for (int f = 0; f < ecis.Length; f++)
            ecis[f] = fit.Coefficients[f] / (CeModel.CationSitesPerFormulaUnit * space.Orbits[space.Functions[f].OrbitIndex].Multiplicity);
        return new EciFitResult(fit.Intercept / CeModel.CationSitesPerFormulaUnit, ecis, alpha, cvRmse, fit.Predict(x),
            fit.Coefficients.Count(c => c != 0.0), notConverged, alphas, meanMse);
    }

    /// <summary>Group labels as numbers (order of first appearance) for the Fitting library's GroupKFold.</summary>
    private static double[] GroupNumbers(IReadOnlyList<string> labels)
    {
        var numbers = new Dictionary<string, double>(StringComparer.Ordinal);
        return labels.Select(l => numbers.TryGetValue(l, out var n) ? n : numbers[l] = numbers.Count).ToArray();
    }
}
