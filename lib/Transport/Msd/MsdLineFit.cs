using MathNet.Numerics;

namespace Pipeline.Transport.Msd;

/// <summary>Straight-line fit MSD(t) = intercept + slope t over a window (MathNet.Numerics least squares), and the
/// log-log slope d ln MSD / d ln t over the same window: 1 for diffusion, below 1 for a sub-diffusive or caged
/// regime, above 1 for a ballistic one. The intercept absorbs the vibrational plateau.</summary>
public readonly record struct MsdLineFit(double Slope, double Intercept, double LogLogSlope, int Points)
{
    public static MsdLineFit Of(double[] times, double[] msd, DiffusiveWindow window)
    {
        var x = new List<double>();
        var y = new List<double>();
        for (int k = 0; k < times.Length; k++)
            if (window.Contains(times[k]) && double.IsFinite(msd[k])) { x.Add(times[k]); y.Add(msd[k]); }
        if (x.Count < 2) return new MsdLineFit(double.NaN, double.NaN, double.NaN, x.Count);
        var (intercept, slope) = Fit.Line(x.ToArray(), y.ToArray());
        double logSlope = double.NaN;
        if (y.All(v => v > 0))
            logSlope = Fit.Line(x.Select(v => Math.Log(v)).ToArray(), y.Select(v => Math.Log(v)).ToArray()).B;
        return new MsdLineFit(slope, intercept, logSlope, x.Count);
    }
}
