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
        int fu = cationSites / 3;
        int vac = (int)Math.Round(x * fu, MidpointRounding.AwayFromZero);
        int li = 2 * fu - vac;
        if (vac < 1)
            throw new ArgumentException($"compositions: x = {x} leaves no vacancy in a {fu}-formula-unit supercell (use x >= {1.0 / fu})");
        if (li < 1)
            throw new ArgumentException($"compositions: x = {x} leaves no Li in a {fu}-formula-unit supercell (use x < 2)");
        return new Composition(x, fu, li, fu, vac, 2 * fu, fu, latticeConstant);
    }

    /// <summary>A uniformly random arrangement of this composition's species over the two sublattices.</summary>
    public (byte[] Cations, byte[] Anions) RandomConfiguration(SeededRandom rng)
    {
        var cations = new byte[Li + V + Vacancies];
        cations.AsSpan(0, Li).Fill((byte)Species.Li);
        cations.AsSpan(Li, V).Fill((byte)Species.V);
        cations.AsSpan(Li + V).Fill((byte)Species.Vac);
        var anions = new byte[O + F];
        anions.AsSpan(0, O).Fill((byte)Species.O);
        anions.AsSpan(O).Fill((byte)Species.F);
        rng.Shuffle<byte>(cations);
        rng.Shuffle<byte>(anions);
        return (cations, anions);
    }
}
