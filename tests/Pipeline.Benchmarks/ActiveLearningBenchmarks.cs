using BenchmarkDotNet.Attributes;
using Pipeline.ActiveLearning.Acquisition;
using Pipeline.ActiveLearning.Candidates;
using Pipeline.ActiveLearning.Loop;
using Pipeline.Contracts;
using Pipeline.RockSalt;

namespace Pipeline.Benchmarks;

/// <summary>The suggest stage's own work at its default size: the candidate pool (3 compositions x 4 equilibrated
/// snapshots x 50 hops on the 3x4x4 cell, 200 + 80 Monte Carlo sweeps each) and scoring it against a 240-hop
/// training set with a 32-replicate bootstrap. The closed-loop benchmark itself is a command
/// (`pipeline suggest bench`, docs/ACTIVE_LEARNING.md), not a BenchmarkDotNet suite: its figures are errors, not times.
/// Run: dotnet run -c Release --project tests/Pipeline.Benchmarks -- --filter '*ActiveLearning*'</summary>
[MemoryDiagnoser]
[InProcess] // the generated-project build of the whole tool exceeds BenchmarkDotNet's build timeout on 2 cores
[WarmupCount(1)]
[IterationCount(5)]
public class ActiveLearningBenchmarks
{
    private readonly RockSaltSupercell _cell = RockSaltSupercell.Primitive(3, 4, 4, 4.1);
    private Pipeline.ClusterExpansion.CeModel _ce = null!;
    private List<double[]> _zTrain = null!;
    private double[] _y = null!;
    private List<double[]> _zCandidates = null!;

    private CandidateOptions Options(long seed) => new() { Compositions = [0.25, 0.5, 1.0], Seed = seed };

    [GlobalSetup]
    public void Setup()
    {
        _ce = SynthesisOracle.TruthCe(4.1);
        var training = CandidateGenerator.Generate(_ce, _cell, Options(99)).Candidates.Take(240).ToList();
        var oracle = new SynthesisOracle(99);
        _y = training.Select((c, i) => oracle.Kra(c.Descriptors, c.DeltaE, i)).ToArray();
        var x = training.Select(c => c.Descriptors[..HopDescriptors.KraCount]).ToList();
        var mean = Enumerable.Range(0, HopDescriptors.KraCount).Select(j => x.Average(r => r[j])).ToArray();
        var std = Enumerable.Range(0, HopDescriptors.KraCount).Select(j =>
            Math.Max(1e-3, Math.Sqrt(x.Average(r => (r[j] - mean[j]) * (r[j] - mean[j]))))).ToArray();
        var space = new DescriptorSpace(mean, std);
        _zTrain = x.Select(r => space.Standardize(r)).ToList();
        _zCandidates = CandidateGenerator.Generate(_ce, _cell, Options(7)).Candidates
            .Select(c => space.Standardize(c.Descriptors.AsSpan(0, HopDescriptors.KraCount))).ToList();
    }

    [Benchmark]
    public int CandidatePool_600_hops() => CandidateGenerator.Generate(_ce, _cell, Options(1)).Candidates.Count;

    [Benchmark]
    public int Score_and_select_batch_of_8()
    {
        var ensemble = BarrierEnsemble.Fit(_zTrain, _y, 0.001, new LassoSettings(5, 100, 1e-3, 1e-4, 1000), 32, 1, refitAlpha: false);
        var predicted = _zCandidates.Select(z => ensemble.Predict(z).Mean).ToArray();
        var scores = CandidateScorer.Score(_zCandidates, predicted, ensemble, _zTrain, 0.05);
        return BatchSelector.Select(SelectionStrategy.Uncertainty, scores, _zCandidates, _zTrain, 8, 1.0, 1).Count;
    }
}
