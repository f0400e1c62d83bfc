using Pipeline.RockSalt;
using Pipeline.RockSalt.Sampling;

namespace Pipeline.Kmc.Lattice;

/// <summary>Site counts of Li(2-x) V O2 F on a supercell: cation sites hold (2-x)/3 Li, 1/3 V and x/3 vacancies;
/// anion sites 2/3 O and 1/3 F. Counts are rounded to whole sites; <see cref="ActualX"/> is what the cell holds.</summary>
public readonly record struct Composition(int Li, int V, int Vacancies, int O, int F)
{
    public int CationSites => Li + V + Vacancies;

    /// <summary>x of the rounded cell: 3 vacancies per cation site.</summary>
    public double ActualX => 3.0 * Vacancies / CationSites;

    public static Composition ForX(double x, int cationSites, int anionSites)
    {
        if (!(x >= 0 && x <= 2)) throw new ArgumentOutOfRangeException(nameof(x), x, "composition x of Li(2-x)VO2F must lie in [0, 2]");
        int v = (int)Math.Round(cationSites / 3.0, MidpointRounding.AwayFromZero);
        int vac = (int)Math.Round(x * cationSites / 3.0, MidpointRounding.AwayFromZero);
        int li = cationSites - v - vac;
        if (li < 0) throw new ArgumentOutOfRangeException(nameof(x), x, "composition leaves no room for Li");
        int f = (int)Math.Round(anionSites / 3.0, MidpointRounding.AwayFromZero);
        return new Composition(li, v, vac, anionSites - f, f);
    }
}

/// <summary>Random (infinite-temperature) starting configurations.</summary>
public static class StartingConfiguration
{
    /// <summary>Species arrays with the given counts, each sublattice shuffled independently by <paramref name="rng"/>.</summary>
    public static (byte[] Cations, byte[] Anions) Random(Composition c, Xoshiro256 rng)
    {
        var cations = new byte[c.CationSites];
        cations.AsSpan(0, c.Li).Fill((byte)Species.Li);
        cations.AsSpan(c.Li, c.V).Fill((byte)Species.V);
        cations.AsSpan(c.Li + c.V).Fill((byte)Species.Vac);
        var anions = new byte[c.O + c.F];
        anions.AsSpan(0, c.O).Fill((byte)Species.O);
        anions.AsSpan(c.O).Fill((byte)Species.F);
        rng.Shuffle<byte>(cations);
        rng.Shuffle<byte>(anions);
        return (cations, anions);
    }
}
