using Pipeline.Fitting.Classification;

namespace Pipeline.Fitting.Tests;

/// <summary>Issue #17 item 14: classifier.zip is a content-hashed artifact, so the same model must give the same bytes
/// (ML.NET's zip carries each entry's save time, which made every fit a "changed" output for its consumers).</summary>
public class ClassifierReproducibilityTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("classifier-zip-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static PathClassifier Train()
    {
        var rng = new Random(5);
        var samples = Enumerable.Range(0, 90).Select(i =>
        {
            var f = Enumerable.Range(0, 4).Select(_ => (float)rng.NextDouble()).ToArray();
            f[i % 3] += 2; // each label has its own dominant descriptor
            return new PathSample { Features = f, Label = PathClassifier.Labels[i % 3] };
        }).ToList();
        return PathClassifier.Train(samples, 4, seed: 42);
    }

    [Fact]
    public void Two_trainings_saved_seconds_apart_give_byte_identical_zips_that_still_load_and_predict()
    {
        var first = Path.Combine(_dir, "a.zip");
        var second = Path.Combine(_dir, "b.zip");
        Train().Save(first);
        Thread.Sleep(2100); // zip entry times have a 2 s resolution: make sure the clock moved on
        Train().Save(second);

        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
        var loaded = PathClassifier.Load(second);
        Assert.Equal("down", loaded.Predict([0.1, 2.5, 0.2, 0.3]));
    }
}
