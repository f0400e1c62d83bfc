using Pipeline.Core.Execution;
using Pipeline.Core.Maintenance;
using Pipeline.Core.Tests.Support;

namespace Pipeline.Core.Tests;

/// <summary>`gc` and versioned stage scratch caches (issue #17 item 7b): a cache folder with a CURRENT file keeps
/// only the sub-folder it names; caches without the marker are left alone.</summary>
public class GcStageCacheTests
{
    [Fact]
    public void Gc_deletes_other_versions_of_a_versioned_stage_cache_and_nothing_else()
    {
        using var ws = new TempWorkspace(TempWorkspace.Chain);
        Assert.Equal(ExitCodes.Ok, ws.Run().ExitCode);
        var cache = ws.Path(".pipeline/stage-cache/vasp-neb-ingest/vasp-parse");
        Directory.CreateDirectory(Path.Combine(cache, "parser-2"));
        Directory.CreateDirectory(Path.Combine(cache, "parser-1"));
        File.WriteAllText(Path.Combine(cache, "parser-2", "live.bin"), "live");
        File.WriteAllText(Path.Combine(cache, "parser-1", "stale.bin"), "stale");
        File.WriteAllText(Path.Combine(cache, "flat-entry-of-the-first-layout.bin"), "stale");
        File.WriteAllText(Path.Combine(cache, "CURRENT"), "parser-2\n");
        var unversioned = ws.Path(".pipeline/stage-cache/other-stage/scratch.bin");
        Directory.CreateDirectory(Path.GetDirectoryName(unversioned)!);
        File.WriteAllText(unversioned, "kept");

        var report = GarbageCollector.Collect(ws.Workspace, pruneRunCache: false);

        Assert.True(File.Exists(Path.Combine(cache, "parser-2", "live.bin")));
        Assert.True(File.Exists(Path.Combine(cache, "CURRENT")));
        Assert.False(Directory.Exists(Path.Combine(cache, "parser-1")));
        Assert.False(File.Exists(Path.Combine(cache, "flat-entry-of-the-first-layout.bin")));
        Assert.True(File.Exists(unversioned));
        Assert.Contains(report.FoldersRemoved, f => f.EndsWith("parser-1", StringComparison.Ordinal));
    }
}
