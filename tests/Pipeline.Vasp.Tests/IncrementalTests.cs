using Pipeline.Vasp.Ingest;
using Pipeline.Vasp.Tests.Support;

namespace Pipeline.Vasp.Tests;

/// <summary>The parse cache: only calculations whose raw files changed (or are new) are parsed again.</summary>
public class IncrementalTests
{
    [Fact]
    public void Adding_one_neb_parses_only_that_neb()
    {
        using var data = new TempDir();
        using var cache = new TempDir();
        var options = new IngestOptions { CacheDirectory = cache.Path };
        new SyntheticNeb().Write(data.Sub("neb", "hop_0001"));
        new SyntheticNeb { Energies = [-10.0, -9.6, -9.2, -9.5, -9.7] }.Write(data.Sub("neb", "hop_0002"));
        new SyntheticNeb().WriteSinglePoint(data.Sub("sp", "sp_0001"), 0);

        var first = VaspNebIngestor.Ingest(data.Path, options);
        Assert.Equal((3, 0), (first.ParsedCalculations, first.CachedCalculations));

        var second = VaspNebIngestor.Ingest(data.Path, options);
        Assert.Equal((0, 3), (second.ParsedCalculations, second.CachedCalculations));
        Assert.Equal(first.Hops.Select(h => h.Analysis.EForward), second.Hops.Select(h => h.Analysis.EForward));
        Assert.Equal(first.Hops.Select(h => h.RawHashes), second.Hops.Select(h => h.RawHashes));
        Assert.Equal(IngestTables.Structures(first).DoubleLists("frac"), IngestTables.Structures(second).DoubleLists("frac"));

        new SyntheticNeb { Energies = [-10.0, -9.9, -9.85, -9.9, -10.1] }.Write(data.Sub("neb", "hop_0003"));
        var third = VaspNebIngestor.Ingest(data.Path, options);
        Assert.Equal((1, 3), (third.ParsedCalculations, third.CachedCalculations));
        Assert.Equal(["neb/hop_0001", "neb/hop_0002", "neb/hop_0003"], third.Hops.Select(h => h.CalcId));
        Assert.Equal(0.15, third.Hops[2].Analysis.EForward, 9);
    }

    [Fact]
    public void Changing_a_raw_file_reparses_its_calculation_and_renaming_a_folder_does_not()
    {
        using var data = new TempDir();
        using var cache = new TempDir();
        var options = new IngestOptions { CacheDirectory = cache.Path };
        var neb = new SyntheticNeb();
        neb.Write(data.Sub("a"));
        neb.Write(data.Sub("b"));
        VaspNebIngestor.Ingest(data.Path, options);

        var changed = new SyntheticNeb { Energies = [-10.0, -9.8, -9.3, -9.7, -9.9] };
        changed.OutcarFor(2).Write(Path.Combine(data.Path, "b", "02", "OUTCAR"));
        var afterEdit = VaspNebIngestor.Ingest(data.Path, options);
        Assert.Equal((1, 1), (afterEdit.ParsedCalculations, afterEdit.CachedCalculations));
        Assert.Equal(0.7, afterEdit.Hops.Single(h => h.CalcId == "b").Analysis.EForward, 9);

        Directory.Move(Path.Combine(data.Path, "a"), Path.Combine(data.Path, "renamed"));
        var afterRename = VaspNebIngestor.Ingest(data.Path, options);
        Assert.Equal((0, 2), (afterRename.ParsedCalculations, afterRename.CachedCalculations));
        Assert.Contains(afterRename.Hops, h => h.CalcId == "renamed" && h.RawHashes.StartsWith("renamed/00/", StringComparison.Ordinal));
    }

    [Fact]
    public void Rejections_are_cached_too_and_a_corrupt_cache_entry_is_a_miss()
    {
        using var data = new TempDir();
        using var cache = new TempDir();
        var options = new IngestOptions { CacheDirectory = cache.Path };
        new SyntheticNeb().Write(data.Path);
        File.WriteAllText(Path.Combine(data.Path, "03", "OUTCAR"), "");
        var first = VaspNebIngestor.Ingest(data.Path, options);
        var second = VaspNebIngestor.Ingest(data.Path, options);
        Assert.Equal((0, 1), (second.ParsedCalculations, second.CachedCalculations));
        Assert.Equal(first.Rejected[0].Rejection, second.Rejected[0].Rejection);

        foreach (var entry in Directory.GetFiles(cache.Path, "*.bin", SearchOption.AllDirectories))
            File.WriteAllBytes(entry, [1, 2, 3]);
        var third = VaspNebIngestor.Ingest(data.Path, options);
        Assert.Equal((1, 0), (third.ParsedCalculations, third.CachedCalculations));
        Assert.Equal(RejectionCodes.EmptyOutcar, third.Rejected[0].Rejection.Code);
    }
}
