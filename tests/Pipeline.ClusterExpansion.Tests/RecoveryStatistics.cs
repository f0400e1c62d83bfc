using MathNet.Numerics.LinearAlgebra;

namespace Pipeline.ClusterExpansion.Tests;

/// <summary>What the ECI-recovery tests (one chemistry or many) compare a fit against: the noise they add and the
/// ordinary-least-squares standard error each ECI can be expected to have with it.</summary>
internal static class RecoveryStatistics
{
    /// <summary>Ordinary-least-squares standard errors sigma sqrt(diag((Xc'Xc)^-1)) of the coefficients, converted
    /// to ECIs (J = p / (3 m)).</summary>
    public static double[] EciStandardErrors(ClusterSpace space, List<double[]> correlations, double noisePerFormulaUnit)
    {
        int n = correlations.Count, p = space.Functions.Count;
        var x = Matrix<double>.Build.Dense(n, p, (i, j) => correlations[i][j]);
        for (int j = 0; j < p; j++)
        {
            double mean = x.Column(j).Average();
            for (int i = 0; i < n; i++) x[i, j] -= mean;
        }
        var inverse = x.TransposeThisAndMultiply(x).Inverse();
        return Enumerable.Range(0, p).Select(j =>
            noisePerFormulaUnit * Math.Sqrt(inverse[j, j]) / (3.0 * space.Orbits[space.Functions[j].OrbitIndex].Multiplicity)).ToArray();
    }

    /// <summary>A standard normal draw (Box-Muller).</summary>
    public static double Gaussian(Random rng)
        => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
