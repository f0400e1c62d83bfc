using Pipeline.ActiveLearning.Loop;

namespace Pipeline.ActiveLearning.Tests;

public class LoopSummaryTests
{
    private static CurvePoint P(long seed, string s, int n, double truth) => new(seed, s, 0, n, 0.05, truth, 0.01, 5);

    /// <summary>Hand-computed: random's seed-averaged curve ends at 0.030 after 100; uncertainty's averaged curve
    /// first reaches it at 60 (fraction 0.6); per seed, seed 1 reaches its own random final (0.028) at 60 and seed
    /// 2 (0.032) at 40.</summary>
    [Fact]
    public void Calculations_to_random_final_error_by_hand()
    {
        var points = new List<CurvePoint>
        {
            P(1, "random", 20, 0.060), P(1, "random", 60, 0.035), P(1, "random", 100, 0.028),
            P(2, "random", 20, 0.060), P(2, "random", 60, 0.040), P(2, "random", 100, 0.032),
            P(1, "uncertainty", 20, 0.060), P(1, "uncertainty", 40, 0.040), P(1, "uncertainty", 60, 0.027), P(1, "uncertainty", 100, 0.025),
            P(2, "uncertainty", 20, 0.060), P(2, "uncertainty", 40, 0.031), P(2, "uncertainty", 60, 0.033), P(2, "uncertainty", 100, 0.030),
        };
        var s = LoopSummary.Compute(points, 0.6);
        Assert.Equal(0.030, s.RandomFinalTruthRmse, 12);
        var u = s.Strategies.Single(r => r.Strategy == "uncertainty");
        Assert.Equal(60, u.CalculationsToRandomFinal);
        Assert.Equal(0.6, u.FractionOfRandom, 12);
        Assert.Equal(2, u.SeedsReaching);
        Assert.Equal((0.6 + 0.4) / 2, u.PerSeedFractionMean, 12);
        Assert.True(s.TargetMet);
        var r = s.Strategies.Single(x => x.Strategy == "random");
        Assert.Equal(100, r.CalculationsToRandomFinal);
        Assert.Equal(1.0, r.FractionOfRandom, 12);
    }

    [Fact]
    public void A_strategy_that_never_reaches_it_reports_never()
    {
        var points = new List<CurvePoint>
        {
            P(1, "random", 20, 0.06), P(1, "random", 40, 0.03),
            P(1, "uncertainty", 20, 0.06), P(1, "uncertainty", 40, 0.04),
        };
        var s = LoopSummary.Compute(points, 0.6);
        var u = s.Strategies.Single(r => r.Strategy == "uncertainty");
        Assert.Null(u.CalculationsToRandomFinal);
        Assert.Equal(0, u.SeedsReaching);
        Assert.False(s.TargetMet);
    }

    /// <summary>A tiny loop (one seed, two batches) is reproducible and labels the sizes it says.</summary>
    [Fact]
    public void A_small_loop_is_deterministic()
    {
        var o = new LoopOptions { Seeds = [4], InitialSize = 12, BatchSize = 4, Batches = 2, Snapshots = 2, HopsPerSnapshot = 20, TestHopsPerSnapshot = 10, Replicates = 8 };
        var a = LoopBenchmark.Run(o);
        var b = LoopBenchmark.Run(o);
        Assert.Equal(a, b);
        Assert.Equal(3 * 3, a.Count);
        Assert.Equal([12, 16, 20], a.Where(p => p.Strategy == "uncertainty").Select(p => p.Calculations));
        Assert.All(a, p => Assert.InRange(p.TruthRmse, 0.001, 1.0));
        // Every strategy starts from the same random set.
        Assert.Single(a.Where(p => p.Round == 0).Select(p => p.TruthRmse).Distinct());
    }
}
