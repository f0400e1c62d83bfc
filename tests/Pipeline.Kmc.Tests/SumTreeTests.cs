using Pipeline.Kmc.Selection;
using Pipeline.RockSalt.Sampling;

namespace Pipeline.Kmc.Tests;

public class SumTreeTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(65)]
    [InlineData(1000)]
    [InlineData(4097)]
    public void Random_updates_keep_the_total_and_the_cumulative_intervals_of_a_brute_force_array(int count)
    {
        var rng = new Random(count);
        var tree = new SumTree(count);
        var brute = new double[count];
        for (int step = 0; step < 3000; step++)
        {
            int i = rng.Next(count);
            double w = rng.NextDouble() < 0.2 ? 0.0 : rng.NextDouble() * Math.Pow(10, rng.Next(-3, 4));
            tree.Set(i, w);
            brute[i] = w;
            if (step % 100 != 0) continue;

            double total = brute.Sum();
            Assert.Equal(total, tree.Total, total * 1e-12);
            if (total == 0) continue;
            // Every target lands in the leaf whose brute-force cumulative interval contains it.
            for (int probe = 0; probe < 20; probe++)
            {
                double target = rng.NextDouble() * total;
                int leaf = tree.Sample(target, out double residual);
                double before = brute.Take(leaf).Sum();
                Assert.True(brute[leaf] > 0, "sampled a zero-weight leaf");
                Assert.InRange(target, before - total * 1e-9, before + brute[leaf] + total * 1e-9);
                Assert.InRange(residual, -total * 1e-9, brute[leaf] + total * 1e-9);
            }
        }
    }

    [Fact]
    public void Fill_matches_individual_sets()
    {
        var rng = new Random(3);
        var w = Enumerable.Range(0, 777).Select(_ => rng.NextDouble()).ToArray();
        var a = new SumTree(w.Length);
        a.Fill(w);
        var b = new SumTree(w.Length);
        for (int i = 0; i < w.Length; i++) b.Set(i, w[i]);
        Assert.Equal(b.Total, a.Total);
        for (int k = 0; k < 100; k++)
        {
            double t = rng.NextDouble() * a.Total;
            Assert.Equal(b.Sample(t), a.Sample(t));
        }
    }

    [Fact]
    public void Sampling_frequencies_follow_the_weights()
    {
        // Pearson chi-square over the 10 positive leaves (9 dof) with very different weights.
        double[] weights = [1, 2, 0, 4, 8, 0.5, 3, 0, 6, 1.5, 10, 0.25];
        var tree = new SumTree(weights.Length);
        tree.Fill(weights);
        var rng = new Xoshiro256(11);
        const int draws = 400_000;
        var counts = new long[weights.Length];
        for (int k = 0; k < draws; k++) counts[tree.Sample(rng.NextDouble() * tree.Total)]++;
        double total = weights.Sum(), chi2 = 0;
        int dof = -1;
        for (int i = 0; i < weights.Length; i++)
        {
            if (weights[i] == 0) { Assert.Equal(0, counts[i]); continue; }
            double expected = draws * weights[i] / total;
            chi2 += (counts[i] - expected) * (counts[i] - expected) / expected;
            dof++;
        }
        Assert.Equal(9, dof);
        Assert.True(chi2 < 27.88, $"chi2 = {chi2} for 9 dof (0.999 quantile 27.88)");
    }

    [Fact]
    public void Rounding_past_the_end_falls_on_the_last_positive_leaf()
    {
        var tree = new SumTree(20);
        tree.Set(3, 1.0);
        tree.Set(12, 2.0);
        Assert.Equal(12, tree.Sample(tree.Total));
        Assert.Equal(12, tree.Sample(tree.Total * (1 + 1e-15)));
    }

    [Fact]
    public void Negative_or_nan_weights_are_rejected()
    {
        var tree = new SumTree(4);
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.Set(0, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.Set(0, double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.Set(4, 1));
    }
}
