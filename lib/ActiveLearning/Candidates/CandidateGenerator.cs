using System.Globalization;
using Pipeline.ClusterExpansion;
using Pipeline.RockSalt;

namespace Pipeline.ActiveLearning.Candidates;

/// <summary>The candidate pool: hops drawn from configurations the cluster expansion equilibrated with canonical
/// Monte Carlo at the synthesis temperature (the short-range order a real sample has), not from random ones. The
/// snapshot energies per site are kept so a caller can check that the pool sits on the CE's equilibrium.</summary>
public static class CandidateGenerator
{
    /// <summary>Draws the pool; deterministic for a seed (one independent stream per composition).</summary>
    public static CandidatePool Generate(CeModel ce, RockSaltSupercell cell, CandidateOptions options)
    {
        options.Validate();
        var evaluator = new CeEvaluator(ce, cell);
        var mc = new CanonicalMonteCarlo(evaluator);
        var candidates = new List<HopCandidate>();
        var chains = new List<ChainSummary>();
        for (int c = 0; c < options.Compositions.Count; c++)
        {
            double x = options.Compositions[c];
            var counts = SiteCounts.For(x, cell.CationCount);
            var rng = new Random(StreamSeed(options.Seed, c));
            var (cations, anions) = counts.Ordered();
            rng.Shuffle(cations);
            rng.Shuffle(anions);
            var burnIn = mc.Run(cations, anions, options.Temperature, options.EquilibrationSweeps, rng);
            var snapshotEnergies = new double[options.Snapshots];
            var sweepEnergies = new List<double>();
            for (int s = 0; s < options.Snapshots; s++)
            {
                var run = mc.Run(cations, anions, options.Temperature, options.SweepsBetweenSnapshots, rng);
                sweepEnergies.AddRange(run.SweepEnergies);
                double perSite = run.FinalEnergy / cell.CationCount;
                snapshotEnergies[s] = perSite;
                AddHops(candidates, evaluator, cell, cations, anions, x, counts.ActualX, s, perSite, options.HopsPerSnapshot, rng);
            }
            chains.Add(new ChainSummary(x, counts.ActualX, burnIn.FinalEnergy / cell.CationCount,
                sweepEnergies.Select(e => e / cell.CationCount).ToArray(), snapshotEnergies));
        }
        return new CandidatePool(candidates, chains);
    }

    /// <summary>Seed of composition <paramref name="index"/>'s stream: a SplitMix64 step of (seed, index), so
    /// neighbouring seeds give unrelated chains.</summary>
    public static int StreamSeed(long seed, int index)
    {
        ulong z = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL + (ulong)(index + 1) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return (int)((z ^ (z >> 31)) & int.MaxValue);
    }

    private static void AddHops(List<HopCandidate> into, CeEvaluator evaluator, RockSaltSupercell cell,
        byte[] cations, byte[] anions, double x, double actualX, int snapshot, double energyPerSite, int limit, Random rng)
    {
        var hops = new List<(int Initial, int Direction)>();
        for (int i = 0; i < cations.Length; i++)
        {
            if (cations[i] != (byte)Species.Li) continue;
            var nn = cell.CationNeighbors(i);
            for (int d = 0; d < 12; d++)
                if (cations[nn[d]] == (byte)Species.Vac) hops.Add((i, d));
        }
        if (limit > 0 && hops.Count > limit)
        {
            // Partial Fisher-Yates: a uniform subset, then back in site order so ids read naturally.
            for (int k = 0; k < limit; k++)
            {
                int j = k + rng.Next(hops.Count - k);
                (hops[k], hops[j]) = (hops[j], hops[k]);
            }
            hops = hops.Take(limit).OrderBy(h => h.Initial).ThenBy(h => h.Direction).ToList();
        }
        var snapshotCations = (byte[])cations.Clone();
        var snapshotAnions = (byte[])anions.Clone();
        foreach (var (initial, direction) in hops)
        {
            var anatomy = new HopAnatomy();
            cell.Anatomy(initial, direction, ref anatomy);
            double dE = evaluator.HopDelta(snapshotCations, snapshotAnions, anatomy.Initial, anatomy.Final);
            var descriptors = new double[HopDescriptors.Count];
            bool t1Up = HopDescriptors.Compute(anatomy, snapshotCations, snapshotAnions, dE, descriptors);
            into.Add(new HopCandidate
            {
                Id = string.Create(CultureInfo.InvariantCulture, $"x{x:0.####}-s{snapshot}-i{initial}-d{direction}"),
                RequestedX = x,
                ActualX = actualX,
                Snapshot = snapshot,
                Cations = snapshotCations,
                Anions = snapshotAnions,
                Anatomy = anatomy,
                T1IsUp = t1Up,
                Descriptors = descriptors,
                EnergyPerSite = energyPerSite,
            });
        }
    }
}

/// <summary>The Monte Carlo chain of one composition: burn-in end energy, the energy after every sampled sweep and
/// at every snapshot, all per cation site (eV).</summary>
public sealed record ChainSummary(double X, double ActualX, double BurnInEnergyPerSite, double[] SweepEnergiesPerSite,
    double[] SnapshotEnergiesPerSite);

/// <summary>The candidates with the chains they came from.</summary>
public sealed record CandidatePool(IReadOnlyList<HopCandidate> Candidates, IReadOnlyList<ChainSummary> Chains);
