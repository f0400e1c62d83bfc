using System.Security.Cryptography;
using System.Text;
using Pipeline.Synthesis.Stage;
using Pipeline.Synthesis.Tests.Support;

namespace Pipeline.Synthesis.Tests;

/// <summary>The Li-V-O-F study must keep its bytes while the synthesizer learns other chemistries: the digest of a
/// small study (every file, faults and gzip included) and, opt-in (PIPELINE_LONG_TESTS=1), of the default bundled
/// study, were recorded from the generator as it was before the `chemistry` param existed (commit 10aa558).</summary>
public class LiVofBytesTests
{
    private const string SmallStudyDigest = "B7374694BD827ACB3965C769B796DB9472B30D33275855571F60A80A18F4A02A";
    private const string DefaultStudyDigest = "4A74A98323CE9130302DAC907A3C4E8793DB43BF206FD00BA9057E74665A1C14";

    private static readonly SynthesisSettings s_small = new()
    {
        Seed = 190, Hops = 8, SinglePoints = 3, FaultFraction = 0.4, TruthSamples = 500,
    };

    /// <summary>SHA-256 over the sorted relative paths and the SHA-256 of each file.</summary>
    internal static string Digest(string root)
    {
        var manifest = new StringBuilder();
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                     .Select(f => (Rel: Path.GetRelativePath(root, f).Replace('\\', '/'), Full: f))
                     .OrderBy(f => f.Rel, StringComparer.Ordinal))
            manifest.Append(file.Rel).Append(' ').Append(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file.Full)))).Append('\n');
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(manifest.ToString())));
    }

    private static string Generate(SynthesisSettings settings)
    {
        using var dir = new TempDirectory();
        SynthesisRun.Generate(settings, dir.Combine("out", "dataset"), dir.Combine("out", "truth.yaml"), parallelism: 2);
        return Digest(dir.Combine("out"));
    }

    [Fact]
    public void A_small_LiVOF_study_has_the_bytes_it_always_had()
        => Assert.Equal(SmallStudyDigest, Generate(s_small));

    [Fact]
    public void The_default_LiVOF_study_has_the_bytes_it_always_had()
    {
        if (Environment.GetEnvironmentVariable("PIPELINE_LONG_TESTS") != "1") return;
        Assert.Equal(DefaultStudyDigest, Generate(new SynthesisSettings()));
    }
}
