using Pipeline.Abstractions;
using Pipeline.Core.Execution;
using Pipeline.Core.Hashing;
using Pipeline.Core.Maintenance;
using Pipeline.Core.Parquet;
using Pipeline.Core.Store;
using Pipeline.Core.Tests.Support;

namespace Pipeline.Core.Tests;

public class StoreTests
{
    private static (ObjectStore Store, StoredArtifact Artifact) CommitTable(TempWorkspace ws, Table table)
    {
        var store = new ObjectStore(ws.Workspace, new HashCache(null));
        var staged = ws.Path("staged.parquet");
        ParquetTableWriter.Write(table, staged, new Dictionary<string, string>());
        var artifact = new StoredArtifact(PortKind.Table, TableHasher.Hash(table), "out/s/t.parquet");
        store.Commit(artifact, staged);
        return (store, artifact);
    }

    [Fact]
    public void Objects_are_filed_by_kind_and_content_hash()
    {
        using var ws = new TempWorkspace();
        var (store, artifact) = CommitTable(ws, SampleTables.AllTypes());
        var path = store.PathOf(artifact);
        Assert.Equal(Path.Combine(ws.Workspace.ObjectsDir, "t", artifact.Hash[..2], artifact.Hash + ".parquet"), path);
        Assert.True(File.Exists(path));
        Assert.Null(store.Check(artifact, full: true));
        var file = new StoredArtifact(PortKind.File, FileHasher.HashBytes("{}"u8), "out/s/model.json");
        Assert.EndsWith(file.Hash + ".json", store.PathOf(file));
    }

    [Fact]
    public void Corrupt_object_is_detected_on_read_and_quarantined()
    {
        using var ws = new TempWorkspace();
        var (store, artifact) = CommitTable(ws, SampleTables.AllTypes());
        var path = store.PathOf(artifact);
        var other = ws.Path("other.parquet");
        ParquetTableWriter.Write(new Table([Column.Of("f", new[] { 9.0 })]), other, new Dictionary<string, string>());
        File.Copy(other, path, overwrite: true);

        var input = new StoredInput(store, artifact, "s.t");
        var e = Assert.Throws<CorruptObjectException>(() => input.ReadTable());
        Assert.Equal(artifact.Hash, e.Expected);
        Assert.False(File.Exists(path));
        Assert.Single(Directory.GetFiles(ws.Workspace.QuarantineDir));
        Assert.Equal("missing from the store", store.Check(artifact, full: true));
    }

    [Fact]
    public void Bit_flip_is_found_by_verify_which_quarantines_it()
    {
        using var ws = new TempWorkspace();
        var (store, artifact) = CommitTable(ws, SampleTables.AllTypes());
        var file = new StoredArtifact(PortKind.File, FileHasher.HashBytes("hello"u8), "out/s/x.txt");
        var staged = ws.Path("x.txt");
        File.WriteAllText(staged, "hello");
        store.Commit(file, staged);
        var path = store.PathOf(file);
        var bytes = File.ReadAllBytes(path);
        bytes[0] ^= 1;
        File.WriteAllBytes(path, bytes);

        var report = StoreVerifier.Verify(ws.Workspace);
        Assert.Equal(2, report.ObjectsChecked);
        Assert.Single(report.Corrupt);
        Assert.Contains(file.Hash, report.Corrupt[0]);
        Assert.False(File.Exists(path));
        Assert.True(File.Exists(store.PathOf(artifact)));
    }

    [Fact]
    public void Committing_existing_content_keeps_the_intact_object_and_replaces_a_corrupt_one()
    {
        using var ws = new TempWorkspace();
        var store = new ObjectStore(ws.Workspace, new HashCache(null));
        var artifact = new StoredArtifact(PortKind.File, FileHasher.HashBytes("abc"u8), "out/s/f.txt");
        File.WriteAllText(ws.Path("1"), "abc");
        store.Commit(artifact, ws.Path("1"));
        File.WriteAllText(store.PathOf(artifact), "abX");
        File.WriteAllText(ws.Path("2"), "abc");
        store.Commit(artifact, ws.Path("2"));
        Assert.Equal("abc", File.ReadAllText(store.PathOf(artifact)));
        Assert.False(File.Exists(ws.Path("2")));
    }

    [Fact]
    public void Directory_objects_verify_by_manifest()
    {
        using var ws = new TempWorkspace();
        var store = new ObjectStore(ws.Workspace, new HashCache(null));
        var dir = ws.Path("plots");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "a.svg"), "<svg/>");
        var artifact = new StoredArtifact(PortKind.Directory, DirectoryHasher.Hash(dir), "out/s/plots");
        store.Commit(artifact, dir);
        Assert.Null(store.Check(artifact, full: true));
        File.WriteAllText(Path.Combine(store.PathOf(artifact), "extra.txt"), "x");
        Assert.Contains("corrupt", store.Check(artifact, full: true));
    }

    [Fact]
    public void Gc_keeps_what_the_lock_and_run_cache_refer_to()
    {
        using var ws = new TempWorkspace(TempWorkspace.Chain);
        Assert.Equal(ExitCodes.Ok, ws.Run().ExitCode);
        ws.Run(new RunOptions { Sets = ["scale.factor=5"] });
        var store = new ObjectStore(ws.Workspace, new HashCache(null));
        int objects = store.Enumerate().Count();
        var orphan = ws.Path(".pipeline/objects/f/ab/" + new string('a', 32) + ".txt");
        Directory.CreateDirectory(Path.GetDirectoryName(orphan)!);
        File.WriteAllText(orphan, "nobody refers to me");

        var kept = GarbageCollector.Collect(ws.Workspace, pruneRunCache: false);
        Assert.Equal(1, kept.ObjectsRemoved);
        Assert.Equal(objects, store.Enumerate().Count());

        var pruned = GarbageCollector.Collect(ws.Workspace, pruneRunCache: true);
        Assert.True(pruned.ObjectsRemoved >= 4, $"removed {pruned.ObjectsRemoved}");
        Assert.True(StoreVerifier.Verify(ws.Workspace).Ok);
        Assert.Equal(0, ws.Run(new RunOptions { Sets = ["scale.factor=5"] }).Count(StageAction.Ran));
    }
}
