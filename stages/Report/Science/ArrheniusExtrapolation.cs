namespace Pipeline.Report.Science;

/// <summary>A weighted straight-line fit of ln Q = ln Q0 - E_a/(k_B T) over temperatures, with the parameter covariance,
/// so a value extrapolated to another temperature carries an honest uncertainty (DOMAIN.md section 7).</summary>
/// <param name="ActivationEnergy">E_a (eV), minus the slope.</param>
/// <param name="ActivationEnergyError">One standard error of E_a (eV).</param>
internal sealed record ArrheniusExtrapolation(double ActivationEnergy, double ActivationEnergyError,
    double Intercept, double Slope, double VarIntercept, double VarSlope, double Covariance, int Points,
    double MinTemperature, double MaxTemperature)
{
    public const double BoltzmannEvPerK = 8.617333262e-5;

    /// <summary>Fits ln(values) against 1/(k_B T). Weights are 1/sigma^2 of ln Q (sigma = error/value) when every
    /// point has a positive finite error; the covariance is then scaled by the reduced chi^2 when that exceeds one
    /// (scatter larger than the error bars claim). Without errors the fit is unweighted and the covariance comes
    /// from the residuals. Null with fewer than two usable temperatures; errors are NaN with exactly two and no
    /// error bars.</summary>
    public static ArrheniusExtrapolation? Fit(IReadOnlyList<double> temperatures, IReadOnlyList<double> values, IReadOnlyList<double>? errors)
    {
        var points = Enumerable.Range(0, temperatures.Count)
            .Where(i => temperatures[i] > 0 && values[i] > 0 && double.IsFinite(values[i]))
            .Select(i => (T: temperatures[i], U: 1.0 / (BoltzmannEvPerK * temperatures[i]), Y: Math.Log(values[i]),
                Sigma: errors is not null && errors[i] > 0 && double.IsFinite(errors[i]) ? errors[i] / values[i] : double.NaN))
            .ToArray();
        if (points.Select(p => p.U).Distinct().Count() < 2) return null;
        bool weighted = points.All(p => double.IsFinite(p.Sigma));
        var w = points.Select(p => weighted ? 1.0 / (p.Sigma * p.Sigma) : 1.0).ToArray();
        double sw = w.Sum(), su = 0, sy = 0;
        for (int i = 0; i < points.Length; i++) { su += w[i] * points[i].U; sy += w[i] * points[i].Y; }
        double mu = su / sw, my = sy / sw, suu = 0, suy = 0;
        for (int i = 0; i < points.Length; i++)
        {
            suu += w[i] * (points[i].U - mu) * (points[i].U - mu);
            suy += w[i] * (points[i].U - mu) * (points[i].Y - my);
        }
        double slope = suy / suu, intercept = my - slope * mu;
        double chi2 = 0;
        for (int i = 0; i < points.Length; i++)
        {
            double r = points[i].Y - intercept - slope * points[i].U;
            chi2 += w[i] * r * r;
        }
        int dof = points.Length - 2;
        // Weighted: covariance from the error bars, inflated when the points scatter more than they claim.
        // Unweighted: from the residual variance (undefined with two points).
        double scale = weighted ? Math.Max(1.0, dof > 0 ? chi2 / dof : 1.0) : dof > 0 ? chi2 / dof : double.NaN;
        double varSlope = scale / suu;
        double varIntercept = scale * (1.0 / sw + mu * mu / suu);
        double covariance = -scale * mu / suu;
        return new ArrheniusExtrapolation(-slope, Math.Sqrt(varSlope), intercept, slope, varIntercept, varSlope, covariance,
            points.Length, points.Min(p => p.T), points.Max(p => p.T));
    }

    /// <summary>ln Q at <paramref name="temperature"/> and its standard error (from the full covariance).</summary>
    public (double LogValue, double LogError) At(double temperature)
    {
        double u = 1.0 / (BoltzmannEvPerK * temperature);
        double variance = VarIntercept + u * u * VarSlope + 2 * u * Covariance;
        return (Intercept + Slope * u, Math.Sqrt(Math.Max(variance, 0)));
    }
}
