using System.Security.Cryptography;
using Pipeline.Synthesis.Stage;
using Pipeline.Synthesis.Tests.Support;

namespace Pipeline.Synthesis.Tests;

public class DeterminismTests
{
    private static readonly SynthesisSettings s_small = new()
    {
        Hops = 6, SinglePoints = 3, FaultFraction = 0.5, TruthSamples = 500, Images = [5, 7],
    };

    private static SortedDictionary<string, string> Hashes(string root)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            result[Path.GetRelativePath(root, file).Replace('\\', '/')] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
        return result;
    }

    [Fact]
    public void The_same_seed_gives_byte_identical_files_whatever_the_parallelism()
    {
        using var dir = new TempDirectory();
        SynthesisRun.Generate(s_small, dir.Combine("a", "dataset"), dir.Combine("a", "truth.yaml"), parallelism: 1);
        SynthesisRun.Generate(s_small, dir.Combine("b", "dataset"), dir.Combine("b", "truth.yaml"), parallelism: 4);
        var a = Hashes(dir.Combine("a"));
        var b = Hashes(dir.Combine("b"));
        Assert.True(a.Count > 50);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Another_seed_gives_another_study()
    {
        using var dir = new TempDirectory();
        SynthesisRun.Generate(s_small, dir.Combine("a", "dataset"), dir.Combine("a", "truth.yaml"), parallelism: 2);
        SynthesisRun.Generate(s_small with { Seed = s_small.Seed + 1 }, dir.Combine("b", "dataset"), dir.Combine("b", "truth.yaml"), parallelism: 2);
        Assert.NotEqual(File.ReadAllText(dir.Combine("a", "truth.yaml")), File.ReadAllText(dir.Combine("b", "truth.yaml")));
    }
}
