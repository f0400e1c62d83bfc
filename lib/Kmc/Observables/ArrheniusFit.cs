namespace Pipeline.Kmc.Observables;

/// <summary>Least-squares fit of ln D = ln D0 - Ea/(k_B T) over temperatures. With standard errors of D for every
/// point, the fit is weighted by 1/sigma(ln D)^2, sigma(ln D) = stderr/D, and the parameter errors come from the
/// covariance, inflated by sqrt(chi^2/dof) when the scatter exceeds the error bars. Without them, the fit is
/// unweighted and errors come from the residuals (NaN with only two points). Points with D &lt;= 0 are skipped.</summary>
public readonly record struct ArrheniusFit(double ActivationEnergy, double ActivationEnergyError, double Prefactor,
    double PrefactorError, int Points)
{
    public static ArrheniusFit NotAvailable(int points) => new(double.NaN, double.NaN, double.NaN, double.NaN, points);

    public static ArrheniusFit Fit(IReadOnlyList<double> temperatures, IReadOnlyList<double> d, IReadOnlyList<double>? standardErrors = null)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        var sy = new List<double>();
        for (int i = 0; i < temperatures.Count; i++)
        {
            if (!(d[i] > 0) || !double.IsFinite(d[i])) continue;
            xs.Add(1.0 / (Units.Boltzmann * temperatures[i]));
            ys.Add(Math.Log(d[i]));
            sy.Add(standardErrors is null ? double.NaN : standardErrors[i] / d[i]);
        }
        int n = xs.Count;
        if (n < 2 || xs.Distinct().Count() < 2) return NotAvailable(n);
        bool weighted = sy.All(s => double.IsFinite(s) && s > 0);
        var w = weighted ? sy.Select(s => 1.0 / (s * s)).ToArray() : Enumerable.Repeat(1.0, n).ToArray();

        double sw = 0, swx = 0, swy = 0, swxx = 0, swxy = 0;
        for (int i = 0; i < n; i++)
        {
            sw += w[i]; swx += w[i] * xs[i]; swy += w[i] * ys[i];
            swxx += w[i] * xs[i] * xs[i]; swxy += w[i] * xs[i] * ys[i];
        }
        double det = sw * swxx - swx * swx;
        double slope = (sw * swxy - swx * swy) / det;
        double intercept = (swxx * swy - swx * swxy) / det;
        double chi2 = 0;
        for (int i = 0; i < n; i++)
        {
            double r = ys[i] - intercept - slope * xs[i];
            chi2 += w[i] * r * r;
        }
        int dof = n - 2;
        double scale;
        if (weighted) scale = dof > 0 ? Math.Max(1.0, chi2 / dof) : 1.0;
        else scale = dof > 0 ? chi2 / dof : double.NaN;
        double varSlope = sw / det * scale;
        double varIntercept = swxx / det * scale;
        double d0 = Math.Exp(intercept);
        return new ArrheniusFit(-slope, Math.Sqrt(varSlope), d0, d0 * Math.Sqrt(varIntercept), n);
    }
}
