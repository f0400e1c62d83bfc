using Pipeline.Synthesis.Model;

namespace Pipeline.Synthesis.Geometry;

/// <summary>Small random relaxation displacements (Angstrom) of every atom away from its ideal site: Gaussian per
/// component with the given sigma, cut at 3 sigma so every atom stays well inside the 0.4 A mapping tolerance.</summary>
internal static class Relaxation
{
    public static double[] Displacements(int atoms, double sigma, SeededRandom rng)
    {
        var u = new double[atoms * 3];
        for (int k = 0; k < u.Length; k++) u[k] = Math.Clamp(rng.Gaussian(sigma), -3 * sigma, 3 * sigma);
        return u;
    }

    /// <summary>Displacements of the final end point: the initial ones plus a smaller independent change (the
    /// lattice relaxes a little differently around the moved Li).</summary>
    public static double[] Perturbed(double[] initial, double sigma, SeededRandom rng)
    {
        var u = new double[initial.Length];
        for (int k = 0; k < u.Length; k++)
            u[k] = Math.Clamp(initial[k] + rng.Gaussian(0.3 * sigma), -3 * sigma, 3 * sigma);
        return u;
    }
}
