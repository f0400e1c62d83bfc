using Pipeline.ActiveLearning.Acquisition;
using Pipeline.ActiveLearning.Loop;
using Pipeline.Contracts;
using Pipeline.RockSalt;

namespace Pipeline.ActiveLearning.Tests;

public class AcquisitionTests
{
    private static readonly LassoSettings Settings = new(Cv: 5, NAlphas: 50, Eps: 1e-3, Tol: 1e-6, MaxIter: 5000);

    /// <summary>A scored pool: training = the first 40 candidates labelled by the synthesizer's barrier process,
    /// candidates = the rest; scaler fitted on the training rows.</summary>
    private static (List<double[]> ZTrain, List<double[]> ZCand, CandidateScore[] Scores) Scored(int ensembleSeed, double distanceWeight = 0.05)
    {
        var pool = TestPools.Pool(seed: 21).Candidates;
        var oracle = new SynthesisOracle(21);
        var x = pool.Select(c => c.Descriptors[..HopDescriptors.KraCount]).ToList();
        var y = pool.Select((c, i) => oracle.Kra(c.Descriptors, c.DeltaE, i)).ToArray();
        int n = 40;
        var mean = Enumerable.Range(0, x[0].Length).Select(j => x.Take(n).Average(r => r[j])).ToArray();
        var std = Enumerable.Range(0, x[0].Length).Select(j =>
        {
            double m = mean[j], v = x.Take(n).Average(r => (r[j] - m) * (r[j] - m));
            return v > 0 ? Math.Sqrt(v) : 1.0;
        }).ToArray();
        var space = new DescriptorSpace(mean, std);
        var zTrain = x.Take(n).Select(r => space.Standardize(r)).ToList();
        var zCand = x.Skip(n).Select(r => space.Standardize(r)).ToList();
        var ensemble = BarrierEnsemble.Fit(zTrain, y[..n], 0.005, Settings, 24, ensembleSeed, refitAlpha: false);
        var predicted = zCand.Select(z => ensemble.Predict(z).Mean).ToArray();
        return (zTrain, zCand, CandidateScorer.Score(zCand, predicted, ensemble, zTrain, distanceWeight));
    }

    [Fact]
    public void Ranking_is_deterministic_for_a_seed()
    {
        var a = Scored(7);
        var b = Scored(7);
        Assert.Equal(a.Scores, b.Scores);
        foreach (var strategy in new[] { SelectionStrategy.Uncertainty, SelectionStrategy.Diversity, SelectionStrategy.Random })
        {
            var pa = BatchSelector.Select(strategy, a.Scores, a.ZCand, a.ZTrain, 8, 1.0, seed: 3);
            var pb = BatchSelector.Select(strategy, b.Scores, b.ZCand, b.ZTrain, 8, 1.0, seed: 3);
            Assert.Equal(pa, pb);
        }
        // Another bootstrap seed changes the spreads; another seed changes the random batch.
        Assert.NotEqual(a.Scores.Select(s => s.Spread), Scored(8).Scores.Select(s => s.Spread));
        Assert.NotEqual(BatchSelector.Select(SelectionStrategy.Random, a.Scores, a.ZCand, a.ZTrain, 8, 1.0, 3).Select(p => p.Index),
            BatchSelector.Select(SelectionStrategy.Random, a.Scores, a.ZCand, a.ZTrain, 8, 1.0, 4).Select(p => p.Index));
    }

    /// <summary>Uncertainty picks are in non-increasing score order, pairwise at least min_distance apart, and every
    /// candidate skipped with a higher score than a pick lies within min_distance of an earlier pick.</summary>
    [Fact]
    public void The_uncertainty_batch_obeys_the_diversity_rule()
    {
        var (zTrain, zCand, scores) = Scored(7);
        const double minDistance = 1.5;
        var picks = BatchSelector.Select(SelectionStrategy.Uncertainty, scores, zCand, zTrain, 10, minDistance, 1);
        Assert.Equal(10, picks.Count);
        Assert.All(picks, p => Assert.False(p.DiversityRelaxed));
        for (int i = 0; i < picks.Count; i++)
        {
            for (int j = 0; j < i; j++)
                Assert.True(DescriptorSpace.Distance(zCand[picks[i].Index], zCand[picks[j].Index]) >= minDistance);
            if (i > 0) Assert.True(scores[picks[i].Index].Score <= scores[picks[i - 1].Index].Score);
        }
        var chosen = picks.Select(p => p.Index).ToHashSet();
        double lowest = scores[picks[^1].Index].Score;
        foreach (var s in scores.Where(s => s.Score > lowest && !chosen.Contains(s.Index)))
            Assert.Contains(picks, p => scores[p.Index].Score >= s.Score && DescriptorSpace.Distance(zCand[s.Index], zCand[p.Index]) < minDistance);
        // Without the rule the same scores would pick exact duplicates (the descriptors are counts).
        var loose = BatchSelector.Select(SelectionStrategy.Uncertainty, scores, zCand, zTrain, 10, 0.0, 1);
        Assert.Contains(loose, p => p.NearestPickDistance < minDistance);
    }

    /// <summary>Diversity picks follow greedy max-min: each pick is at least as far from the training set and the
    /// earlier picks as any candidate left.</summary>
    [Fact]
    public void The_diversity_batch_is_greedy_max_min()
    {
        var (zTrain, zCand, scores) = Scored(7);
        var picks = BatchSelector.Select(SelectionStrategy.Diversity, scores, zCand, zTrain, 6, 0, 1);
        var anchors = new List<double[]>(zTrain);
        var taken = new HashSet<int>();
        foreach (var p in picks)
        {
            double mine = DescriptorSpace.NearestDistance(zCand[p.Index], anchors);
            for (int i = 0; i < zCand.Count; i++)
                if (!taken.Contains(i)) Assert.True(DescriptorSpace.NearestDistance(zCand[i], anchors) <= mine + 1e-12);
            anchors.Add(zCand[p.Index]);
            taken.Add(p.Index);
        }
    }

    /// <summary>The ensemble spread grows away from the data: a point far outside the training range gets a larger
    /// spread than the training centroid (bootstrap slopes differ, so their predictions fan out).</summary>
    [Fact]
    public void The_bootstrap_spread_grows_with_extrapolation()
    {
        var rng = new Random(1);
        var rows = Enumerable.Range(0, 60).Select(_ => new[] { rng.NextDouble() * 2 - 1, rng.NextDouble() * 2 - 1 }).ToList();
        var y = rows.Select(r => 0.5 + 0.3 * r[0] - 0.2 * r[1] + 0.05 * (rng.NextDouble() - 0.5)).ToArray();
        var ensemble = BarrierEnsemble.Fit(rows, y, 1e-4, Settings, 64, 5, refitAlpha: false);
        var (centreMean, centreSpread) = ensemble.Predict([0, 0]);
        var (_, farSpread) = ensemble.Predict([8, -8]);
        Assert.Equal(0.5, centreMean, 1);
        Assert.True(farSpread > 4 * centreSpread, $"far {farSpread} vs centre {centreSpread}");
    }

    [Fact]
    public void An_unknown_strategy_is_refused_by_name()
        => Assert.Contains("strategy", Assert.Throws<ArgumentException>(() => BatchSelector.Parse("greedy")).Message);
}
