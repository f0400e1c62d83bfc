using Pipeline.Synthesis.Model;
using Pipeline.Synthesis.VaspWriters;

namespace Pipeline.Synthesis.Stage;

/// <summary>Builds the ionic steps an OUTCAR reports: geometry moving from the starting structure to the converged
/// one, energy falling to the converged value, residual forces shrinking to below EDIFFG.</summary>
internal static class IonicSteps
{
    /// <summary>Largest residual force component of the converged step (eV/A): |F| stays below |EDIFFG| = 0.05.</summary>
    public const double ConvergedForceComponent = 0.025;

    /// <summary>Blend weight of step s: 0 = start geometry, 1 = converged geometry.</summary>
    public static double Weight(int step, int steps) => steps == 1 ? 1 : (double)step / (steps - 1);

    public static double[] Blend(double[] start, double[] end, double w)
    {
        var r = new double[start.Length];
        for (int k = 0; k < r.Length; k++) r[k] = start[k] + w * (end[k] - start[k]);
        return r;
    }

    /// <summary>Random residual forces, larger in early steps.</summary>
    public static double[] ResidualForces(int atoms, double w, SeededRandom rng)
    {
        double scale = 1 + 6 * (1 - w);
        double sigma = 0.008 * scale, cap = ConvergedForceComponent * scale;
        var f = new double[atoms * 3];
        for (int k = 0; k < f.Length; k++) f[k] = Math.Clamp(rng.Gaussian(sigma), -cap, cap);
        return f;
    }

    /// <summary>Steps of a relaxation (end points, single points): energies E + relax (1 - w)^2.</summary>
    public static OutcarStep[] Relaxation(double[] start, double[] end, double energy, int steps, SeededRandom rng)
    {
        double relax = rng.Uniform(0.01, 0.06) * end.Length / 288.0;
        double entropy = -rng.Uniform(0.0002, 0.002);
        var result = new OutcarStep[steps];
        for (int s = 0; s < steps; s++)
        {
            double w = Weight(s, steps);
            result[s] = new OutcarStep
            {
                Positions = Blend(start, end, w),
                Forces = ResidualForces(end.Length / 3, w, rng),
                EnergySigma0 = energy + relax * (1 - w) * (1 - w),
                Entropy = entropy,
            };
        }
        return result;
    }
}
