using Pipeline.ClusterExpansion;
using Pipeline.RockSalt;

namespace Pipeline.ClusterExpansion.Tests;

public class SymmetryTests
{
    /// <summary>Cubic supercells are invariant under Oh and all fcc translations, so the image of a configuration
    /// under any space-group operation is a configuration of the same supercell with the same correlations.</summary>
    [Fact]
    public void Symmetry_equivalent_configurations_have_equal_correlation_vectors()
    {
        var space = TestConfigurations.DefaultSpace;
        var cell = RockSaltSupercell.Cubic(3, TestConfigurations.A);
        var lookup = new SiteLookup(cell, space.Padding);
        var rng = new Random(11);
        var (cations, anions) = TestConfigurations.Random(cell, rng);
        var reference = CorrelationFunctions.Compute(space, lookup, cations, anions);
        for (int op = 0; op < PointGroup.Count; op++)
        {
            // Any fcc translation (even coordinate sum).
            var t = new Int3(rng.Next(-6, 7), rng.Next(-6, 7), 0);
            t = new Int3(t.X, t.Y, (t.X + t.Y) % 2 == 0 ? 2 * rng.Next(-3, 4) : 2 * rng.Next(-3, 4) + 1);
            var (c2, a2) = Transform(cell, cations, anions, op, t);
            var image = CorrelationFunctions.Compute(space, lookup, c2, a2);
            for (int f = 0; f < reference.Length; f++)
                Assert.True(Math.Abs(reference[f] - image[f]) < 1e-12,
                    $"operation {op}, translation {t}: function {space.Functions[f].Label} {reference[f]} vs {image[f]}");
        }
    }

    /// <summary>The check above can fail: a swap of two different species changes some correlation.</summary>
    [Fact]
    public void A_swap_changes_the_correlation_vector()
    {
        var space = TestConfigurations.DefaultSpace;
        var cell = RockSaltSupercell.Cubic(3, TestConfigurations.A);
        var (cations, anions) = TestConfigurations.Random(cell, new Random(5));
        var before = CorrelationFunctions.Compute(space, cell, cations, anions);
        int li = Array.IndexOf(cations, (byte)Species.Li), v = Array.IndexOf(cations, (byte)Species.V);
        (cations[li], cations[v]) = (cations[v], cations[li]);
        var after = CorrelationFunctions.Compute(space, cell, cations, anions);
        Assert.Contains(Enumerable.Range(0, before.Length), f => Math.Abs(before[f] - after[f]) > 1e-6);
    }

    [Fact]
    public void Point_correlations_are_site_averages_of_the_basis_functions()
    {
        var space = TestConfigurations.DefaultSpace;
        var cell = RockSaltSupercell.Primitive(3, 4, 4, TestConfigurations.A);
        var (cations, anions) = TestConfigurations.Random(cell, new Random(3));
        var corr = CorrelationFunctions.Compute(space, cell, cations, anions);
        double fluorine = anions.Count(a => a == (byte)Species.F) / (double)anions.Length;
        var anionPoint = space.Functions.Single(f => space.Orbits[f.OrbitIndex].Order == 1 && space.Orbits[f.OrbitIndex].SublatticeLabel == "a");
        Assert.Equal(2 * fluorine - 1, corr[anionPoint.Index], 12); // Theta(O) = -1, Theta(F) = +1
    }

    private static (byte[], byte[]) Transform(RockSaltSupercell cell, byte[] cations, byte[] anions, int op, Int3 t)
    {
        var c2 = new byte[cations.Length];
        var a2 = new byte[anions.Length];
        for (int i = 0; i < cations.Length; i++)
            c2[cell.CationIndex(PointGroup.Apply(op, cell.CationPosition(i)) + t)] = cations[i];
        for (int j = 0; j < anions.Length; j++)
            a2[cell.AnionIndex(PointGroup.Apply(op, cell.AnionPosition(j)) + t)] = anions[j];
        return (c2, a2);
    }
}
