using System.Globalization;
using Pipeline.Abstractions;
using Pipeline.ActiveLearning.Loop;
using Pipeline.Contracts;

namespace Pipeline.Suggest.Stage;

/// <summary>Stage <c>suggest-bench</c>: the closed active-learning loop with the synthesizer as the oracle, per
/// strategy and seed: learning curves (LassoCV CV error and error against the noise-free truth on fresh hops after
/// every batch), and how many calculations each strategy needs to reach the random strategy's final truth error.</summary>
public sealed class SuggestBenchStage : IStage
{
    public string Type => "suggest-bench";
    public int Version => 1;
    public string Description => "benchmark of the active-learning loop against random choice, with the synthesizer as oracle";

    public IReadOnlyList<ParamSpec> Params { get; } =
    [
        ParamSpec.Int("seeds", "independent repetitions, seeds first_seed .. first_seed + n - 1", 5, min: 1, max: 1000),
        ParamSpec.Int("first_seed", "first seed (a different range checks that settings were not tuned to seeds 1..n)", 1, min: 0),
        ParamSpec.StringList("strategies", "strategies to compare (random is the baseline and must be included)", ["random", "uncertainty", "diversity"]),
        ParamSpec.Int("initial_size", "random hops every strategy starts from", 20, min: 2),
        ParamSpec.Int("batch_size", "hops added per round", 10, min: 1),
        ParamSpec.Int("batches", "rounds", 13, min: 1),
        ParamSpec.FloatList("compositions", "x values of the candidate and test hops", [0.25, 0.5, 1.0], min: 0, max: 2),
        ParamSpec.IntList("supercell", "multiples of the fcc primitive cell", [3, 4, 4], min: 1, max: 64),
        ParamSpec.Float("synthesis_temperature", "canonical Monte Carlo temperature (K) of the truth CE", 1200.0, min: 0),
        ParamSpec.Int("snapshots", "Monte Carlo snapshots per composition", 4, min: 1),
        ParamSpec.Int("hops_per_snapshot", "candidate hops per snapshot (the pool)", 50, min: 1),
        ParamSpec.Int("test_hops_per_snapshot", "fresh hops per snapshot of an independent chain (the truth error)", 25, min: 1),
        ParamSpec.Int("replicates", "bootstrap replicates per round", 32, min: 2),
        ParamSpec.Bool("refit_alpha", "LassoCV per bootstrap replicate instead of the round's alpha", false),
        ParamSpec.Float("distance_weight", "eV per standardized distance added to the bootstrap spread", 0.05, min: 0),
        ParamSpec.Float("density_exponent", "information-density exponent of the score (0: off)", 0.0, min: 0, max: 10),
        ParamSpec.Float("min_distance", "smallest standardized distance between two picks of a batch", 1.0, min: 0),
        ParamSpec.Float("target_fraction", "pass mark: share of random's calculations the uncertainty strategy may need", 0.6, min: 0, max: 1),
    ];

    public IReadOnlyList<PortSpec> Inputs { get; } = [];

    public IReadOnlyList<PortSpec> Outputs { get; } =
    [
        new("curves", PortKind.Table, "one row per (seed, strategy, round): calculations, CV RMSE, truth RMSE, alpha"),
        new("summary", PortKind.Table, "one row per strategy: final errors, calculations to reach random's final truth error"),
        new("plots", PortKind.Directory, "learning-curves.png/.svg (truth and CV error against calculations)"),
    ];

    public void Run(StageContext ctx)
    {
        var p = ctx.Params;
        var options = new LoopOptions
        {
            Seeds = Enumerable.Range(0, p.Int32("seeds")).Select(s => p.Int("first_seed") + s).ToArray(),
            Strategies = p.StringList("strategies"),
            InitialSize = p.Int32("initial_size"),
            BatchSize = p.Int32("batch_size"),
            Batches = p.Int32("batches"),
            Compositions = p.FloatList("compositions"),
            Supercell = p.IntList("supercell").Select(v => (int)v).ToArray(),
            Temperature = p.Float("synthesis_temperature"),
            Snapshots = p.Int32("snapshots"),
            HopsPerSnapshot = p.Int32("hops_per_snapshot"),
            TestHopsPerSnapshot = p.Int32("test_hops_per_snapshot"),
            Replicates = p.Int32("replicates"),
            RefitAlpha = p.Bool("refit_alpha"),
            DistanceWeight = p.Float("distance_weight"),
            MinDistance = p.Float("min_distance"),
            DensityExponent = p.Float("density_exponent"),
            Lasso = new LassoSettings(Cv: 5, NAlphas: 100, Eps: 1e-3, Tol: 1e-4, MaxIter: 1000),
        };
        options.Validate();
        ctx.Log.Info($"{options.Seeds.Count} seeds x {options.Strategies.Count} strategies, {options.InitialSize} -> {options.FinalSize} calculations in batches of {options.BatchSize}");
        IReadOnlyList<CurvePoint> points;
        using (var progress = ctx.Log.Progress("seeds", options.Seeds.Count))
            points = LoopBenchmark.Run(options, ctx.Parallelism, () => progress.Increment(), ctx.Cancellation);

        var summary = LoopSummary.Compute(points, p.Float("target_fraction"));
        ctx.WriteTable("curves", BenchTables.Curves(points));
        ctx.WriteTable("summary", BenchTables.Summary(summary));
        var plots = ctx.OutputDirectoryPath("plots");
        BenchPlots.Save(plots, points);
        foreach (var s in summary.Strategies)
            ctx.Log.Info(string.Create(CultureInfo.InvariantCulture,
                $"{s.Strategy}: final truth RMSE {s.FinalTruthRmse * 1000:0.0} meV at {s.FinalCalculations}; reaches random's final {summary.RandomFinalTruthRmse * 1000:0.0} meV " +
                $"{(s.CalculationsToRandomFinal is { } n ? $"at {n} ({s.FractionOfRandom:P0} of random's {summary.Strategies.First(r => r.Strategy == "random").FinalCalculations})" : "never")}; " +
                $"per seed: {s.SeedsReaching}/{s.Seeds} seeds reach their own random final error"));
        if (summary.TargetMet is { } met)
            ctx.Log.Info(string.Create(CultureInfo.InvariantCulture,
                $"target (uncertainty needs <= {summary.TargetFraction:P0} of random's calculations): {(met ? "met" : "NOT met")}"));
    }
}
