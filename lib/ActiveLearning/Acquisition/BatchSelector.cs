namespace Pipeline.ActiveLearning.Acquisition;

/// <summary>How a batch is chosen.</summary>
public enum SelectionStrategy
{
    /// <summary>Highest score first, skipping any candidate closer than the minimum distance to one already chosen.</summary>
    Uncertainty,
    /// <summary>Greedy max-min: each pick is the candidate farthest from the training set and the picks so far (ties: higher score).</summary>
    Diversity,
    /// <summary>A seeded uniform draw: the baseline the others must beat.</summary>
    Random,
}

/// <summary>One chosen candidate: its rank in the batch and why (the rule that admitted it).</summary>
public sealed record BatchPick(int Rank, int Index, double NearestPickDistance, bool DiversityRelaxed);

/// <summary>Chooses a batch of candidates. Deterministic: ties break by candidate index, the random strategy draws
/// from its own seeded stream.</summary>
public static class BatchSelector
{
    public static SelectionStrategy Parse(string name) => name switch
    {
        "uncertainty" => SelectionStrategy.Uncertainty,
        "diversity" => SelectionStrategy.Diversity,
        "random" => SelectionStrategy.Random,
        _ => throw new ArgumentException($"strategy: '{name}' is not one of uncertainty, diversity, random"),
    };

    public static string Name(SelectionStrategy s) => s.ToString().ToLowerInvariant();

    /// <param name="minDistance">Uncertainty strategy: smallest standardized distance between two picks. When no
    /// candidate is left that far from every pick, the rest of the batch is filled max-min (flagged as relaxed).</param>
    public static IReadOnlyList<BatchPick> Select(SelectionStrategy strategy, IReadOnlyList<CandidateScore> scores,
        IReadOnlyList<double[]> standardizedCandidates, IReadOnlyList<double[]> standardizedTraining, int batchSize,
        double minDistance, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        int n = Math.Min(batchSize, scores.Count);
        return strategy switch
        {
            SelectionStrategy.Random => RandomPicks(scores.Count, n, seed, standardizedCandidates),
            SelectionStrategy.Diversity => MaxMin(scores, standardizedCandidates, standardizedTraining, n, [], relaxed: false),
            _ => Greedy(scores, standardizedCandidates, n, minDistance),
        };
    }

    private static List<BatchPick> Greedy(IReadOnlyList<CandidateScore> scores, IReadOnlyList<double[]> z, int n, double minDistance)
    {
        var order = scores.OrderByDescending(s => s.Score).ThenBy(s => s.Index).Select(s => s.Index).ToArray();
        var picks = new List<BatchPick>();
        var chosen = new List<double[]>();
        foreach (int i in order)
        {
            if (picks.Count == n) break;
            double nearest = DescriptorSpace.NearestDistance(z[i], chosen);
            if (nearest < minDistance) continue;
            picks.Add(new BatchPick(picks.Count + 1, i, nearest, false));
            chosen.Add(z[i]);
        }
        if (picks.Count < n)
            return MaxMin(scores, z, [], n, picks, relaxed: true);
        return picks;
    }

    /// <summary>Adds picks until there are <paramref name="n"/>, each the candidate farthest from
    /// <paramref name="anchors"/> and the picks so far (ties: higher score, then lower index).</summary>
    private static List<BatchPick> MaxMin(IReadOnlyList<CandidateScore> scores, IReadOnlyList<double[]> z,
        IReadOnlyList<double[]> anchors, int n, List<BatchPick> picks, bool relaxed)
    {
        var taken = new HashSet<int>(picks.Select(p => p.Index));
        var nearest = new double[z.Count];
        for (int i = 0; i < z.Count; i++)
        {
            nearest[i] = DescriptorSpace.NearestDistance(z[i], anchors);
            foreach (var p in picks) nearest[i] = Math.Min(nearest[i], DescriptorSpace.Distance(z[i], z[p.Index]));
        }
        while (picks.Count < n)
        {
            int best = -1;
            for (int i = 0; i < z.Count; i++)
            {
                if (taken.Contains(i)) continue;
                if (best < 0 || nearest[i] > nearest[best] ||
                    (nearest[i] == nearest[best] && scores[i].Score > scores[best].Score))
                    best = i;
            }
            if (best < 0) break;
            double toPicks = DescriptorSpace.NearestDistance(z[best], picks.Select(p => z[p.Index]).ToList());
            picks.Add(new BatchPick(picks.Count + 1, best, toPicks, relaxed));
            taken.Add(best);
            for (int i = 0; i < z.Count; i++) nearest[i] = Math.Min(nearest[i], DescriptorSpace.Distance(z[i], z[best]));
        }
        return picks;
    }

    private static List<BatchPick> RandomPicks(int count, int n, int seed, IReadOnlyList<double[]> z)
    {
        var rng = new Random(seed);
        var order = Enumerable.Range(0, count).ToArray();
        for (int k = 0; k < n; k++)
        {
            int j = k + rng.Next(count - k);
            (order[k], order[j]) = (order[j], order[k]);
        }
        var picks = new List<BatchPick>();
        var chosen = new List<double[]>();
        for (int k = 0; k < n; k++)
        {
            picks.Add(new BatchPick(k + 1, order[k], DescriptorSpace.NearestDistance(z[order[k]], chosen), false));
            chosen.Add(z[order[k]]);
        }
        return picks;
    }
}
