using MathNet.Numerics.LinearAlgebra;

namespace Pipeline.Transport;

/// <summary>Least-squares fit of ln D = ln D0 - Ea/(k_B T) over temperatures (MathNet.Numerics linear algebra). With
/// standard errors of D for every point, the fit is weighted by 1/sigma(ln D)^2, sigma(ln D) = stderr/D, and the
/// parameter covariance is (X^T W X)^-1, inflated by chi^2/dof when the scatter exceeds the error bars. Without
/// them, the fit is unweighted and the covariance comes from the residuals (NaN with only two points). Points with
/// D &lt;= 0 are skipped. <see cref="Extrapolate"/> carries the full covariance (the slope and intercept are
/// strongly correlated) into D at another temperature.</summary>
public readonly record struct ArrheniusFit(double ActivationEnergy, double ActivationEnergyError, double Prefactor,
    double PrefactorError, int Points)
{
    /// <summary>The fit's covariance in its own variables, ln D = ln D0 + slope x with x = 1/(k_B T) and
    /// slope = -Ea: var(ln D0), var(slope) and cov(ln D0, slope).</summary>
    public double LogPrefactorVariance { get; init; } = double.NaN;
    public double SlopeVariance { get; init; } = double.NaN;
    public double Covariance { get; init; } = double.NaN;

    public static ArrheniusFit NotAvailable(int points) => new(double.NaN, double.NaN, double.NaN, double.NaN, points);

    public static ArrheniusFit Fit(IReadOnlyList<double> temperatures, IReadOnlyList<double> d, IReadOnlyList<double>? standardErrors = null)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        var sy = new List<double>();
        for (int i = 0; i < temperatures.Count; i++)
        {
            if (!(d[i] > 0) || !double.IsFinite(d[i])) continue;
            xs.Add(1.0 / (TransportUnits.Boltzmann * temperatures[i]));
            ys.Add(Math.Log(d[i]));
            sy.Add(standardErrors is null ? double.NaN : standardErrors[i] / d[i]);
        }
        int n = xs.Count;
        if (n < 2 || xs.Distinct().Count() < 2) return NotAvailable(n);
        bool weighted = sy.All(s => double.IsFinite(s) && s > 0);

        var m = Matrix<double>.Build;
        var design = m.Dense(n, 2, (i, j) => j == 0 ? 1.0 : xs[i]);
        var weights = Vector<double>.Build.Dense(n, i => weighted ? 1.0 / (sy[i] * sy[i]) : 1.0);
        var y = Vector<double>.Build.DenseOfEnumerable(ys);
        var weightedDesign = m.DenseOfRows(Enumerable.Range(0, n).Select(i => design.Row(i) * weights[i]));
        var normal = design.TransposeThisAndMultiply(weightedDesign);        // X^T W X
        var beta = normal.Solve(weightedDesign.TransposeThisAndMultiply(y)); // (X^T W X)^-1 X^T W y
        var residuals = y - design * beta;
        double chi2 = residuals.PointwiseMultiply(residuals).DotProduct(weights);

        int dof = n - 2;
        double scale;
        if (weighted) scale = dof > 0 ? Math.Max(1.0, chi2 / dof) : 1.0;
        else scale = dof > 0 ? chi2 / dof : double.NaN;
        var covariance = normal.Inverse() * scale;
        double intercept = beta[0], slope = beta[1];
        double d0 = Math.Exp(intercept);
        return new ArrheniusFit(-slope, Math.Sqrt(covariance[1, 1]), d0, d0 * Math.Sqrt(covariance[0, 0]), n)
        {
            LogPrefactorVariance = covariance[0, 0],
            SlopeVariance = covariance[1, 1],
            Covariance = covariance[0, 1],
        };
    }

    /// <summary>D at <paramref name="temperature"/> from the fit, with its standard error from the full
    /// covariance: var(ln D) = var(ln D0) + x^2 var(slope) + 2 x cov, x = 1/(k_B T); sigma(D) = D sigma(ln D).</summary>
    public (double Value, double Error) Extrapolate(double temperature)
    {
        if (!double.IsFinite(ActivationEnergy)) return (double.NaN, double.NaN);
        double x = 1.0 / (TransportUnits.Boltzmann * temperature);
        double value = Prefactor * Math.Exp(-ActivationEnergy * x);
        double variance = LogPrefactorVariance + x * x * SlopeVariance + 2 * x * Covariance;
        return (value, value * Math.Sqrt(Math.Max(variance, 0)));
    }
}
