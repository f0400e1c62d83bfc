using Pipeline.Synthesis.Stage;

namespace Pipeline.Synthesis.Tests.Support;

/// <summary>A small generated study shared by the tests of one class: 12 NEBs (3 with planted faults, one of each
/// kind), 4 single points, half the OUTCARs gzipped.</summary>
public sealed class SmallDataset : IDisposable
{
    private readonly TempDirectory _dir = new();

    internal static SynthesisSettings Settings { get; } = new()
    {
        Seed = 190, // gives up, down (also in exact up/down ties) and straight hops among the clean ones
        Hops = 12,
        SinglePoints = 4,
        FaultFraction = 0.25,
        TruthSamples = 1000,
    };

    public SmallDataset()
    {
        DatasetPath = _dir.Combine("dataset");
        TruthPath = _dir.Combine("truth.yaml");
        SynthesisRun.Generate(Settings, DatasetPath, TruthPath, parallelism: 2);
        Truth = TruthFile.Load(TruthPath);
    }

    public string DatasetPath { get; }
    public string TruthPath { get; }
    public TruthFile Truth { get; }

    public void Dispose() => _dir.Dispose();
}
