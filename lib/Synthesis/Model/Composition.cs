using Pipeline.RockSalt;

namespace Pipeline.Synthesis.Model;

/// <summary>Site counts of one Li(2-x)VO2F supercell: per formula unit 3 cation sites (2-x Li, 1 V, x vacancies)
/// and 3 anion sites (2 O, 1 F). The requested x is rounded to a whole number of vacancies.</summary>
internal sealed record Composition(double RequestedX, int FormulaUnits, int Li, int V, int Vacancies, int O, int F,
    double LatticeConstant)
{
    /// <summary>The x the supercell really has (vacancies per formula unit).</summary>
    public double X => (double)Vacancies / FormulaUnits;

    public int AtomCount => Li + V + O + F;

    /// <param name="x">Requested x.</param>
    /// <param name="cationSites">Cation sites of the supercell (a multiple of 3).</param>
    /// <param name="latticeConstant">Conventional edge a at this x, Angstrom.</param>
    public static Composition For(double x, int cationSites, double latticeConstant)
    {
        var c = SiteCounts.For(x, cationSites);
        return new Composition(x, c.FormulaUnits, c.Li, c.V, c.Vacancies, c.O, c.F, latticeConstant);
    }

    /// <summary>A uniformly random arrangement of this composition's species over the two sublattices.</summary>
    public (byte[] Cations, byte[] Anions) RandomConfiguration(SeededRandom rng)
    {
        var (cations, anions) = new SiteCounts(Li, V, Vacancies, O, F).Ordered();
        rng.Shuffle<byte>(cations);
        rng.Shuffle<byte>(anions);
        return (cations, anions);
    }
}
