using System.Text;
using Pipeline.Vasp.Ingest;
using Pipeline.Vasp.Tests.Support;

namespace Pipeline.Vasp.Tests;

/// <summary>Issue #17 item 7b: the parse cache is shared by every workspace and build, so an entry written by an
/// older parser must never be served after a parser fix.</summary>
public class ParseCacheVersionTests
{
    /// <summary>Writes an entry exactly as the first parser (cache format "vasp-ingest-parse/1", flat folder, key
    /// without a parser version) stored it, holding a rejection the current parser would never produce.</summary>
    private static void WriteFirstParserEntry(string cacheDir, string dataDir)
    {
        var files = Directory.GetFiles(dataDir, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(dataDir, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(f => f == "INCAR" || f.EndsWith("/OUTCAR", StringComparison.Ordinal)
                || (f.EndsWith("/POSCAR", StringComparison.Ordinal) && (f.StartsWith("00/", StringComparison.Ordinal) || f.StartsWith("04/", StringComparison.Ordinal)))
                || f.EndsWith("/CONTCAR", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();
        var keyText = new StringBuilder("vasp-ingest-parse/1\nNeb\n");
        foreach (var f in files)
            keyText.Append(f).Append('=').Append(RawFileHasher.HashFile(Path.Combine(dataDir, f))).Append('\n');
        var folder = Path.Combine(cacheDir, "vasp-parse");
        Directory.CreateDirectory(folder);
        using var w = new BinaryWriter(File.Create(Path.Combine(folder, RawFileHasher.HashText(keyText.ToString()) + ".bin")), Encoding.UTF8);
        w.Write("vasp-ingest-parse/1");
        w.Write((byte)0);
        w.Write("stale_parser");
        w.Write("served from a cache entry of an older parser");
        w.Write("02/OUTCAR");
        w.Write(7L);
    }

    [Fact]
    public void An_entry_written_by_an_older_parser_is_not_served()
    {
        using var data = new TempDir();
        using var cache = new TempDir();
        new SyntheticNeb().Write(data.Path);
        WriteFirstParserEntry(cache.Path, data.Path);

        var result = VaspNebIngestor.Ingest(data.Path, new IngestOptions { CacheDirectory = cache.Path });

        Assert.Empty(result.Rejected);
        Assert.Single(result.Hops);
        Assert.Equal((1, 0), (result.ParsedCalculations, result.CachedCalculations));
    }

    [Fact]
    public void Keys_differ_between_parser_versions_and_entries_live_under_the_current_version()
    {
        var files = new[] { ("INCAR", "aa"), ("00/OUTCAR", "bb") };
        Assert.NotEqual(ParseCache.KeyOf(CalcKind.Neb, files, parserVersion: 1), ParseCache.KeyOf(CalcKind.Neb, files, parserVersion: 2));
        Assert.Equal(ParseCache.KeyOf(CalcKind.Neb, files, ParseCache.ParserVersion), ParseCache.KeyOf(CalcKind.Neb, files));

        using var data = new TempDir();
        using var cache = new TempDir();
        new SyntheticNeb().Write(data.Path);
        VaspNebIngestor.Ingest(data.Path, new IngestOptions { CacheDirectory = cache.Path });
        var root = Path.Combine(cache.Path, "vasp-parse");
        var current = File.ReadAllText(Path.Combine(root, ParseCache.CurrentMarker)).Trim();
        Assert.Equal($"parser-{ParseCache.ParserVersion}", current);
        Assert.Single(Directory.GetFiles(Path.Combine(root, current), "*.bin"));
    }
}
