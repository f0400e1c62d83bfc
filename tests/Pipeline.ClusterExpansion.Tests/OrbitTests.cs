using Pipeline.ClusterExpansion;
using Pipeline.RockSalt;

namespace Pipeline.ClusterExpansion.Tests;

/// <summary>Multiplicity convention: <see cref="Orbit.Multiplicity"/> is clusters per primitive cell;
/// <see cref="Orbit.ClustersPerSite"/> is clusters containing a given site (the coordination number for pairs).</summary>
public class OrbitTests
{
    private static Orbit[] Pairs(Sublattice a, Sublattice b)
        => TestConfigurations.DefaultSpace.Orbits
            .Where(o => o.Order == 2 && o.SiteSublattices.Contains(a) && o.SiteSublattices.Contains(b)
                        && (a != b || o.SiteSublattices.All(s => s == a)))
            .ToArray();

    [Fact]
    public void Fcc_cation_pair_shells_have_coordination_12_6_24_12()
    {
        var shells = Pairs(Sublattice.Cation, Sublattice.Cation);
        Assert.Equal([12, 6, 24, 12], shells.Select(o => o.ClustersPerSite(Sublattice.Cation)));
        Assert.Equal([6, 3, 12, 6], shells.Select(o => o.Multiplicity));
        Assert.Equal([Math.Sqrt(0.5), 1.0, Math.Sqrt(1.5), Math.Sqrt(2.0)], shells.Select(o => o.Diameter));
    }

    [Fact]
    public void Anion_pairs_mirror_the_cation_shells_and_cation_anion_shells_are_6_8_24()
    {
        Assert.Equal([12, 6, 24, 12], Pairs(Sublattice.Anion, Sublattice.Anion).Select(o => o.ClustersPerSite(Sublattice.Anion)));
        var mixed = Pairs(Sublattice.Cation, Sublattice.Anion);
        Assert.Equal([6, 8, 24], mixed.Select(o => o.ClustersPerSite(Sublattice.Cation)));
        Assert.Equal([0.5, Math.Sqrt(0.75), Math.Sqrt(1.25)], mixed.Select(o => o.Diameter));
    }

    /// <summary>Independent count: every set of lattice points containing the origin whose sites are pairwise
    /// within the cutoff, found by brute force, must be covered by the orbits exactly (sum of clusters per site).</summary>
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Clusters_per_site_add_up_to_a_brute_force_count(int size)
    {
        var space = TestConfigurations.DefaultSpace;
        double cutoff = TestConfigurations.DefaultCutoffs[size - 2];
        foreach (var origin in new[] { new Int3(0, 0, 0), new Int3(1, 0, 0) })
        {
            int maxSquared = (int)Math.Floor(4 * cutoff * cutoff + 1e-9);
            var near = new List<Int3>();
            for (int x = -3; x <= 3; x++)
                for (int y = -3; y <= 3; y++)
                    for (int z = -3; z <= 3; z++)
                    {
                        var d = new Int3(x, y, z);
                        if (d != default && d.Dot(d) <= maxSquared) near.Add(origin + d);
                    }
            int count = Combinations(near, size - 1).Count(c => c.All(p => c.All(q => (p - q).Dot(p - q) <= maxSquared)));
            var sublattice = origin.IsCationSite ? Sublattice.Cation : Sublattice.Anion;
            int expected = space.Orbits.Where(o => o.Order == size).Sum(o => o.ClustersPerSite(sublattice));
            Assert.Equal(count, expected);
        }
    }

    [Fact]
    public void Nearest_neighbour_triangles_and_tetrahedra_of_fcc_are_found()
    {
        var orbits = TestConfigurations.DefaultSpace.Orbits;
        var triangle = Assert.Single(orbits, o => o.Order == 3 && o.SublatticeLabel == "ccc");
        Assert.Equal(24, triangle.ClustersPerSite(Sublattice.Cation)); // 12 NN x 4 common NN / 2
        Assert.Equal(6, triangle.Permutations.Count);                  // equilateral: all 3! orderings
        var tetrahedron = Assert.Single(orbits, o => o.Order == 4 && o.SublatticeLabel == "cccc");
        Assert.Equal(2, tetrahedron.Multiplicity);                      // 2 tetrahedra per fcc site
        Assert.Equal(24, tetrahedron.Permutations.Count);
    }

    [Fact]
    public void Decoration_classes_follow_the_cluster_symmetry()
    {
        var orbits = TestConfigurations.DefaultSpace.Orbits;
        var ccPair = orbits.First(o => o.Order == 2 && o.SublatticeLabel == "cc");
        // Two cation functions on a symmetric pair: (1,1), {(1,2),(2,1)}, (2,2).
        Assert.Equal(["1,1", "1,2", "2,2"], ccPair.Decorations.Select(d => d.Label));
        var caPair = orbits.First(o => o.Order == 2 && o.SublatticeLabel == "ca");
        Assert.Equal(["1,1", "2,1"], caPair.Decorations.Select(d => d.Label));
        var tetrahedron = orbits.Single(o => o.SublatticeLabel == "cccc");
        Assert.Equal(5, tetrahedron.Decorations.Count); // number of 1s among 4 equivalent sites: 0..4
    }

    private static IEnumerable<Int3[]> Combinations(List<Int3> items, int k, int start = 0)
    {
        if (k == 0)
        {
            yield return [];
            yield break;
        }
        for (int i = start; i < items.Count; i++)
            foreach (var rest in Combinations(items, k - 1, i + 1))
                yield return [items[i], .. rest];
    }
}
