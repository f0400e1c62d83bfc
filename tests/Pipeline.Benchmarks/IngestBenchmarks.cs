using BenchmarkDotNet.Attributes;
using Pipeline.Vasp.Ingest;
using Pipeline.Vasp.Parsing;

namespace Pipeline.Benchmarks;

/// <summary>VASP ingest of the real 9-folder NEB fixture (7 intermediate images, ~56 MB of OUTCAR text gzipped to
/// ~9 MB). Anchor: pymatgen's NEBAnalysis.from_dir takes ~22 s on the same folder; target under 0.5 s for the whole
/// `pipeline ingest` process. Run: dotnet run -c Release --project tests/Pipeline.Benchmarks -- --filter '*Ingest*'</summary>
[MemoryDiagnoser]
public class IngestBenchmarks
{
    private string _fixture = "";
    private string _largestOutcar = "";
    private string _cache = "";

    [GlobalSetup]
    public void Setup()
    {
        _fixture = FindFixture();
        _largestOutcar = Directory.GetFiles(_fixture, "OUTCAR.gz", SearchOption.AllDirectories)
            .OrderByDescending(f => new FileInfo(f).Length).ThenBy(f => f, StringComparer.Ordinal).First();
        _cache = Path.Combine(Path.GetTempPath(), "pipeline-ingest-bench-" + Environment.ProcessId);
        VaspNebIngestor.Ingest(_fixture, new IngestOptions { CacheDirectory = _cache });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (Directory.Exists(_cache))
            Directory.Delete(_cache, recursive: true);
    }

    /// <summary>Full parse of all nine images on two threads (no cache): the cold-dataset cost.</summary>
    [Benchmark(Baseline = true)]
    public int IngestFixtureTwoThreads()
        => VaspNebIngestor.Ingest(_fixture, new IngestOptions { Parallelism = 2 }).Hops.Count;

    [Benchmark]
    public int IngestFixtureOneThread()
        => VaspNebIngestor.Ingest(_fixture, new IngestOptions { Parallelism = 1 }).Hops.Count;

    /// <summary>Re-ingest with every calculation in the parse cache: hashing the raw files plus cache reads.</summary>
    [Benchmark]
    public int IngestFixtureFromCache()
        => VaspNebIngestor.Ingest(_fixture, new IngestOptions { Parallelism = 2, CacheDirectory = _cache }).CachedCalculations;

    /// <summary>One intermediate image's OUTCAR.gz (~7 MB of text, 18 ionic steps).</summary>
    [Benchmark]
    public int ParseLargestOutcar() => OutcarParser.Parse(_largestOutcar).Steps.Count;

    /// <summary>The fixture (the Vasp test project's copy), searched upwards from the run folder and the working folder.</summary>
    private static string FindFixture()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "tests", "Pipeline.Vasp.Tests", "TestData", "graphene-li-neb-7img");
                if (Directory.Exists(candidate))
                    return candidate;
            }
        }
        throw new DirectoryNotFoundException("tests/Pipeline.Vasp.Tests/TestData/graphene-li-neb-7img not found above "
            + AppContext.BaseDirectory + " or " + Environment.CurrentDirectory);
    }
}
