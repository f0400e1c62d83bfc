using Pipeline.ClusterExpansion;
using Pipeline.RockSalt;

namespace Pipeline.ClusterExpansion.Tests;

/// <summary>The kMC's cached-flip decomposition: a single-site flip equals the difference of two full evaluations,
/// and a hop equals flip(from -> Vac) + flip(to -> species) + HopInteraction, checked against HopDelta and against
/// full evaluations (DOMAIN.md section 6 tolerance, 1e-10 eV for local sums).</summary>
public class FlipDecompositionTests
{
    public static TheoryData<string, string> Cases => new()
    {
        { "pairs", "primitive455" },
        { "pairs", "cubic3" },
        { "default", "primitive566" },
        { "default", "conventional324" },
        { "default", "cubic3" },
        { "default", "cubic2" },      // periodic images: distinct clusters share sites
        { "triplets", "primitive777" },
        { "triplets", "cubic4" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Site_flip_equals_the_difference_of_two_full_evaluations(string space, string cellName)
    {
        var evaluator = FlipTestCells.Evaluator(space, cellName, seed: 5);
        var rng = new Random(cellName.Sum(c => c) * 7 + space.Length); // string hash codes vary per process
        var (cations, anions) = TestConfigurations.Random(evaluator.Cell, rng, vacancy: 0.3, lithium: 0.35);
        double energy = evaluator.TotalEnergy(cations, anions);
        var seen = new HashSet<(byte, byte)>();
        for (int m = 0; m < 150; m++)
        {
            int site = rng.Next(cations.Length);
            byte before = cations[site], after = (byte)rng.Next(3);
            double flip = evaluator.SiteFlipDelta(cations, anions, site, after);
            cations[site] = after;
            double full = evaluator.TotalEnergy(cations, anions);
            Assert.True(Math.Abs(full - energy - flip) < 1e-10,
                $"flip {m} of site {site} {(Species)before} -> {(Species)after}: local {flip:R}, full difference {full - energy:R}");
            if (before == after) Assert.Equal(0.0, flip);
            else Assert.Equal(-flip, evaluator.SiteFlipDelta(cations, anions, site, before)); // exact reverse
            seen.Add((before, after));
            energy = full;
        }
        Assert.Equal(9, seen.Count); // every transition between Vac, Li and V was exercised
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Flips_plus_interaction_reproduce_hop_delta_and_full_evaluations(string space, string cellName)
    {
        var evaluator = FlipTestCells.Evaluator(space, cellName, seed: 11);
        var cell = evaluator.Cell;
        var rng = new Random(cellName.Length * 31 + space.Length);
        var (cations, anions) = TestConfigurations.Random(cell, rng, vacancy: 0.3);
        double energy = evaluator.TotalEnergy(cations, anions);
        int nn = 0, far = 0;
        for (int m = 0; m < 200; m++)
        {
            bool nearest = m % 5 != 4;
            var (from, to) = NextHop(rng, cell, cations, nearest);
            if (from < 0) continue;
            byte s = cations[from];
            double c = evaluator.HopInteraction(cations, anions, from, to);
            double decomposed = evaluator.SiteFlipDelta(cations, anions, from, (byte)Species.Vac)
                                + evaluator.SiteFlipDelta(cations, anions, to, s) + c;
            double hop = evaluator.HopDelta(cations, anions, from, to);
            int direction = cell.CationNeighbors(to).IndexOf(from);
            if (direction >= 0) // the overload for callers that know the direction gives the same value
                Assert.Equal(c, evaluator.HopInteraction(cations, anions, from, to, direction));
            Assert.True(Math.Abs(decomposed - hop) < 1e-10, $"hop {m} {from} -> {to}: decomposed {decomposed:R}, HopDelta {hop:R}");
            (cations[from], cations[to]) = (cations[to], cations[from]);
            double full = evaluator.TotalEnergy(cations, anions);
            Assert.True(Math.Abs(full - energy - decomposed) < 1e-9,
                $"hop {m} {from} -> {to}: decomposed {decomposed:R}, full difference {full - energy:R}");
            energy = full;
            if (nearest) nn++; else far++;
        }
        Assert.True(nn >= 100 && far >= 20, $"only {nn} NN and {far} other hops were tried");
    }

    [Fact]
    public void Interaction_is_exactly_zero_for_sites_that_share_no_cluster()
    {
        var evaluator = FlipTestCells.Evaluator("default", "cubic4", seed: 2);
        var cell = evaluator.Cell;
        var (cations, anions) = TestConfigurations.Random(cell, new Random(3), vacancy: 0.3);
        var origin = cell.CationPosition(0);
        // Pairs reach 1.45 a = 2.9 a/2; farther apart no cluster holds both sites.
        int far = Enumerable.Range(1, cell.CationCount - 1).First(i => Distance(cell, origin, cell.CationPosition(i)) > 2 * 1.45 + 1e-9);
        cations[0] = (byte)Species.V;
        cations[far] = (byte)Species.Vac;
        Assert.Equal(0.0, evaluator.HopInteraction(cations, anions, 0, far));
    }

    /// <summary>Clusters holding both ends of an NN hop, counted from the geometry: pairs to 1.45 a give the NN pair
    /// only; triplets within 0.75 a add the 4 common cation NN and the 2 common anion NN of the two sites; quadruplets
    /// within 0.75 a add 2 cation tetrahedra, the one with both common anions, and 4 with one common cation NN and
    /// the common anion next to it. A single-site change visits far more.</summary>
    [Theory]
    [InlineData("pairs", 1)]
    [InlineData("default", 1 + 6 + 7)]
    public void Nearest_neighbour_interaction_visits_only_the_shared_clusters(string space, int expected)
    {
        var evaluator = FlipTestCells.Evaluator(space, "cubic4", seed: 6);
        Assert.All(evaluator.ClustersPerNeighbourPair, count => Assert.Equal(expected, count));
        Assert.True(evaluator.ClustersPerSite.Cation > 5 * expected);
    }

    [Fact]
    public void Invalid_flips_and_hops_are_rejected_with_the_site_named()
    {
        var evaluator = FlipTestCells.Evaluator("default", "cubic3", seed: 3);
        var cell = evaluator.Cell;
        var cations = Enumerable.Repeat((byte)Species.Li, cell.CationCount).ToArray();
        var anions = Enumerable.Repeat((byte)Species.O, cell.AnionCount).ToArray();
        int to = cell.CationNeighbor(5, 3);

        var badSpecies = Assert.Throws<ArgumentException>(() => evaluator.SiteFlipDelta(cations, anions, 5, (byte)Species.O));
        Assert.Contains("cation site 5", badSpecies.Message);
        var outside = Assert.ThrowsAny<ArgumentException>(() => evaluator.SiteFlipDelta(cations, anions, cell.CationCount, (byte)Species.Li));
        Assert.Contains($"site {cell.CationCount}", outside.Message);
        var wrongLength = Assert.Throws<ArgumentException>(() => evaluator.SiteFlipDelta(cations.AsSpan(1), anions, 0, 0));
        Assert.Contains("cations", wrongLength.Message);

        var occupied = Assert.Throws<ArgumentException>(() => evaluator.HopInteraction(cations, anions, 5, to));
        Assert.Contains($"vacancy on site {to}", occupied.Message);
        cations[to] = (byte)Species.Vac;
        cations[5] = (byte)Species.Vac;
        var vacantFrom = Assert.Throws<ArgumentException>(() => evaluator.HopInteraction(cations, anions, 5, to));
        Assert.Contains("cation on site 5", vacantFrom.Message);

        cations[5] = 9; // not a species code
        var badCode = Assert.Throws<ArgumentException>(() => evaluator.HopInteraction(cations, anions, 5, to));
        Assert.Contains("site 5", badCode.Message);
        Assert.Throws<ArgumentException>(() => evaluator.SiteFlipDelta(cations, anions, 5, (byte)Species.Li));
        cations[5] = (byte)Species.Li;
        int shared = cell.CationNeighbors(to).ToArray().Intersect(cell.CationNeighbors(5).ToArray()).First();
        cations[shared] = 9; // a site of an NN triplet holding both hop sites
        var badNeighbour = Assert.Throws<ArgumentException>(() => evaluator.HopInteraction(cations, anions, 5, to));
        Assert.Contains("species code", badNeighbour.Message);
    }

    [Fact]
    public void Flips_and_interactions_do_not_allocate()
    {
        var evaluator = FlipTestCells.Evaluator("default", "cubic4", seed: 4);
        var cell = evaluator.Cell;
        var (cations, anions) = TestConfigurations.Random(cell, new Random(1), vacancy: 0.3);
        var hops = new List<(int, int)>();
        for (int i = 0; i < cations.Length && hops.Count < 50; i++)
            foreach (int j in cell.CationNeighbors(i))
                if (cations[i] != (byte)Species.Vac && cations[j] == (byte)Species.Vac) hops.Add((i, j));
        double Run()
        {
            double sum = 0;
            foreach (var (i, j) in hops)
                sum += evaluator.HopInteraction(cations, anions, i, j) + evaluator.SiteFlipDelta(cations, anions, i, (byte)Species.V);
            return sum;
        }
        double warm = Run();
        long before = GC.GetAllocatedBytesForCurrentThread();
        double sum = Run();
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        Assert.Equal(warm, sum);
    }

    /// <summary>A hop from an occupied site to a vacant one: a nearest neighbour, or any other site.</summary>
    private static (int From, int To) NextHop(Random rng, RockSaltSupercell cell, byte[] cations, bool nearest)
    {
        for (int attempt = 0; attempt < 1000; attempt++)
        {
            int from = rng.Next(cations.Length);
            if (cations[from] == (byte)Species.Vac) continue;
            int to = nearest ? cell.CationNeighbor(from, rng.Next(12)) : rng.Next(cations.Length);
            if (cations[to] == (byte)Species.Vac && (nearest || !cell.CationNeighbors(from).Contains(to))) return (from, to);
        }
        return (-1, -1);
    }

    /// <summary>Shortest periodic distance in units of a/2 (brute force over neighbouring images).</summary>
    private static double Distance(RockSaltSupercell cell, Int3 p, Int3 q)
    {
        double best = double.MaxValue;
        for (int i = -1; i <= 1; i++)
            for (int j = -1; j <= 1; j++)
                for (int k = -1; k <= 1; k++)
                {
                    var d = q - p + i * cell.T1 + j * cell.T2 + k * cell.T3;
                    best = Math.Min(best, Math.Sqrt(d.X * d.X + d.Y * d.Y + d.Z * d.Z));
                }
        return best;
    }
}
