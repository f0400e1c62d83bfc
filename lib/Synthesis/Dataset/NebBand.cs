using Pipeline.Synthesis.Model;
using Pipeline.Synthesis.VaspWriters;

namespace Pipeline.Synthesis.Stage;

/// <summary>The ionic steps of every intermediate image of one NEB: the band starts from the linear interpolation
/// between the end points (what nebmake writes to the POSCARs) and converges onto the synthetic path; energies
/// converge onto the smooth profile; forces are the real forces, i.e. the force along the band (-dE/ds, zero at the
/// climbing image) plus small residuals. VTST's tangent, distances, angle and projections are computed from the
/// band itself.</summary>
internal static class NebBand
{
    private const double SpringConstant = 5.0; // |SPRING| in eV/A^2

    /// <param name="final">Converged positions of images 0..M-1.</param>
    /// <param name="energies">Converged energies of images 0..M-1.</param>
    /// <returns>Steps per image index (null for the end points).</returns>
    public static OutcarStep[]?[] Steps(double[][] final, double[] energies, EnergyProfile profile, int steps, SeededRandom rng)
    {
        int m = final.Length;
        var start = new double[m][];
        for (int k = 0; k < m; k++)
            start[k] = k == 0 || k == m - 1 ? final[k] : IonicSteps.Blend(final[0], final[m - 1], (double)k / (m - 1));

        // Band and energies at each ionic step (end points stay fixed).
        var band = new double[steps][][];
        var stepEnergy = new double[steps][];
        var excess = new double[m];
        for (int k = 1; k < m - 1; k++) excess[k] = rng.Uniform(0.05, 0.25) * Math.Sin(Math.PI * k / (m - 1));
        for (int s = 0; s < steps; s++)
        {
            double w = IonicSteps.Weight(s, steps);
            band[s] = new double[m][];
            stepEnergy[s] = new double[m];
            for (int k = 0; k < m; k++)
            {
                band[s][k] = IonicSteps.Blend(start[k], final[k], w);
                stepEnergy[s][k] = energies[k] + excess[k] * (1 - w) * (1 - w);
            }
        }

        double length = 0;
        for (int k = 1; k < m; k++) length += Distance(final[k - 1], final[k]);
        double entropy = -rng.Uniform(0.0002, 0.002);
        var result = new OutcarStep[]?[m];
        for (int k = 1; k < m - 1; k++)
        {
            var list = new OutcarStep[steps];
            double u = (double)k / (m - 1);
            for (int s = 0; s < steps; s++)
            {
                double w = IonicSteps.Weight(s, steps);
                var r = band[s];
                var tangent = new double[r[k].Length];
                double norm = 0;
                for (int c = 0; c < tangent.Length; c++)
                {
                    tangent[c] = r[k + 1][c] - r[k - 1][c];
                    norm += tangent[c] * tangent[c];
                }
                norm = Math.Sqrt(norm);
                for (int c = 0; c < tangent.Length; c++) tangent[c] /= norm;

                double real = -profile.Slope(u) / length + rng.Gaussian(0.003 + 0.1 * (1 - w));
                var forces = IonicSteps.ResidualForces(tangent.Length / 3, w, rng);
                double perp = 0;
                for (int c = 0; c < forces.Length; c++)
                {
                    perp += forces[c] * forces[c];
                    forces[c] += real * tangent[c];
                }
                double dPrev = Distance(r[k - 1], r[k]), dNext = Distance(r[k], r[k + 1]);
                list[s] = new OutcarStep
                {
                    Positions = r[k],
                    Forces = forces,
                    EnergySigma0 = stepEnergy[s][k],
                    Entropy = entropy,
                    Neb = new NebStepInfo
                    {
                        PreviousHigher = stepEnergy[s][k - 1] > stepEnergy[s][k],
                        NextHigher = stepEnergy[s][k + 1] > stepEnergy[s][k],
                        SpringProjection = SpringConstant * (dNext - dPrev),
                        RealProjection = real,
                        PerpendicularReal = Math.Sqrt(perp),
                        DistancePrevious = dPrev,
                        DistanceNext = dNext,
                        AngleDegrees = Angle(r[k - 1], r[k], r[k + 1]),
                    },
                };
            }
            result[k] = list;
        }
        return result;
    }

    private static double Distance(double[] a, double[] b)
    {
        double d = 0;
        for (int c = 0; c < a.Length; c++) d += (a[c] - b[c]) * (a[c] - b[c]);
        return Math.Sqrt(d);
    }

    // Angle at b between the vectors to a and to c, degrees (180 for a straight band).
    private static double Angle(double[] a, double[] b, double[] c)
    {
        double dot = 0, na = 0, nc = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double x = a[i] - b[i], y = c[i] - b[i];
            dot += x * y; na += x * x; nc += y * y;
        }
        return Math.Acos(Math.Clamp(dot / Math.Sqrt(na * nc), -1, 1)) * 180 / Math.PI;
    }
}
