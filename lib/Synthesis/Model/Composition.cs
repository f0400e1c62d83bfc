using Pipeline.RockSalt;

namespace Pipeline.Synthesis.Model;

/// <summary>Site counts of one supercell of a synthetic chemistry at delithiation x (<see cref="RockSaltFormula.CountsFor"/>):
/// for Li(2-x)VO2F per formula unit 3 cation sites (2-x Li, 1 V, x vacancies) and 3 anion sites (2 O, 1 F). The
/// requested x is rounded to a whole number of vacancies.</summary>
internal sealed record Composition(double RequestedX, CellComposition Counts, double LatticeConstant)
{
    public Chemistry Chemistry => Counts.Chemistry;

    /// <summary>The x the supercell really has (vacancies per formula unit).</summary>
    public double X => Counts.ActualX;

    public int Vacancies => Counts.Vacancies;

    public int MobileIons => Counts.MobileIons;

    /// <summary>Atoms of one species code.</summary>
    public int Count(byte code) => Counts.Count(code);

    public int AtomCount => Counts.CationSites - Counts.Vacancies + Counts.AnionSites;

    /// <param name="x">Requested x.</param>
    /// <param name="cationSites">Cation sites of the supercell.</param>
    /// <param name="latticeConstant">Conventional edge a at this x, Angstrom.</param>
    /// <param name="formula">The chemistry's fully lithiated formula; Li2VO2F when null.</param>
    public static Composition For(double x, int cationSites, double latticeConstant, RockSaltFormula? formula = null)
    {
        formula ??= RockSaltFormula.LiVOF;
        if (formula == RockSaltFormula.LiVOF)
        {
            // The Li-V-O-F messages and rounding the bundled study has always had.
            var s = SiteCounts.For(x, cationSites);
            int[] counts = [s.Vacancies, s.Li, s.V, s.O, s.F];
            return new Composition(x, new CellComposition(Chemistry.LiVOF, counts, s.FormulaUnits), latticeConstant);
        }
        return new Composition(x, formula.CountsFor(x, cationSites), latticeConstant);
    }

    /// <summary>A uniformly random arrangement of this composition's species over the two sublattices.</summary>
    public (byte[] Cations, byte[] Anions) RandomConfiguration(SeededRandom rng)
    {
        var (cations, anions) = Counts.Ordered();
        rng.Shuffle<byte>(cations);
        rng.Shuffle<byte>(anions);
        return (cations, anions);
    }
}
