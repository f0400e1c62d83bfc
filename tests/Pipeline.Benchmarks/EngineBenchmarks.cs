using BenchmarkDotNet.Attributes;
using Pipeline.Abstractions;
using Pipeline.Core.Hashing;
using Pipeline.Core.Parquet;

namespace Pipeline.Benchmarks;

/// <summary>Content hashing throughput (target: at least 1 GB/s on one core). GB/s = bytes / mean time:
/// 256 MiB in memory and a 256 MiB file read through the page cache (the second run of a dataset).
/// Run: dotnet run -c Release --project tests/Pipeline.Benchmarks -- --filter '*EngineHashing*'</summary>
[MemoryDiagnoser]
public class EngineHashingBenchmarks
{
    private const int Size = 256 << 20;
    private byte[] _bytes = [];
    private string _file = "";

    [GlobalSetup]
    public void Setup()
    {
        _bytes = new byte[Size];
        new Random(1).NextBytes(_bytes);
        _file = Path.Combine(Path.GetTempPath(), $"pipeline-hash-bench-{Environment.ProcessId}.bin");
        File.WriteAllBytes(_file, _bytes);
        FileHasher.HashFile(_file); // warm the page cache
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_file);

    [Benchmark(Baseline = true)]
    public string HashBytes256MiB() => FileHasher.HashBytes(_bytes);

    [Benchmark]
    public string HashFile256MiB() => FileHasher.HashFile(_file);
}

/// <summary>Logical hashing and Parquet IO of a hops-like table (100k rows: strings, doubles, longs, bools, double
/// lists of 9 and 8 values, string lists of 64 species). Run with --filter '*EngineTable*'.</summary>
[MemoryDiagnoser]
public class EngineTableBenchmarks
{
    private Table _table = null!;
    private string _file = "";

    [Params(100_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(3);
        var species = new[] { "Li", "V", "O", "F" };
        _table = new Table(
        [
            Column.Of("calc_id", Enumerable.Range(0, Rows).Select(i => $"neb/hop_{i:D6}").ToArray()),
            Column.Of("e_forward", Enumerable.Range(0, Rows).Select(_ => random.NextDouble()).ToArray()),
            Column.Of("n_images", Enumerable.Range(0, Rows).Select(i => (long)(i % 9)).ToArray()),
            Column.Of("climbing", Enumerable.Range(0, Rows).Select(i => i % 2 == 0).ToArray()),
            Column.Of("energies", Enumerable.Range(0, Rows).Select(_ => Enumerable.Range(0, 9).Select(_ => random.NextDouble()).ToArray()).ToArray()),
            Column.Of("lattice", Enumerable.Range(0, Rows).Select(_ => Enumerable.Range(0, 8).Select(_ => random.NextDouble()).ToArray()).ToArray()),
            Column.Of("species", Enumerable.Range(0, Rows).Select(_ => Enumerable.Range(0, 64).Select(k => species[k % 4]).ToArray()).ToArray()),
        ]);
        _file = Path.Combine(Path.GetTempPath(), $"pipeline-table-bench-{Environment.ProcessId}.parquet");
        ParquetTableWriter.Write(_table, _file, new Dictionary<string, string>());
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_file);

    [Benchmark]
    public string HashTable() => TableHasher.Hash(_table);

    [Benchmark]
    public void WriteParquet() => ParquetTableWriter.Write(_table, _file, new Dictionary<string, string>());

    [Benchmark]
    public int ReadParquet() => ParquetTableReader.Read(_file).RowCount;
}

/// <summary>What every no-op `run` pays per folder working copy since it repairs edited folder copies: one listing and
/// one stat per file, hashes from the (path, size, mtime) cache. A synthetic dataset-shaped folder (440 calculation
/// folders of small files, 6 748 files like the bundled study's). Run with --filter '*EngineWorkingCopy*'.</summary>
[MemoryDiagnoser]
public class EngineWorkingCopyBenchmarks
{
    private string _root = "";
    private Pipeline.Core.Store.WorkingCopies _copies = null!;
    private Pipeline.Core.Store.StoredArtifact _artifact = null!;

    [GlobalSetup]
    public void Setup()
    {
        _root = Path.Combine(Path.GetTempPath(), $"pipeline-copy-bench-{Environment.ProcessId}");
        var folder = Path.Combine(_root, "out", "synth", "dataset");
        int files = 0;
        for (int c = 0; files < 6748; c++)
        {
            var calc = Path.Combine(folder, c % 2 == 0 ? "neb" : "sp", $"calc_{c:D4}");
            for (int image = 0; image < 3 && files < 6748; image++)
            {
                var dir = Path.Combine(calc, $"{image:D2}");
                Directory.CreateDirectory(dir);
                for (int f = 0; f < 5 && files < 6748; f++, files++)
                    File.WriteAllText(Path.Combine(dir, $"FILE{f}"), $"calc {c} image {image} file {f}\n");
            }
        }
        var past = DateTime.UtcNow.AddHours(-1); // older than the cache's racy window, as a committed copy is
        foreach (var f in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            File.SetLastWriteTimeUtc(f, past);
        var workspace = new Pipeline.Core.Store.Workspace(_root);
        var cache = new HashCache(null);
        _copies = new Pipeline.Core.Store.WorkingCopies(workspace, new Pipeline.Core.Store.ObjectStore(workspace, cache), cache);
        _artifact = new Pipeline.Core.Store.StoredArtifact(PortKind.Directory, DirectoryHasher.Hash(folder), "out/synth/dataset");
        if (!_copies.IsCurrent(_artifact)) // fills the cache, as the first no-op run after a commit does
            throw new InvalidOperationException("the benchmark folder does not match its own hash");
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);

    [Benchmark]
    public bool CheckFolderCopy6748Files() => _copies.IsCurrent(_artifact);
}
