using Pipeline.Report.Sections;

namespace Pipeline.Report.Science;

/// <summary>The headline transport numbers of one composition x: E_a of D*, D* and sigma extrapolated to the
/// reference temperature with uncertainty, the Haven ratio over the temperatures run, and 0-TM percolation.</summary>
internal sealed record CompositionResult(
    double X,
    ArrheniusExtrapolation? Tracer,
    ArrheniusExtrapolation? Conductivity,
    (double Min, double Max, double Mean) Haven,
    double PercolatingShare,
    double LiFractionSpanning,
    double LiFractionSpanningError)
{
    /// <summary>Room temperature, where a battery works and the kMC (run hot to see enough hops) is extrapolated to.</summary>
    public const double ReferenceTemperature = 300.0;

    public static IReadOnlyList<CompositionResult> From(IReadOnlyList<KmcPoint> points) =>
        points.GroupBy(p => p.X).OrderBy(g => g.Key).Select(g =>
        {
            var ordered = g.OrderBy(p => p.T).ToArray();
            var temperatures = ordered.Select(p => p.T).ToArray();
            var tracer = ArrheniusExtrapolation.Fit(temperatures,
                ordered.Select(p => p.Value(KmcObservables.Tracer)).ToArray(), ordered.Select(p => p.Error(KmcObservables.Tracer)).ToArray());
            // sigma T, not sigma, is Arrhenius (Nernst-Einstein: sigma = n q^2 D_sigma / (k_B T)).
            var conductivity = ArrheniusExtrapolation.Fit(temperatures,
                ordered.Select(p => p.Value(KmcObservables.Conductivity) * p.T).ToArray(),
                ordered.Select(p => p.Error(KmcObservables.Conductivity) * p.T).ToArray());
            var haven = ordered.Select(p => HavenRatio(p)).Where(double.IsFinite).ToArray();
            var first = ordered[0];
            return new CompositionResult(g.Key, tracer, conductivity,
                haven.Length == 0 ? (double.NaN, double.NaN, double.NaN) : (haven.Min(), haven.Max(), haven.Average()),
                first.Value(KmcObservables.Percolates), first.Value(KmcObservables.SpanningFraction), first.Error(KmcObservables.SpanningFraction));
        }).ToList();

    /// <summary>The table's Haven ratio, else D*/D_J.</summary>
    public static double HavenRatio(KmcPoint p) =>
        double.IsFinite(p.Value(KmcObservables.Haven)) ? p.Value(KmcObservables.Haven) : p.Value(KmcObservables.Tracer) / p.Value(KmcObservables.Jump);

    /// <summary>D* at the reference temperature: value and the one-standard-error range (log-normal, so asymmetric).</summary>
    public (double Value, double Low, double High)? TracerAtReference => Extrapolate(Tracer, 1.0);

    /// <summary>sigma at the reference temperature (from the sigma T fit).</summary>
    public (double Value, double Low, double High)? ConductivityAtReference => Extrapolate(Conductivity, 1.0 / ReferenceTemperature);

    private static (double, double, double)? Extrapolate(ArrheniusExtrapolation? fit, double factor)
    {
        if (fit is null) return null;
        var (log, error) = fit.At(ReferenceTemperature);
        return (factor * Math.Exp(log), factor * Math.Exp(log - error), factor * Math.Exp(log + error));
    }
}
