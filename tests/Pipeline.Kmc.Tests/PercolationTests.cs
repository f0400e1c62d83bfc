using Pipeline.Kmc.Lattice;
using Pipeline.Kmc.Observables;
using Pipeline.Kmc.Percolation;
using Pipeline.RockSalt;
using Xunit.Abstractions;
using Pipeline.RockSalt.Sampling;

namespace Pipeline.Kmc.Tests;

public class PercolationTests(ITestOutputHelper output)
{
    [Fact]
    public void A_closed_loop_inside_the_cell_does_not_wrap_but_a_line_around_it_does()
    {
        var uf = new WrappingUnionFind(4);
        // A square 0-1-2-3-0 with unwrapped bonds summing to zero.
        uf.Union(0, 1, new Int3(1, 1, 0));
        uf.Union(1, 2, new Int3(1, -1, 0));
        uf.Union(2, 3, new Int3(-1, -1, 0));
        uf.Union(3, 0, new Int3(-1, 1, 0));
        Assert.Equal(0, uf.WrapMask(uf.Find(0)));

        // A chain whose bonds add up to (4, 0, 0): it closes only through a periodic image along x.
        var ring = new WrappingUnionFind(4);
        for (int k = 0; k < 4; k++) ring.Union(k, (k + 1) % 4, new Int3(1, 1, 0) - (k % 2 == 0 ? default : new Int3(0, 2, 0)));
        Assert.Equal(1, ring.WrapMask(ring.Find(2)));
        Assert.Equal(4, ring.Size(ring.Find(3)));
    }

    [Fact]
    public void Fcc_site_percolation_threshold_is_0_1992()
    {
        // Newman-Ziff first-wrap fraction on 4000-site cells: sd 0.013 per sample, 150 samples (error 0.001);
        // the wrap-along-any-axis estimate shows no finite-size shift at this precision (L = 10 and 16 agree).
        var cell = RockSaltSupercell.Cubic(10, 4.1);
        var samples = Repeat(cell, 150, order => SitePercolation.FirstWrapFraction(cell, order, WrapCriterion.AnyAxis));
        output.WriteLine($"p_c = {samples.Mean:F4} +- {samples.StandardError:F4} (Lorenz and Ziff 0.199236)");
        Assert.InRange(samples.Mean, 0.199236 - 0.005, 0.199236 + 0.005);
    }

    [Fact]
    public void Random_zero_tm_network_percolates_at_about_0_545_li_per_cation_site()
    {
        var cell = RockSaltSupercell.Cubic(10, 4.1);
        var index = new CubicSiteIndex(cell);
        var samples = Repeat(cell, 100, order => ZeroTmNetwork.FirstWrapLiFraction(index, cell.CationCount, order, WrapCriterion.AnyAxis));
        output.WriteLine($"0-TM threshold = {samples.Mean:F4} +- {samples.StandardError:F4} Li per cation site (Lee et al. about 0.545)");
        Assert.InRange(samples.Mean, 0.545 - 0.01, 0.545 + 0.01);
    }

    [Fact]
    public void Zero_tm_analysis_of_simple_configurations()
    {
        var cell = RockSaltSupercell.Cubic(3, 4.1);
        var index = new CubicSiteIndex(cell);
        var allLi = Enumerable.Repeat((byte)Species.Li, cell.CationCount).ToArray();
        var full = ZeroTmNetwork.Analyze(index, allLi);
        Assert.True(full.Percolates);
        Assert.Equal(1.0, full.LiFractionSpanning);
        Assert.Equal(7, full.WrapMask);

        // One Li among TM: no open tetrahedron at all.
        var lone = Enumerable.Repeat((byte)Species.V, cell.CationCount).ToArray();
        lone[5] = (byte)Species.Li;
        var r = ZeroTmNetwork.Analyze(index, lone);
        Assert.False(r.Percolates);
        Assert.Equal(0.0, r.LiFractionSpanning);

        // A Li plane z = 0 (all x, y) wraps along x and y, and a vacancy counts as non-TM.
        var plane = Enumerable.Repeat((byte)Species.V, cell.CationCount).ToArray();
        var planeSites = Enumerable.Range(0, cell.CationCount).Where(i => cell.CationPosition(i).Z is 0 or 1).ToArray();
        foreach (var i in planeSites) plane[i] = (byte)Species.Li;
        plane[planeSites[0]] = (byte)Species.Vac;
        var p = ZeroTmNetwork.Analyze(index, plane);
        Assert.True(p.Percolates);
        Assert.Equal(3, p.WrapMask);
        Assert.Equal(1.0, p.LiFractionSpanning);
    }

    private static MeanWithError Repeat(RockSaltSupercell cell, int repeats, Func<int[], double> sample)
    {
        var values = new List<double>();
        for (int r = 0; r < repeats; r++)
        {
            var order = Enumerable.Range(0, cell.CationCount).ToArray();
            new Xoshiro256((ulong)r + 1000).Shuffle<int>(order);
            values.Add(sample(order));
        }
        return MeanWithError.Of(values);
    }
}
