namespace Pipeline.Transport.Msd;

/// <summary>Transport coefficients from MSD curves (lag times in ps, MSD in Angstrom^2): D* from the tracer MSD,
/// D_sigma from the collective one, the distinct part D_sigma - D*, H_R and the Nernst-Einstein conductivity, each
/// from a line fit over the same window, with standard errors from the spread of the per-block values
/// (block averaging: blocks are independent stretches of the trajectory). Diffusivities in cm^2/s.</summary>
public sealed record MsdTransport(
    MeasuredValue Tracer, MeasuredValue Collective, MeasuredValue Distinct, MeasuredValue Haven, MeasuredValue Conductivity,
    MsdLineFit TracerFit, MsdLineFit CollectiveFit, DiffusiveWindow Window, int Blocks)
{
    /// <param name="full">MSD over the whole trajectory.</param>
    /// <param name="blocks">MSD of each block (may be empty: then errors are NaN).</param>
    /// <param name="ions">Mobile ions N.</param>
    /// <param name="volume">Mean cell volume, Angstrom^3.</param>
    /// <param name="temperature">K.</param>
    /// <param name="charge">Ion charge in e.</param>
    public static MsdTransport From(MsdCurve full, IReadOnlyList<MsdCurve> blocks, DiffusiveWindow window, int dimensions,
        int ions, double volume, double temperature, double charge)
    {
        var (tracer, collective, haven, sigma) = Coefficients(full, window, dimensions, ions, volume, temperature, charge,
            out var tracerFit, out var collectiveFit);
        var perBlock = blocks.Select(b => Coefficients(b, window, dimensions, ions, volume, temperature, charge, out _, out _)).ToList();
        double Error(Func<(double T, double C, double H, double S), double> pick)
            => MeanWithError.Of(perBlock.Select(pick)).StandardError;
        return new MsdTransport(
            new MeasuredValue(tracer, Error(p => p.T)),
            new MeasuredValue(collective, Error(p => p.C)),
            new MeasuredValue(collective - tracer, Error(p => p.C - p.T)),
            new MeasuredValue(haven, Error(p => p.H)),
            new MeasuredValue(sigma, Error(p => p.S)),
            tracerFit, collectiveFit, window, blocks.Count);
    }

    private static (double T, double C, double H, double S) Coefficients(MsdCurve curve, DiffusiveWindow window,
        int dimensions, int ions, double volume, double temperature, double charge, out MsdLineFit tracerFit, out MsdLineFit collectiveFit)
    {
        tracerFit = MsdLineFit.Of(curve.LagTimes, curve.Tracer, window);
        collectiveFit = MsdLineFit.Of(curve.LagTimes, curve.Collective, window);
        double tracer = TransportCoefficients.DiffusivityFromSlope(tracerFit.Slope, dimensions);         // A^2/ps
        double collective = TransportCoefficients.DiffusivityFromSlope(collectiveFit.Slope, dimensions); // A^2/ps
        double sigma = TransportCoefficients.NernstEinsteinConductivity(collective * 1e12, ions, volume, temperature, charge);
        return (tracer * TransportUnits.SquareAngstromPerPsToSquareCmPerS, collective * TransportUnits.SquareAngstromPerPsToSquareCmPerS,
            TransportCoefficients.HavenRatio(tracer, collective), sigma);
    }
}

/// <summary>A value and its standard error (NaN when not estimable).</summary>
public readonly record struct MeasuredValue(double Value, double Error);
