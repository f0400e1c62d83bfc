using Pipeline.ClusterExpansion;
using Pipeline.RockSalt;

namespace Pipeline.ClusterExpansion.Tests;

/// <summary>The kMC's incremental flip field: after a rebuild and after hundreds of Li &lt;-&gt; Vac hops applied as
/// two single-site changes each, every tracked flip matches CeEvaluator.SiteFlipDelta (1e-10 eV, DOMAIN.md section 6
/// tolerance for local sums), the field equals a fresh rebuild bit for bit, and flip(from) + flip(to) +
/// HopInteraction reproduces HopDelta and the difference of two full evaluations.</summary>
public class FlipEnergyFieldTests
{
    public static TheoryData<string, string> Cases => new()
    {
        { "pairs", "cubic2" },        // periodic images: one site reached through several offsets
        { "pairs", "primitive455" },
        { "default", "cubic2" },
        { "default", "cubic3" },
        { "default", "cubic4" },      // interior sites use affine indexing, boundary sites the lookup table
        { "default", "conventional324" },
        { "default", "primitive566" },
        { "triplets", "cubic4" },
        { "triplets", "primitive777" },
    };

    private static byte Partner(byte species) => species == (byte)Species.Li ? (byte)Species.Vac : (byte)Species.Li;

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rebuilt_field_matches_single_site_flips(string space, string cellName)
    {
        var evaluator = FlipTestCells.Evaluator(space, cellName, seed: 8);
        var (cations, anions) = TestConfigurations.Random(evaluator.Cell, new Random(cellName.Length * 13 + space.Length), vacancy: 0.3, lithium: 0.4);
        var field = new FlipEnergyField(evaluator);
        field.Rebuild(cations, anions);
        AssertMatchesSingleSiteFlips(evaluator, field, cations, anions, "after rebuild");
        Assert.Contains(cations, c => c == (byte)Species.V);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Incremental_updates_equal_a_fresh_rebuild_bit_for_bit(string space, string cellName)
    {
        var evaluator = FlipTestCells.Evaluator(space, cellName, seed: 21);
        var cell = evaluator.Cell;
        var rng = new Random(cellName.Sum(c => c) + 3 * space.Length);
        var (cations, anions) = TestConfigurations.Random(cell, rng, vacancy: 0.3, lithium: 0.4);
        var field = new FlipEnergyField(evaluator);
        field.Rebuild(cations, anions);
        double energy = evaluator.TotalEnergy(cations, anions);
        int hops = 0, toggles = 0;
        for (int m = 0; hops < 300; m++)
        {
            if (m % 9 == 8) // a lone Li <-> Vac flip (grand-canonical move), also supported
            {
                int site = rng.Next(cations.Length);
                if (cations[site] == (byte)Species.V) continue;
                byte before = cations[site];
                double flip = field[site];
                cations[site] = Partner(before);
                field.SiteChanged(cations, anions, site, before);
                Assert.Equal(-flip, field[site]);
                energy = AssertEnergyChange(evaluator, cations, anions, energy, flip, $"flip {m} of site {site}");
                toggles++;
                continue;
            }
            int from = rng.Next(cations.Length), direction = rng.Next(12);
            int to = cell.CationNeighbor(from, direction);
            if (cations[from] != (byte)Species.Li || cations[to] != (byte)Species.Vac) continue;
            double decomposed = field[from] + field[to] + evaluator.HopInteraction(cations, anions, from, to);
            double hop = evaluator.HopDelta(cations, anions, from, to);
            Assert.True(Math.Abs(decomposed - hop) < 1e-10, $"hop {m} {from} -> {to}: field sum {decomposed:R}, HopDelta {hop:R}");
            cations[from] = (byte)Species.Vac;
            field.SiteChanged(cations, anions, from, (byte)Species.Li);
            cations[to] = (byte)Species.Li;
            field.SiteChanged(cations, anions, to, (byte)Species.Vac);
            energy = AssertEnergyChange(evaluator, cations, anions, energy, decomposed, $"hop {m} {from} -> {to}");
            if (++hops % 100 == 0) AssertEqualsFreshRebuild(evaluator, field, cations, anions, $"after {hops} hops");
        }
        Assert.True(toggles > 20, $"only {toggles} lone flips were tried");
        AssertMatchesSingleSiteFlips(evaluator, field, cations, anions, "after 300 hops");
    }

    /// <summary>Pairs up to 1.45 a reach the fcc cation shells at 0.707, 1, 1.225 and 1.414 a: 12 + 6 + 24 + 12 sites;
    /// the triplets and quadruplets of the default space lie within nearest neighbours and add none. The partner
    /// sites are those whose shortest periodic image lies within the cutoff (|d|^2 &lt;= 8 in units of a/2); in the
    /// cubic 2 cell several offsets reach the same site and it is listed once.</summary>
    [Theory]
    [InlineData("pairs", "cubic4")]
    [InlineData("default", "cubic4")]
    [InlineData("default", "conventional324")]
    [InlineData("pairs", "cubic2")]
    public void A_change_reaches_exactly_the_cation_sites_within_the_pair_cutoff(string space, string cellName)
    {
        var field = new FlipEnergyField(FlipTestCells.Evaluator(space, cellName, seed: 1));
        var cell = field.Evaluator.Cell;
        if (cellName == "cubic4") Assert.Equal(12 + 6 + 24 + 12, field.PartnerSites);
        var partners = new int[field.PartnerSites];
        foreach (int site in new[] { 0, 1, cell.CationCount / 2 + 3, cell.CationCount - 1 })
        {
            Assert.Equal(field.PartnerSites, field.Partners(site, partners));
            var expected = Enumerable.Range(0, cell.CationCount)
                .Where(j => j != site && cell.MinimumImage(cell.CationPosition(j) - cell.CationPosition(site)) is var d && d.Dot(d) <= 8);
            Assert.Equal(expected.Order(), partners.Order());
        }
    }

    [Fact]
    public void Site_changes_do_not_allocate()
    {
        var evaluator = FlipTestCells.Evaluator("default", "cubic4", seed: 4);
        var (cations, anions) = TestConfigurations.Random(evaluator.Cell, new Random(2), vacancy: 0.3);
        var field = new FlipEnergyField(evaluator);
        field.Rebuild(cations, anions);
        var sites = Enumerable.Range(0, cations.Length).Where(i => cations[i] != (byte)Species.V).Take(60).ToArray();
        void Toggle()
        {
            foreach (int site in sites)
            {
                byte before = cations[site];
                cations[site] = Partner(before);
                field.SiteChanged(cations, anions, site, before);
            }
        }
        Toggle();
        Toggle();
        long before = GC.GetAllocatedBytesForCurrentThread();
        Toggle();
        Toggle();
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    [Fact]
    public void Unsupported_changes_and_bad_input_are_rejected_with_the_site_named()
    {
        var evaluator = FlipTestCells.Evaluator("default", "cubic3", seed: 3);
        var cell = evaluator.Cell;
        var cations = Enumerable.Repeat((byte)Species.Li, cell.CationCount).ToArray();
        var anions = Enumerable.Repeat((byte)Species.O, cell.AnionCount).ToArray();
        var field = new FlipEnergyField(evaluator);
        field.Rebuild(cations, anions);

        cations[5] = (byte)Species.V;
        var fromLi = Assert.Throws<ArgumentException>(() => field.SiteChanged(cations, anions, 5, (byte)Species.Li));
        Assert.Contains("cation site 5", fromLi.Message);
        Assert.Contains("V", fromLi.Message);
        cations[5] = (byte)Species.Li;
        var unchanged = Assert.Throws<ArgumentException>(() => field.SiteChanged(cations, anions, 5, (byte)Species.Li));
        Assert.Contains("cation site 5", unchanged.Message);
        var outside = Assert.ThrowsAny<ArgumentException>(() => field.SiteChanged(cations, anions, cell.CationCount, (byte)Species.Vac));
        Assert.Contains($"site {cell.CationCount}", outside.Message);
        var wrongLength = Assert.Throws<ArgumentException>(() => field.SiteChanged(cations.AsSpan(1), anions, 0, (byte)Species.Vac));
        Assert.Contains("cations", wrongLength.Message);

        cations[cell.CationNeighbor(5, 2)] = 9; // not a species code
        cations[5] = (byte)Species.Vac;
        var badNeighbour = Assert.Throws<ArgumentException>(() => field.SiteChanged(cations, anions, 5, (byte)Species.Li));
        Assert.Contains("cation site 5", badNeighbour.Message);
        Assert.ThrowsAny<ArgumentException>(() => field.Rebuild(cations, anions));
    }

    [Fact]
    public void Cluster_energies_beyond_the_fixed_point_range_are_rejected()
    {
        var space = FlipTestCells.Spaces["default"];
        var huge = new CeModel(space, TestConfigurations.A, 0.0, space.Functions.Select(_ => 1e3).ToArray());
        var error = Assert.Throws<ArgumentException>(() => new FlipEnergyField(new CeEvaluator(huge, FlipTestCells.Cell("cubic3"))));
        Assert.Contains("fixed-point", error.Message);
    }

    private static void AssertMatchesSingleSiteFlips(CeEvaluator evaluator, FlipEnergyField field, byte[] cations, byte[] anions, string when)
    {
        for (int site = 0; site < cations.Length; site++)
        {
            if (cations[site] == (byte)Species.V)
            {
                Assert.Equal(0L, field.FixedPoint(site));
                continue;
            }
            double expected = evaluator.SiteFlipDelta(cations, anions, site, Partner(cations[site]));
            Assert.True(Math.Abs(field[site] - expected) < 1e-10,
                $"{when}: site {site} ({(Species)cations[site]}) field {field[site]:R}, SiteFlipDelta {expected:R}");
        }
    }

    private static void AssertEqualsFreshRebuild(CeEvaluator evaluator, FlipEnergyField field, byte[] cations, byte[] anions, string when)
    {
        var fresh = new FlipEnergyField(evaluator);
        fresh.Rebuild(cations, anions);
        for (int site = 0; site < cations.Length; site++)
            if (fresh.FixedPoint(site) != field.FixedPoint(site))
                Assert.Fail($"{when}: site {site} incremental {field.FixedPoint(site)} quanta, rebuilt {fresh.FixedPoint(site)}");
    }

    private static double AssertEnergyChange(CeEvaluator evaluator, byte[] cations, byte[] anions, double energy, double change, string what)
    {
        double full = evaluator.TotalEnergy(cations, anions);
        Assert.True(Math.Abs(full - energy - change) < 1e-9, $"{what}: field {change:R}, full difference {full - energy:R}");
        return full;
    }
}
