namespace Pipeline.Report.Sections;

/// <summary>Least-squares fit of ln D = ln D0 - Ea/(k_B T) over the temperatures of one composition
/// (DOMAIN.md section 7); unweighted, because the report only cross-checks the kMC stage's own fit.</summary>
internal sealed record ArrheniusFit(double ActivationEnergy, double Prefactor, int Points)
{
    public const double BoltzmannEvPerK = 8.617333262e-5;

    /// <summary>Null when fewer than two distinct temperatures have a positive, finite D.</summary>
    public static ArrheniusFit? Fit(IReadOnlyList<double> temperatures, IReadOnlyList<double> diffusivities)
    {
        var points = temperatures.Zip(diffusivities)
            .Where(p => p.First > 0 && p.Second > 0 && double.IsFinite(p.Second))
            .Select(p => (X: 1.0 / (BoltzmannEvPerK * p.First), Y: Math.Log(p.Second)))
            .ToArray();
        if (points.Select(p => p.X).Distinct().Count() < 2) return null;
        double mx = points.Average(p => p.X), my = points.Average(p => p.Y);
        double sxy = points.Sum(p => (p.X - mx) * (p.Y - my));
        double sxx = points.Sum(p => (p.X - mx) * (p.X - mx));
        double slope = sxy / sxx;
        return new ArrheniusFit(-slope, Math.Exp(my - slope * mx), points.Length);
    }
}
