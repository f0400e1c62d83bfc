using System.Globalization;
using Pipeline.Abstractions;
using Pipeline.ActiveLearning.Loop;

namespace Pipeline.Suggest.Stage;

/// <summary>The suggest-bench tables.</summary>
internal static class BenchTables
{
    public static Table Curves(IReadOnlyList<CurvePoint> points)
    {
        var b = new TableBuilder()
            .Add("seed", ColumnType.Int64).Add("strategy", ColumnType.String).Add("round", ColumnType.Int64)
            .Add("calculations", ColumnType.Int64).Add("cv_rmse_ev", ColumnType.Float64).Add("truth_rmse_ev", ColumnType.Float64)
            .Add("alpha", ColumnType.Float64).Add("nonzero_coefficients", ColumnType.Int64);
        foreach (var c in points)
            b.AddRow(c.Seed, c.Strategy, (long)c.Round, (long)c.Calculations, c.CvRmse, c.TruthRmse, c.Alpha, (long)c.Nonzero);
        return b.Build();
    }

    public static Table Summary(LoopSummaryResult s)
    {
        var b = new TableBuilder()
            .Add("strategy", ColumnType.String).Add("seeds", ColumnType.Int64)
            .Add("final_calculations", ColumnType.Int64).Add("final_truth_rmse_ev", ColumnType.Float64)
            .Add("final_cv_rmse_ev", ColumnType.Float64).Add("random_final_truth_rmse_ev", ColumnType.Float64)
            .Add("calculations_to_random_final", ColumnType.Int64).Add("fraction_of_random", ColumnType.Float64)
            .Add("seeds_reaching_own_random_final", ColumnType.Int64).Add("per_seed_fraction_mean", ColumnType.Float64);
        foreach (var r in s.Strategies)
            b.AddRow(r.Strategy, (long)r.Seeds, (long)r.FinalCalculations, r.FinalTruthRmse, r.FinalCvRmse, s.RandomFinalTruthRmse,
                (long)(r.CalculationsToRandomFinal ?? -1), r.FractionOfRandom, (long)r.SeedsReaching, r.PerSeedFractionMean);
        return b.Build(new Dictionary<string, string>
        {
            ["target_fraction"] = s.TargetFraction.ToString("R", CultureInfo.InvariantCulture),
            ["uncertainty_target_met"] = s.TargetMet is { } met ? (met ? "true" : "false") : "n/a",
        });
    }
}
