using Pipeline.Kmc.Lattice;
using Pipeline.RockSalt;
using Pipeline.RockSalt.Sampling;

namespace Pipeline.Kmc.Tests;

/// <summary>Starting compositions from a formula: per-species site counts worked out by hand, and for Li(2-x)VO2F
/// the arrays the kMC has always started from (the earlier algorithm, written out here).</summary>
public class CompositionTests
{
    private static readonly RockSaltFormula s_limnti = RockSaltFormula.Parse("Li1.2Mn0.4Ti0.4O1.8F0.2", MultiCation.LiMnTiOF);

    [Theory]
    // L = 5: 500 sites = 250 formula units of 2 sites: Mn 100, Ti 100, F 50; x = 0.4 leaves 100 vacancies.
    [InlineData(5, 0.4, 200, 100, 100, 100, 450, 50)]
    // L = 8: 2048 sites = 1024 formula units: Mn 409.6 -> 410, Ti 410, F 204.8 -> 205, vacancies 307.2 -> 307.
    [InlineData(8, 0.3, 921, 410, 410, 307, 1843, 205)]
    public void Each_species_gets_its_share_of_the_cell(int l, double x, int li, int mn, int ti, int vac, int o, int f)
    {
        var cell = RockSaltSupercell.Cubic(l, 4.1);
        var c = KmcComposition.For(s_limnti, x, cell.CationCount, cell.AnionCount);
        Assert.Equal([vac, li, mn, ti, o, f], Enumerable.Range(0, 6).Select(k => c.Count((byte)k)));
        Assert.Equal(mn + ti, c.OtherCations);
        Assert.Equal(2.0 * vac / cell.CationCount, c.ActualX, 1e-15);

        var (cations, anions) = StartingConfiguration.Random(c, new Xoshiro256(9));
        var lattice = new KmcLattice(cell, cations, anions, MultiCation.LiMnTiOF);
        int[] onCations = [vac, li, mn, ti], onAnions = [o, f];
        for (byte k = 0; k < 4; k++) Assert.Equal(onCations[k], lattice.Cations.Count(s => s == k));
        for (byte k = 0; k < 2; k++) Assert.Equal(onAnions[k], lattice.Anions.Count(s => s == 4 + k));
        Assert.Equal(li, lattice.IonCount);
    }

    [Theory]
    [InlineData(3, 0.25)]
    [InlineData(6, 0.5)]
    [InlineData(6, 1.0)]
    [InlineData(8, 0.1)]  // 2048 sites: not a whole number of formula units
    [InlineData(7, 0.35)]
    [InlineData(2, 0.0)]
    public void Li2VO2F_starts_from_the_same_bytes_as_before(int l, double x)
    {
        var cell = RockSaltSupercell.Cubic(l, 4.1);
        foreach (ulong seed in new ulong[] { 1, 2021, 987654321 })
        {
            var (cations, anions) = StartingConfiguration.Random(
                KmcComposition.For(RockSaltFormula.LiVOF, x, cell.CationCount, cell.AnionCount), new Xoshiro256(seed));
            var (oldCations, oldAnions) = EarlierStart(x, cell.CationCount, cell.AnionCount, new Xoshiro256(seed));
            Assert.Equal(oldCations, cations);
            Assert.Equal(oldAnions, anions);
        }
        int n = cell.CationCount;
        Assert.Equal(3.0 * Math.Round(x * n / 3.0, MidpointRounding.AwayFromZero) / n,
            KmcComposition.For(RockSaltFormula.LiVOF, x, n, n).ActualX);
    }

    /// <summary>The kMC's starting configuration before species became data: Li, V, vacancies and O, F filled in that
    /// order with V = F = n/3 and x n/3 vacancies (rounded half away from zero), each sublattice shuffled.</summary>
    private static (byte[], byte[]) EarlierStart(double x, int cationSites, int anionSites, Xoshiro256 rng)
    {
        int v = (int)Math.Round(cationSites / 3.0, MidpointRounding.AwayFromZero);
        int vac = (int)Math.Round(x * cationSites / 3.0, MidpointRounding.AwayFromZero);
        int li = cationSites - v - vac;
        int f = (int)Math.Round(anionSites / 3.0, MidpointRounding.AwayFromZero);
        var cations = new byte[cationSites];
        cations.AsSpan(0, li).Fill(1);
        cations.AsSpan(li, v).Fill(2);
        var anions = new byte[anionSites];
        anions.AsSpan(0, anionSites - f).Fill(3);
        anions.AsSpan(anionSites - f).Fill(4);
        rng.Shuffle<byte>(cations);
        rng.Shuffle<byte>(anions);
        return (cations, anions);
    }

    [Fact]
    public void A_delithiation_beyond_the_formulas_mobile_ions_is_refused_naming_the_limit()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => KmcComposition.For(s_limnti, 1.3, 500, 500));
        Assert.Contains("compositions", ex.Message);
        Assert.Contains("[0, 1.2]", ex.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => KmcComposition.For(RockSaltFormula.LiVOF, -0.1, 864, 864));
    }

    [Fact]
    public void A_lattice_refuses_codes_its_chemistry_does_not_have_on_that_sublattice()
    {
        var cell = RockSaltSupercell.Cubic(2, 4.1);
        var cations = new byte[cell.CationCount];
        var anions = Enumerable.Repeat((byte)4, cell.AnionCount).ToArray();
        cations[5] = 4; // O on a cation site
        var ex = Assert.Throws<ArgumentException>(() => new KmcLattice(cell, cations, anions, MultiCation.LiMnTiOF));
        Assert.Contains("cation site 5", ex.Message);
        Assert.Contains("Li-Mn-Ti-O-F", ex.Message);
        cations[5] = MultiCation.Ti;
        anions[3] = 3; // Ti on an anion site
        ex = Assert.Throws<ArgumentException>(() => new KmcLattice(cell, cations, anions, MultiCation.LiMnTiOF));
        Assert.Contains("anion site 3", ex.Message);
        // The same codes are valid Li-V-O-F... except 5 for an anion, which Li-V-O-F does not have.
        anions[3] = 5;
        Assert.Throws<ArgumentException>(() => new KmcLattice(cell, MultiCation.AsVanadium(cations), anions));
    }
}
