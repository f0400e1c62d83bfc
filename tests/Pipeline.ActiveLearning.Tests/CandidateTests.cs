using Pipeline.ActiveLearning.Candidates;
using Pipeline.ClusterExpansion;
using Pipeline.RockSalt;

namespace Pipeline.ActiveLearning.Tests;

public class CandidateTests
{
    /// <summary>The snapshots the candidates come from sit on the CE's canonical equilibrium: an independent long
    /// chain (other seed) gives the mean and spread of the energy per site, and every snapshot lies within the
    /// spread, their mean within a few standard errors. Random (infinite-temperature) configurations of the same
    /// composition lie far above, so the check can tell the two apart.</summary>
    [Fact]
    public void Candidate_configurations_sit_on_the_canonical_equilibrium()
    {
        const double t = 800;
        var pool = TestPools.Pool(seed: 11, temperature: t, snapshots: 8, hops: 5);
        var evaluator = new CeEvaluator(TestPools.Ce, TestPools.Cell);
        foreach (var chain in pool.Chains)
        {
            var counts = SiteCounts.For(chain.X, TestPools.Cell.CationCount);
            var rng = new Random(987);
            var (c, a) = counts.Ordered();
            rng.Shuffle(c);
            rng.Shuffle(a);
            double randomEnergy = evaluator.TotalEnergy(c, a) / TestPools.Cell.CationCount;
            var mc = new CanonicalMonteCarlo(evaluator, new MonteCarloOptions { EquilibrationSweeps = 200 });
            var reference = mc.Run(c, a, t, 1000, rng);
            var perSite = reference.SweepEnergies.Select(e => e / TestPools.Cell.CationCount).ToArray();
            double mean = perSite.Average();
            double sd = Math.Sqrt(perSite.Average(e => (e - mean) * (e - mean)));

            foreach (double e in chain.SnapshotEnergiesPerSite)
                Assert.InRange(e, mean - 4 * sd, mean + 4 * sd);
            double snapshotMean = chain.SnapshotEnergiesPerSite.Average();
            // Snapshots 10 sweeps apart are nearly independent at this size; 3 standard errors plus slack for correlation.
            Assert.InRange(snapshotMean, mean - 3 * sd / Math.Sqrt(chain.SnapshotEnergiesPerSite.Length) - 0.25 * sd,
                mean + 3 * sd / Math.Sqrt(chain.SnapshotEnergiesPerSite.Length) + 0.25 * sd);
            Assert.True(randomEnergy > mean + 4 * sd, $"x = {chain.X}: a random configuration ({randomEnergy:F4}) is not above the equilibrium ({mean:F4} +- {sd:F4})");
        }
        // The candidates carry the energy of their own snapshot.
        foreach (var hop in pool.Candidates)
            Assert.Equal(evaluator.TotalEnergy(hop.Cations, hop.Anions) / TestPools.Cell.CationCount, hop.EnergyPerSite, 9);
    }

    /// <summary>Each candidate is a Li next to a vacancy with the composition asked for; its dE equals the
    /// difference of two full CE evaluations (not the local delta the generator used) and its descriptors are
    /// those of the configuration.</summary>
    [Fact]
    public void Candidates_are_li_vacancy_hops_with_consistent_descriptors()
    {
        var pool = TestPools.Pool(seed: 5);
        var evaluator = new CeEvaluator(TestPools.Ce, TestPools.Cell);
        // Per snapshot: all Li-vacancy NN pairs when there are at most 30, else 30 of them.
        foreach (var group in pool.Candidates.GroupBy(h => (h.RequestedX, h.Snapshot)))
        {
            var first = group.First();
            int pairs = 0;
            for (int i = 0; i < first.Cations.Length; i++)
                if (first.Cations[i] == (byte)Species.Li)
                    foreach (int k in TestPools.Cell.CationNeighbors(i)) pairs += first.Cations[k] == (byte)Species.Vac ? 1 : 0;
            Assert.Equal(Math.Min(30, pairs), group.Count());
            Assert.Equal(group.Count(), group.Select(h => h.Id).Distinct().Count());
        }
        foreach (var hop in pool.Candidates.Take(40))
        {
            Assert.Equal((byte)Species.Li, hop.Cations[hop.Anatomy.Initial]);
            Assert.Equal((byte)Species.Vac, hop.Cations[hop.Anatomy.Final]);
            var counts = SiteCounts.For(hop.RequestedX, TestPools.Cell.CationCount);
            Assert.Equal(counts.Vacancies, hop.Cations.Count(s => s == (byte)Species.Vac));
            Assert.Equal(counts.F, hop.Anions.Count(s => s == (byte)Species.F));
            var final = (byte[])hop.Cations.Clone();
            (final[hop.Anatomy.Initial], final[hop.Anatomy.Final]) = (final[hop.Anatomy.Final], final[hop.Anatomy.Initial]);
            double full = evaluator.TotalEnergy(final, hop.Anions) - evaluator.TotalEnergy(hop.Cations, hop.Anions);
            Assert.Equal(full, hop.DeltaE, 9);
            var expected = new double[HopDescriptors.Count];
            HopDescriptors.Compute(hop.Anatomy, hop.Cations, hop.Anions, full, expected);
            for (int k = 0; k < HopDescriptors.KraCount; k++) Assert.Equal(expected[k], hop.Descriptors[k]);
        }
    }

    [Fact]
    public void Generation_is_deterministic_for_a_seed_and_differs_between_seeds()
    {
        var a = TestPools.Pool(seed: 3);
        var b = TestPools.Pool(seed: 3);
        var c = TestPools.Pool(seed: 4);
        Assert.Equal(a.Candidates.Select(h => h.Id), b.Candidates.Select(h => h.Id));
        Assert.Equal(a.Candidates.SelectMany(h => h.Descriptors), b.Candidates.SelectMany(h => h.Descriptors));
        Assert.NotEqual(a.Candidates.Select(h => h.Id), c.Candidates.Select(h => h.Id));
    }

    [Fact]
    public void A_composition_without_vacancies_is_refused_with_the_param_name()
    {
        var e = Assert.Throws<ArgumentException>(() => SiteCounts.For(0.01, TestPools.Cell.CationCount));
        Assert.Contains("compositions", e.Message);
    }
}
