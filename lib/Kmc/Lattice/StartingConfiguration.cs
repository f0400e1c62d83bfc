using System.Globalization;
using Pipeline.RockSalt;
using Pipeline.RockSalt.Sampling;

namespace Pipeline.Kmc.Lattice;

/// <summary>Whole-atom counts of a formula (<see cref="RockSaltFormula"/>, e.g. Li2VO2F or Li1.2Mn0.4Ti0.4O1.8F0.2)
/// delithiated by x on a cell of any size: every non-mobile cation and every non-host anion, and the vacancies (x per
/// formula unit), are rounded half away from zero to the nearest whole site; the mobile ion fills the remaining
/// cation sites and the host anion the remaining anion sites. Unlike <see cref="RockSaltFormula.CountsFor"/> the cell
/// need not hold a whole number of formula units (the kMC's 4 L^3 sites rarely do), and x = 0 (no vacancy) is
/// allowed. For Li(2-x)VO2F the counts, <see cref="ActualX"/> and the shuffle order are the ones the kMC always
/// used (bit for bit).</summary>
public sealed class KmcComposition
{
    private readonly int[] _counts; // by species code

    private KmcComposition(RockSaltFormula formula, int[] counts, int cationSites, int anionSites)
    {
        Formula = formula;
        _counts = counts;
        CationSites = cationSites;
        AnionSites = anionSites;
    }

    public static KmcComposition For(RockSaltFormula formula, double x, int cationSites, int anionSites)
    {
        var chemistry = formula.Chemistry;
        double s = formula.SitesPerFormulaUnit, max = formula.Amount(Chemistry.Mobile);
        if (!(x >= 0 && x <= max))
            throw new ArgumentOutOfRangeException(nameof(x), x,
                $"compositions: x = {F(x)} must lie in [0, {F(max)}] for {Describe(formula)} (x {chemistry.MobileIon} per formula unit leave)");
        var counts = new int[chemistry.CodeCount];
        int cations = 0, anions = 0;
        for (byte c = Chemistry.FirstOtherCation; c < chemistry.CodeCount; c++)
        {
            if (c == chemistry.FirstAnion) continue; // the host anion takes the rest
            bool cation = chemistry.IsCation(c);
            // amount * sites / s: for Li2VO2F (amount 1, s = 3) the expression the kMC always used, sites / 3.0.
            counts[c] = Round(formula.Amount(c) * (cation ? cationSites : anionSites) / s);
            if (cation) cations += counts[c]; else anions += counts[c];
        }
        counts[Chemistry.Vacancy] = Round(x * cationSites / s);
        counts[Chemistry.Mobile] = cationSites - cations - counts[Chemistry.Vacancy];
        counts[chemistry.FirstAnion] = anionSites - anions;
        if (counts[Chemistry.Mobile] < 0)
            throw new ArgumentOutOfRangeException(nameof(x), x,
                $"compositions: x = {F(x)} of {Describe(formula)} leaves no room for {chemistry.MobileIon} on {cationSites} cation sites");
        if (counts[chemistry.FirstAnion] < 0)
            throw new ArgumentException($"formula: {Describe(formula)}: the non-host anions exceed the {anionSites} anion sites");
        return new KmcComposition(formula, counts, cationSites, anionSites);
    }

    public RockSaltFormula Formula { get; }

    public Chemistry Chemistry => Formula.Chemistry;

    public int CationSites { get; }

    public int AnionSites { get; }

    /// <summary>Sites holding species <paramref name="code"/> (0 = vacancy).</summary>
    public int Count(byte code) => _counts[code];

    public int Vacancies => _counts[Chemistry.Vacancy];

    public int MobileIons => _counts[Chemistry.Mobile];

    /// <summary>Cation sites holding a non-mobile cation ("TM" in the descriptors), all species together.</summary>
    public int OtherCations => CationSites - MobileIons - Vacancies;

    /// <summary>x of the rounded cell: vacancies per formula unit.</summary>
    public double ActualX => Formula.SitesPerFormulaUnit * Vacancies / CationSites;

    /// <summary>The species in the fixed pre-shuffle order of <see cref="CellComposition.Ordered"/>.</summary>
    public (byte[] Cations, byte[] Anions) Ordered()
        => new CellComposition(Chemistry, _counts, CationSites / Formula.SitesPerFormulaUnit).Ordered();

    private static string Describe(RockSaltFormula formula) => formula.ToString().Replace(" ", "", StringComparison.Ordinal);

    private static int Round(double v) => (int)Math.Round(v, MidpointRounding.AwayFromZero);

    private static string F(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
}

/// <summary>Random (infinite-temperature) starting configurations.</summary>
public static class StartingConfiguration
{
    /// <summary>Species arrays with the given counts, each sublattice shuffled independently by <paramref name="rng"/>
    /// (cations first), starting from <see cref="KmcComposition.Ordered"/>.</summary>
    public static (byte[] Cations, byte[] Anions) Random(KmcComposition c, Xoshiro256 rng)
    {
        var (cations, anions) = c.Ordered();
        rng.Shuffle<byte>(cations);
        rng.Shuffle<byte>(anions);
        return (cations, anions);
    }
}
