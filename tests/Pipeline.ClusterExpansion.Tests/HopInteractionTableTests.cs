using Pipeline.ClusterExpansion;
using Pipeline.RockSalt;

namespace Pipeline.ClusterExpansion.Tests;

/// <summary>The combined per-direction tables of <see cref="CeEvaluator.HopInteraction(ReadOnlySpan{byte}, ReadOnlySpan{byte}, int, int, int)"/>
/// against the cluster-by-cluster sum they replace, on random configurations (Li and V movers, table-lookup and
/// affine-indexed sites, small cells with periodic images), and the fallback for spaces whose tables would be too
/// large, checked against HopDelta (the decomposition of FlipDecompositionTests).</summary>
public class HopInteractionTableTests
{
    public static TheoryData<string, string> Cases => new()
    {
        { "pairs", "cubic3" },
        { "default", "cubic4" },       // conventional: interior sites take the affine path
        { "default", "primitive566" }, // table lookups only
        { "default", "cubic2" },       // periodic images: several slots read the same site
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Table_and_cluster_by_cluster_sums_agree(string space, string cellName)
    {
        var evaluator = new CeEvaluator(TestConfigurations.RandomModel(FlipTestCells.Spaces[space], seed: 17), FlipTestCells.Cell(cellName));
        Assert.Equal(12, evaluator.NeighbourTableDirections); // these spaces stay within the size limit
        var cell = evaluator.Cell;
        var rng = new Random(cellName.Length * 13 + space.Length);
        int checkedHops = 0;
        var movers = new HashSet<byte>();
        for (int configuration = 0; configuration < 20; configuration++)
        {
            var (cations, anions) = TestConfigurations.Random(cell, rng, vacancy: 0.3, lithium: 0.35, fluorine: 0.4);
            for (int to = 0; to < cations.Length; to++)
            {
                if (cations[to] != (byte)Species.Vac) continue;
                for (int direction = 0; direction < 12; direction++)
                {
                    int from = cell.CationNeighbor(to, direction);
                    if (cations[from] == (byte)Species.Vac) continue;
                    double table = evaluator.HopInteraction(cations, anions, from, to, direction);
                    double terms = evaluator.HopInteractionByTerms(cations, anions, from, to, direction);
                    Assert.True(Math.Abs(table - terms) <= 1e-12,
                        $"{space}/{cellName}: hop {from} -> {to} ({(Species)cations[from]}): table {table:R}, terms {terms:R}");
                    movers.Add(cations[from]);
                    checkedHops++;
                }
            }
        }
        Assert.True(checkedHops >= 500, $"only {checkedHops} hops were compared");
        Assert.Equal(2, movers.Count); // Li and V both moved
    }

    /// <summary>Triplets to 1.05 a: the clusters holding an NN pair reach more other sites than a table of 4096
    /// codes covers, so no table is built and the cluster-by-cluster sum must still give flips + C = HopDelta.</summary>
    [Fact]
    public void Spaces_with_too_large_tables_fall_back_to_the_cluster_sum()
    {
        var space = ClusterSpace.Generate([1.1, 1.05, 0.75]);
        var evaluator = new CeEvaluator(TestConfigurations.RandomModel(space, seed: 23), RockSaltSupercell.Cubic(4, TestConfigurations.A));
        Assert.Equal(0, evaluator.NeighbourTableDirections);
        var cell = evaluator.Cell;
        var rng = new Random(29);
        var (cations, anions) = TestConfigurations.Random(cell, rng, vacancy: 0.3);
        int hops = 0;
        for (int to = 0; to < cations.Length && hops < 150; to += 3)
        {
            if (cations[to] != (byte)Species.Vac) continue;
            for (int direction = 0; direction < 12; direction++)
            {
                int from = cell.CationNeighbor(to, direction);
                if (cations[from] == (byte)Species.Vac) continue;
                double c = evaluator.HopInteraction(cations, anions, from, to, direction);
                double decomposed = evaluator.SiteFlipDelta(cations, anions, from, (byte)Species.Vac)
                                    + evaluator.SiteFlipDelta(cations, anions, to, cations[from]) + c;
                double hop = evaluator.HopDelta(cations, anions, from, to);
                Assert.True(Math.Abs(decomposed - hop) < 1e-10, $"hop {from} -> {to}: decomposed {decomposed:R}, HopDelta {hop:R}");
                hops++;
            }
        }
        Assert.True(hops >= 100, $"only {hops} hops were tried");
    }
}
