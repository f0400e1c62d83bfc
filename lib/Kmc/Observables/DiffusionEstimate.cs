using Pipeline.Kmc.Engine;
using Pipeline.Transport;

namespace Pipeline.Kmc.Observables;

/// <summary>Transport coefficients of one kMC run (DOMAIN.md section 7), d = 3, through the shared
/// <see cref="TransportCoefficients"/>: D* from sum_i |dr_i|^2 at the end of the run; D_J (= D_sigma) estimated over
/// non-overlapping time blocks (sum of block |dR|^2 over the summed block durations) because one collective
/// displacement per run is a single very noisy number; H_R = D*/D_J; Nernst-Einstein sigma; and the correlation
/// factor f = sum |dr_i|^2 / (jumps lambda^2), lambda = a/sqrt(2), which only a lattice model has.</summary>
public sealed record DiffusionEstimate(
    double TracerD, double JumpD, double HavenRatio, double Conductivity, double CorrelationFactor,
    double Time, long Steps, long Jumps)
{
    /// <param name="trajectory">Samples from <see cref="KmcEngine.Run"/> (first = start).</param>
    /// <param name="ions">Number of Li ions N.</param>
    /// <param name="latticeConstant">a in Angstrom.</param>
    /// <param name="volume">Supercell volume in Angstrom^3 (for the Li number density).</param>
    /// <param name="temperature">K.</param>
    /// <param name="blocks">Number of time blocks for D_J (clamped to the number of sample intervals).</param>
    public static DiffusionEstimate From(IReadOnlyList<TrajectorySample> trajectory, int ions, double latticeConstant,
        double volume, double temperature, int blocks)
    {
        var first = trajectory[0];
        var last = trajectory[^1];
        double t = last.Time - first.Time;
        double unit2 = latticeConstant * latticeConstant / 4; // (a/2)^2 in A^2
        long jumps = last.Jumps - first.Jumps;
        if (ions == 0 || !(t > 0))
            return new DiffusionEstimate(0, 0, double.NaN, 0, double.NaN, t, last.Steps - first.Steps, jumps);

        long sumSquared = last.SumSquared - first.SumSquared;
        double tracer = TransportCoefficients.Diffusivity(sumSquared * unit2, t, ions);
        double jump = TransportCoefficients.Diffusivity(BlockCollectiveMsd(trajectory, blocks, out double blockTime) * unit2, blockTime, ions);
        return new DiffusionEstimate(
            tracer * TransportUnits.SquareAngstromToSquareCm,
            jump * TransportUnits.SquareAngstromToSquareCm,
            jump > 0 ? tracer / jump : double.NaN,
            TransportCoefficients.NernstEinsteinConductivity(jump, ions, volume, temperature),
            // lambda^2 = 2 (a/2)^2: in units of (a/2)^2 the jump length squared is 2.
            TransportCoefficients.CorrelationFactor(sumSquared, jumps, 2.0),
            t, last.Steps - first.Steps, jumps);
    }

    /// <summary>Sum over blocks of |dR_block|^2 (in (a/2)^2), with the summed block duration in
    /// <paramref name="totalTime"/>. Blocks are runs of consecutive sample intervals.</summary>
    public static double BlockCollectiveMsd(IReadOnlyList<TrajectorySample> trajectory, int blocks, out double totalTime)
    {
        int intervals = trajectory.Count - 1;
        blocks = Math.Clamp(blocks, 1, Math.Max(intervals, 1));
        double sum = 0;
        totalTime = 0;
        for (int b = 0; b < blocks; b++)
        {
            var s = trajectory[(int)((long)b * intervals / blocks)];
            var e = trajectory[(int)((long)(b + 1) * intervals / blocks)];
            double dx = e.CollectiveX - s.CollectiveX, dy = e.CollectiveY - s.CollectiveY, dz = e.CollectiveZ - s.CollectiveZ;
            sum += dx * dx + dy * dy + dz * dz;
            totalTime += e.Time - s.Time;
        }
        return sum;
    }
}
