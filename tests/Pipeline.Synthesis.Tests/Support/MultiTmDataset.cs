using Pipeline.Synthesis.Stage;

namespace Pipeline.Synthesis.Tests.Support;

/// <summary>A small generated Li(1.2-x)Mn0.4Ti0.4O1.8F0.2 study shared by the tests of one class: 60 cation sites
/// (30 formula units: 12 Mn, 12 Ti, 54 O, 6 F), x = 0.1, 0.3, 0.6 in turn, 12 NEBs (3 with planted faults), 4 single
/// points, half the OUTCARs gzipped.</summary>
public sealed class MultiTmDataset : IDisposable
{
    private readonly TempDirectory _dir = new();

    internal static SynthesisSettings Settings { get; } = new()
    {
        Chemistry = "LiMnTiOF",
        Seed = 190,
        Hops = 12,
        SinglePoints = 4,
        Supercell = [3, 4, 5],
        Compositions = [0.1, 0.3, 0.6],
        LatticeConstant = 4.17,
        LatticeSlope = -0.05,
        FaultFraction = 0.25,
        TruthSamples = 6000,
    };

    public MultiTmDataset()
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
