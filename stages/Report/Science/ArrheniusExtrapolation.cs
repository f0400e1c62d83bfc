using Pipeline.Transport;

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
        // One least-squares implementation for the kMC stage, MD transport and the report: lib/Transport.
        var usable = Enumerable.Range(0, temperatures.Count)
            .Where(i => temperatures[i] > 0 && values[i] > 0 && double.IsFinite(values[i])).ToArray();
        bool weighted = errors is not null && usable.All(i => errors[i] > 0 && double.IsFinite(errors[i]));
        var fit = ArrheniusFit.Fit(usable.Select(i => temperatures[i]).ToArray(), usable.Select(i => values[i]).ToArray(),
            weighted ? usable.Select(i => errors![i]).ToArray() : null);
        if (!double.IsFinite(fit.ActivationEnergy)) return null;
        return new ArrheniusExtrapolation(fit.ActivationEnergy, fit.ActivationEnergyError, Math.Log(fit.Prefactor),
            -fit.ActivationEnergy, fit.LogPrefactorVariance, fit.SlopeVariance, fit.Covariance, fit.Points,
            usable.Min(i => temperatures[i]), usable.Max(i => temperatures[i]));
    }

    /// <summary>ln Q at <paramref name="temperature"/> and its standard error (from the full covariance).</summary>
    public (double LogValue, double LogError) At(double temperature)
    {
        double u = 1.0 / (BoltzmannEvPerK * temperature);
        double variance = VarIntercept + u * u * VarSlope + 2 * u * Covariance;
        return (Intercept + Slope * u, Math.Sqrt(Math.Max(variance, 0)));
    }
}
