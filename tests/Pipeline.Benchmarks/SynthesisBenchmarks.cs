using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Pipeline.Synthesis.Model;
using Pipeline.Synthesis.Stage;

namespace Pipeline.Benchmarks;

/// <summary>The `synthesize` stage: the default study (240 NEBs, 200 single points, half the OUTCARs gzipped) written
/// to disk, and the part that needs no disk (plan + truth projection over 20000 hops).
/// Run: dotnet run -c Release --project tests/Pipeline.Benchmarks -- --filter '*Synthesis*'</summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
[MemoryDiagnoser]
public class SynthesisBenchmarks
{
    private readonly SynthesisSettings _settings = new();
    private string _root = "";
    private int _run;

    [GlobalSetup]
    public void Setup() => _root = Path.Combine(Path.GetTempPath(), "synthesis-bench-" + Environment.ProcessId);

    [GlobalCleanup]
    public void Cleanup()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Benchmark(Description = "default dataset: plan, truth projection, VASP files, truth.yaml")]
    public void GenerateDefaultDataset()
    {
        string dir = Path.Combine(_root, (_run++).ToString(System.Globalization.CultureInfo.InvariantCulture));
        SynthesisRun.Generate(_settings, Path.Combine(dir, "dataset"), Path.Combine(dir, "truth.yaml"), Environment.ProcessorCount);
    }

    [Benchmark(Description = "plan + truth projection (no files)")]
    public double PlanAndTruth()
    {
        var plan = DatasetPlan.Draw(_settings);
        return TruthProjection.Compute(plan.Sampler, plan.Barriers, plan.Compositions, _settings.TruthSamples, _settings.Seed,
            Environment.ProcessorCount).Kra.R2;
    }
}
