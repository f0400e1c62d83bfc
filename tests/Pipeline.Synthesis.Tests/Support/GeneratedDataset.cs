using Pipeline.Synthesis.Stage;

namespace Pipeline.Synthesis.Tests.Support;

/// <summary>A study generated once into a temporary folder from fixed settings and shared by the tests of one class
/// (subclasses name the settings); deleted with the fixture.</summary>
public abstract class GeneratedDataset : IDisposable
{
    private readonly TempDirectory _dir = new();

    private protected GeneratedDataset(SynthesisSettings settings)
    {
        DatasetPath = _dir.Combine("dataset");
        TruthPath = _dir.Combine("truth.yaml");
        SynthesisRun.Generate(settings, DatasetPath, TruthPath, parallelism: 2);
        Truth = TruthFile.Load(TruthPath);
    }

    public string DatasetPath { get; }
    public string TruthPath { get; }
    public TruthFile Truth { get; }

    public void Dispose()
    {
        _dir.Dispose();
        GC.SuppressFinalize(this);
    }
}
