using Pipeline.ActiveLearning.Acquisition;
using Pipeline.ActiveLearning.Candidates;
using Pipeline.Fitting.Regression;
using Pipeline.RockSalt;

namespace Pipeline.ActiveLearning.Loop;

/// <summary>One point of a learning curve: after <see cref="Calculations"/> labelled hops.</summary>
public sealed record CurvePoint(long Seed, string Strategy, int Round, int Calculations, double CvRmse, double TruthRmse,
    double Alpha, int Nonzero);

/// <summary>The closed loop with the synthesizer as the oracle. Per seed: a candidate pool and an independent set of
/// fresh test hops from CE-equilibrated configurations, one random initial set shared by every strategy, then per
/// strategy rounds of (fit LassoCV on the standardized descriptors 1-10, score against the truth, choose a batch,
/// "compute" it with the oracle). Seeds run independently, so the result does not depend on parallelism.</summary>
public static class LoopBenchmark
{
    public static IReadOnlyList<CurvePoint> Run(LoopOptions options, int parallelism = 1, Action? seedDone = null,
        CancellationToken cancel = default)
    {
        options.Validate();
        var results = new List<CurvePoint>[options.Seeds.Count];
        Parallel.For(0, options.Seeds.Count,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancel },
            s =>
            {
                results[s] = RunSeed(options, options.Seeds[s], cancel);
                seedDone?.Invoke();
            });
        return results.SelectMany(r => r).ToList();
    }

    public static List<CurvePoint> RunSeed(LoopOptions o, long seed, CancellationToken cancel = default)
    {
        var cell = RockSaltSupercell.Primitive(o.Supercell[0], o.Supercell[1], o.Supercell[2], o.LatticeConstant);
        var ce = SynthesisOracle.TruthCe(o.LatticeConstant);
        var pool = CandidateGenerator.Generate(ce, cell, Candidates(o, seed, o.HopsPerSnapshot)).Candidates;
        var test = CandidateGenerator.Generate(ce, cell, Candidates(o, seed + 7_919_000_000, o.TestHopsPerSnapshot)).Candidates;
        if (pool.Count < o.FinalSize)
            throw new ArgumentException($"the candidate pool has {pool.Count} hops, fewer than the {o.FinalSize} the loop labels; raise snapshots or hops_per_snapshot");
        var oracle = new SynthesisOracle(seed, o.KraNoise, o.KraNoiseRelative);
        var x = pool.Select(c => c.Descriptors[..HopDescriptors.KraCount]).ToArray();
        var y = pool.Select((c, i) => oracle.Kra(c.Descriptors, c.DeltaE, i)).ToArray();
        var testX = test.Select(c => c.Descriptors[..HopDescriptors.KraCount]).ToArray();
        var testTruth = test.Select(c => oracle.TrueKra(c.Descriptors)).ToArray();

        var initial = InitialSet(pool.Count, o.InitialSize, CandidateGenerator.StreamSeed(seed, 1000));

        var points = new List<CurvePoint>();
        foreach (var name in o.Strategies)
        {
            var strategy = BatchSelector.Parse(name);
            var labelled = new List<int>(initial);
            for (int round = 0; round <= o.Batches; round++)
            {
                cancel.ThrowIfCancellationRequested();
                var fit = FitRound(labelled.Select(i => x[i]).ToList(), labelled.Select(i => y[i]).ToArray(), o);
                double truthRmse = Rmse(testX.Select(fit.Predict).ToArray(), testTruth);
                points.Add(new CurvePoint(seed, name, round, labelled.Count, fit.CvRmse, truthRmse, fit.Alpha, fit.Nonzero));
                if (round == o.Batches) break;
                labelled.AddRange(ChooseBatch(strategy, fit, labelled, x, y, o, seed, round));
            }
        }
        return points;
    }

    /// <summary>A seeded uniform subset (partial Fisher-Yates), shared by every strategy of one seed.</summary>
    private static List<int> InitialSet(int poolSize, int size, int seed)
    {
        var rng = new Random(seed);
        var order = Enumerable.Range(0, poolSize).ToArray();
        for (int k = 0; k < size; k++)
        {
            int j = k + rng.Next(poolSize - k);
            (order[k], order[j]) = (order[j], order[k]);
        }
        return order.Take(size).ToList();
    }

    private static CandidateOptions Candidates(LoopOptions o, long seed, int hops) => new()
    {
        Compositions = o.Compositions,
        Temperature = o.Temperature,
        Snapshots = o.Snapshots,
        HopsPerSnapshot = hops,
        Seed = seed,
    };

    /// <summary>The round's model: scaler from the labelled rows, LassoCV on them.</summary>
    private sealed record RoundFit(DescriptorSpace Space, List<double[]> Standardized, LinearFit Model, double Alpha,
        double CvRmse, int Nonzero)
    {
        public double Predict(double[] physical) => Model.Predict(Space.Standardize(physical));
    }

    private static RoundFit FitRound(List<double[]> rows, double[] y, LoopOptions o)
    {
        int p = rows[0].Length;
        var mean = new double[p];
        var std = new double[p];
        for (int j = 0; j < p; j++) (mean[j], std[j]) = Standardizer.Fit(rows.Select(r => r[j]).ToArray());
        var space = new DescriptorSpace(mean, std);
        var z = rows.Select(r => space.Standardize(r)).ToList();
        var columns = Enumerable.Range(0, p).Select(j => z.Select(r => r[j]).ToArray()).ToList();
        var cv = LassoCV.Fit(ColumnMajorMatrix.FromColumns(columns), y, o.Lasso.ToOptions());
        return new RoundFit(space, z, cv.Model, cv.Alpha, cv.CvRmse, cv.Model.Coefficients.Count(c => c != 0));
    }

    private static IEnumerable<int> ChooseBatch(SelectionStrategy strategy, RoundFit fit, List<int> labelled,
        double[][] x, double[] y, LoopOptions o, long seed, int round)
    {
        var taken = new HashSet<int>(labelled);
        var open = Enumerable.Range(0, x.Length).Where(i => !taken.Contains(i)).ToArray();
        var z = open.Select(i => fit.Space.Standardize(x[i])).ToList();
        int batchSeed = CandidateGenerator.StreamSeed(seed, 2000 + round);
        IReadOnlyList<CandidateScore> scores;
        if (strategy == SelectionStrategy.Random)
            scores = open.Select((_, k) => new CandidateScore(k, 0, 0, 0, 0)).ToArray();
        else
        {
            var ensemble = BarrierEnsemble.Fit(fit.Standardized, labelled.Select(i => y[i]).ToArray(), fit.Alpha, o.Lasso,
                o.Replicates, batchSeed, o.RefitAlpha);
            var predicted = z.Select(r => fit.Model.Predict(r)).ToArray();
            scores = CandidateScorer.Score(z, predicted, ensemble, fit.Standardized, o.DistanceWeight, o.DensityExponent, o.MinDistance);
        }
        var picks = BatchSelector.Select(strategy, scores, z, fit.Standardized, o.BatchSize, o.MinDistance, batchSeed);
        return picks.Select(p => open[p.Index]);
    }

    private static double Rmse(double[] a, double[] b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += (a[i] - b[i]) * (a[i] - b[i]);
        return Math.Sqrt(s / a.Length);
    }
}
