using Pipeline.Fitting.Models;
using Pipeline.Fitting.Regression;

namespace Pipeline.Fitting.Validation;

/// <summary>Bootstrap replicates of the coefficients on standardised descriptors.</summary>
/// <param name="Coefficients">replicates x features.</param>
public sealed record BootstrapReplicates(double[,] Coefficients, double[] Intercepts)
{
    public int Count => Intercepts.Length;

    public double[] Coefficient(int j)
    {
        var v = new double[Count];
        for (int b = 0; b < Count; b++)
            v[b] = Coefficients[b, j];
        return v;
    }

    /// <summary>Share of replicates in which the coefficient is nonzero (the Lasso selected it).</summary>
    public double SelectedFraction(int j) => Coefficient(j).Count(c => c != 0.0) / (double)Count;

    /// <summary>numpy.percentile with linear interpolation, q in [0, 1].</summary>
    public static double Percentile(double[] values, double q)
    {
        if (values.Length == 0)
            return double.NaN;
        var sorted = values.Order().ToArray();
        double position = q * (sorted.Length - 1);
        int lo = (int)Math.Floor(position);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (position - lo) * (sorted[hi] - sorted[lo]);
    }
}

/// <summary>Row-resampling bootstrap of a Lasso fit on standardised descriptors: each replicate draws n rows with
/// replacement from its own seeded generator (so the result does not depend on parallelism) and refits either
/// at the model's alpha ("fixed") or with a full LassoCV ("refit").</summary>
public static class BootstrapCoefficients
{
    public static BootstrapReplicates Run(ColumnMajorMatrix x, double[] y, double alpha, LassoSettings settings,
        int count, int seed, bool refitAlpha, int parallelism, double[]? explicitAlphas = null)
    {
        int n = x.Rows;
        var coefficients = new double[count, x.Columns];
        var intercepts = new double[count];
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism) }, b =>
        {
            var rng = new Random(unchecked(seed * 1_000_003 + b));
            var rows = new int[n];
            for (int i = 0; i < n; i++)
                rows[i] = rng.Next(n);
            var xs = x.SelectRows(rows);
            var ys = rows.Select(i => y[i]).ToArray();
            var fit = refitAlpha
                ? LassoCV.Fit(xs, ys, settings.ToOptions(explicitAlphas)).Model
                : Lasso.Fit(xs, ys, alpha, settings.MaxIter, settings.Tol).Fit;
            for (int j = 0; j < x.Columns; j++)
                coefficients[b, j] = fit.Coefficients[j];
            intercepts[b] = fit.Intercept;
        });
        return new BootstrapReplicates(coefficients, intercepts);
    }
}
