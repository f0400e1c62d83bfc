namespace Pipeline.ActiveLearning.Loop;

/// <summary>One strategy's figures. <see cref="CalculationsToRandomFinal"/>: the first point of the seed-averaged
/// truth-error curve at or below the random strategy's seed-averaged final error (null: never).</summary>
public sealed record StrategySummary(string Strategy, int Seeds, int FinalCalculations, double FinalTruthRmse,
    double FinalCvRmse, int? CalculationsToRandomFinal, double FractionOfRandom, int SeedsReaching, double PerSeedFractionMean);

public sealed record LoopSummaryResult(double RandomFinalTruthRmse, double TargetFraction, IReadOnlyList<StrategySummary> Strategies)
{
    /// <summary>Whether the uncertainty strategy needed at most the target share of random's calculations (null: not run).</summary>
    public bool? TargetMet => Strategies.FirstOrDefault(s => s.Strategy == "uncertainty") is { } u
        ? u.FractionOfRandom <= TargetFraction : null;
}

/// <summary>Condenses learning curves into "calculations needed to reach the random strategy's final error", both
/// on the seed-averaged curves and seed by seed (a seed that never reaches it is left out of the per-seed mean and
/// counted as not reaching).</summary>
public static class LoopSummary
{
    public static LoopSummaryResult Compute(IReadOnlyList<CurvePoint> points, double targetFraction)
    {
        var random = Mean(points.Where(p => p.Strategy == "random"));
        if (random.Length == 0) throw new ArgumentException("no random-strategy points: random is the baseline");
        var (finalN, finalErr, _) = random[^1];
        var rows = new List<StrategySummary>();
        foreach (var strategy in points.Select(p => p.Strategy).Distinct())
        {
            var mine = points.Where(p => p.Strategy == strategy).ToList();
            var curve = Mean(mine);
            int? reach = curve.Where(c => c.Truth <= finalErr).Select(c => (int?)c.N).FirstOrDefault();
            var seeds = mine.Select(p => p.Seed).Distinct().ToArray();
            var fractions = new List<double>();
            foreach (var seed in seeds)
            {
                var own = points.Where(p => p.Seed == seed && p.Strategy == "random").OrderBy(p => p.Calculations).Last();
                var hit = mine.Where(p => p.Seed == seed && p.TruthRmse <= own.TruthRmse).OrderBy(p => p.Calculations).FirstOrDefault();
                if (hit is not null) fractions.Add((double)hit.Calculations / own.Calculations);
            }
            rows.Add(new StrategySummary(strategy, seeds.Length, curve[^1].N, curve[^1].Truth, curve[^1].Cv, reach,
                reach is { } n ? (double)n / finalN : double.PositiveInfinity, fractions.Count,
                fractions.Count > 0 ? fractions.Average() : double.NaN));
        }
        return new LoopSummaryResult(finalErr, targetFraction, rows);
    }

    private static (int N, double Truth, double Cv)[] Mean(IEnumerable<CurvePoint> points)
        => points.GroupBy(p => p.Calculations).OrderBy(g => g.Key)
            .Select(g => (g.Key, g.Average(p => p.TruthRmse), g.Average(p => p.CvRmse))).ToArray();
}
