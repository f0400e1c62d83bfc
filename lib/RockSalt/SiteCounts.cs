namespace Pipeline.RockSalt;

/// <summary>Species counts of Li(2-x)VO2F on a supercell: per formula unit 3 cation sites (2-x Li, 1 V, x vacancies)
/// and 3 anion sites (2 O, 1 F). The requested x is rounded to a whole number of vacancies (half away from zero);
/// <see cref="ActualX"/> is what the cell really holds. One definition for the synthesizer and active learning.</summary>
public readonly record struct SiteCounts(int Li, int V, int Vacancies, int O, int F)
{
    public int FormulaUnits => V;

    public double ActualX => (double)Vacancies / FormulaUnits;

    public int AtomCount => Li + V + O + F;

    /// <summary>Errors name the param (<c>compositions</c>, <c>supercell</c>) and the limit.</summary>
    public static SiteCounts For(double x, int cationSites)
    {
        if (cationSites % 3 != 0)
            throw new ArgumentException($"supercell: {cationSites} cation sites is not a multiple of 3 (whole Li(2-x)VO2F formula units)");
        int fu = cationSites / 3;
        int vac = (int)Math.Round(x * fu, MidpointRounding.AwayFromZero);
        int li = 2 * fu - vac;
        if (vac < 1)
            throw new ArgumentException($"compositions: x = {x} leaves no vacancy in a {fu}-formula-unit supercell (use x >= {1.0 / fu:0.####})");
        if (li < 1)
            throw new ArgumentException($"compositions: x = {x} leaves no Li in a {fu}-formula-unit supercell (use x < 2)");
        return new SiteCounts(li, fu, vac, 2 * fu, fu);
    }

    /// <summary>The species in a fixed order (Li, V, vacancies; O, F), for the caller to shuffle with its own
    /// random stream: the order is part of what makes a seeded arrangement reproducible.</summary>
    public (byte[] Cations, byte[] Anions) Ordered()
    {
        var cations = new byte[Li + V + Vacancies];
        cations.AsSpan(0, Li).Fill((byte)Species.Li);
        cations.AsSpan(Li, V).Fill((byte)Species.V);
        cations.AsSpan(Li + V).Fill((byte)Species.Vac);
        var anions = new byte[O + F];
        anions.AsSpan(0, O).Fill((byte)Species.O);
        anions.AsSpan(O).Fill((byte)Species.F);
        return (cations, anions);
    }
}
