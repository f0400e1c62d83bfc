using Pipeline.Abstractions;
using Pipeline.Core.Execution;
using Pipeline.Core.Hashing;
using Pipeline.Core.Maintenance;
using Pipeline.Core.Parquet;
using Pipeline.Core.Provenance;
using Pipeline.Core.Store;
using Pipeline.Core.Tests.Support;

namespace Pipeline.Core.Tests;

/// <summary>Issue #17: nothing silently wrong. Each test reproduces a way the store, the lock or a working copy could
/// be wrong without any command noticing.</summary>
public class IntegrityTests
{
    private static StageOutcome Outcome(RunOutcome run, string stage) => run.Stages.Single(s => s.Stage == stage);

    private static int ObjectCount(TempWorkspace ws) => new ObjectStore(ws.Workspace, new HashCache(null)).Enumerate().Count();

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("   \n# only a comment\n", "is empty")]
    [InlineData("just some text\n", "not a mapping")]
    [InlineData("- a\n- b\n", "not a mapping")]
    [InlineData("stages: {}\n", "missing 'schema'")]
    [InlineData("schema: pipeline-lock/1\nstages: [a, b]\n", "'stages' is not a mapping")]
    [InlineData("schema: pipeline-lock/1\nstages:\n  gen: 5\n", "stage 'gen' is not a mapping")]
    [InlineData("schema: pipeline-lock/1\nstages:\n  gen:\n    uses: x\n    version: one\n    fingerprint: f\n    params_hash: p\n", "version")]
    public void A_lock_that_exists_but_is_not_a_valid_lock_is_an_error_naming_the_file(string text, string problem)
    {
        using var ws = new TempWorkspace(TempWorkspace.Chain);
        File.WriteAllText(ws.Workspace.LockPath, text);
        var e = Assert.Throws<InvalidDataException>(() => LockFile.Load(ws.Workspace.LockPath));
        Assert.Contains(ws.Workspace.LockPath, e.Message);
        Assert.Contains(problem, e.Message);
        // status must not call everything never-run on top of a broken lock
        Assert.Throws<InvalidDataException>(() => ws.Runner().Plan());
    }

    [Fact]
    public void A_missing_lock_is_still_an_empty_lock()
    {
        using var ws = new TempWorkspace(TempWorkspace.Chain);
        Assert.Empty(LockFile.Load(ws.Workspace.LockPath).Stages);
    }

    [Fact]
    public void Gc_refuses_to_empty_the_store_when_the_lock_references_nothing()
    {
        using var ws = new TempWorkspace(TempWorkspace.Chain);
        ws.Run();
        int objects = ObjectCount(ws);
        Assert.True(objects >= 5);

        File.WriteAllText(ws.Workspace.LockPath, "");
        Assert.Throws<InvalidDataException>(() => GarbageCollector.Collect(ws.Workspace, pruneRunCache: true));
        Assert.Equal(objects, ObjectCount(ws));

        File.WriteAllText(ws.Workspace.LockPath, "schema: pipeline-lock/1\nstages: {}\n");
        var refused = Assert.Throws<InvalidOperationException>(() => GarbageCollector.Collect(ws.Workspace, pruneRunCache: true));
        Assert.Contains("--force", refused.Message);
        Assert.Equal(objects, ObjectCount(ws));
        Assert.NotEmpty(Directory.GetFiles(ws.Workspace.RunsDir));

        File.Delete(ws.Workspace.LockPath);
        Assert.Throws<InvalidOperationException>(() => GarbageCollector.Collect(ws.Workspace, pruneRunCache: true));
        Assert.Equal(objects, ObjectCount(ws));
    }

    [Fact]
    public void Gc_with_force_empties_the_store_on_purpose()
    {
        using var ws = new TempWorkspace(TempWorkspace.Chain);
        ws.Run();
        File.WriteAllText(ws.Workspace.LockPath, "schema: pipeline-lock/1\nstages: {}\n");
        var report = GarbageCollector.Collect(ws.Workspace, pruneRunCache: true, force: true);
        Assert.True(report.ObjectsRemoved >= 5);
        Assert.Equal(0, ObjectCount(ws));
    }

    [Fact]
    public void Gc_with_a_normal_lock_still_removes_only_orphans()
    {
        using var ws = new TempWorkspace(TempWorkspace.Chain);
        ws.Run();
        ws.WriteConfig(TempWorkspace.Chain.Replace("factor: 3", "factor: 4"));
        ws.Run();
        var report = GarbageCollector.Collect(ws.Workspace, pruneRunCache: true);
        Assert.True(report.ObjectsRemoved >= 1);
        Assert.True(StoreVerifier.Verify(ws.Workspace).Ok);
    }

    /// <summary>A bad merge or a hand edit points scale.scaled at gen.numbers: an intact object, the wrong table.</summary>
    private static (string Right, string Wrong) MisdirectScaleOutput(TempWorkspace ws)
    {
        var lockFile = ws.Lock();
        var scaled = lockFile.Stages["scale"].Outputs["scaled"];
        var numbers = lockFile.Stages["gen"].Outputs["numbers"];
        lockFile.Stages["scale"].Outputs["scaled"] = scaled with { Hash = numbers.Hash };
        lockFile.Save(ws.Workspace.LockPath);
        return (scaled.Hash, numbers.Hash);
    }

    [Fact]
    public void A_lock_output_pointing_at_another_intact_object_is_caught_by_status_verify_and_run()
    {
        using var ws = new TempWorkspace(TempWorkspace.Chain);
        ws.Run();
        var (right, wrong) = MisdirectScaleOutput(ws);

        var status = ws.Runner().Plan();
        var scale = Outcome(status, "scale");
        Assert.NotEqual(StageAction.UpToDate, scale.Action);
        Assert.Contains(scale.Reasons, r => r.Contains("run record", StringComparison.Ordinal));

        var verify = StoreVerifier.Verify(ws.Workspace);
        Assert.False(verify.Ok);
        Assert.Contains(verify.LockMismatches, m => m.Contains("scale.scaled", StringComparison.Ordinal));

        var run = ws.Run();
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal(StageAction.Restored, Outcome(run, "scale").Action);
        Assert.Equal(right, ws.Lock().Stages["scale"].Outputs["scaled"].Hash);
        Assert.Equal(right, ws.Lock().Stages["sum"].Inputs["scaled"].Hash);
        Assert.NotEqual(right, wrong);
        Assert.True(StoreVerifier.Verify(ws.Workspace).Ok);
    }

    [Fact]
    public void Without_a_run_record_the_footer_artifact_name_catches_a_misdirected_lock_output()
    {
        using var ws = new TempWorkspace(TempWorkspace.Chain);
        ws.Run();
        MisdirectScaleOutput(ws);
        Directory.Delete(ws.Workspace.RunsDir, recursive: true);

        var scale = Outcome(ws.Runner().Plan(), "scale");
        Assert.NotEqual(StageAction.UpToDate, scale.Action);
        Assert.Contains(scale.Reasons, r => r.Contains("gen.numbers", StringComparison.Ordinal));
        Assert.False(StoreVerifier.Verify(ws.Workspace).Ok);

        var runs = ws.Stages.Scale.Runs;
        Assert.Equal(ExitCodes.Ok, ws.Run().ExitCode);
        Assert.Equal(runs + 1, ws.Stages.Scale.Runs);
        Assert.True(StoreVerifier.Verify(ws.Workspace).Ok);
    }

    [Fact]
    public void Show_and_export_refuse_a_corrupt_store_object()
    {
        using var ws = new TempWorkspace(TempWorkspace.Chain);
        ws.Run();
        var store = new ObjectStore(ws.Workspace, new HashCache(null));
        var lockFile = ws.Lock();
        var scaled = store.PathOf(lockFile.Stages["scale"].Outputs["scaled"]);
        // another valid table in its place: readable, wrong content
        File.Copy(store.PathOf(lockFile.Stages["gen"].Outputs["numbers"]), scaled, overwrite: true);
        var e = Assert.ThrowsAny<IOException>(() => ArtifactResolver.Resolve(ws.Workspace, lockFile, "scale.scaled"));
        Assert.Contains("corrupt", e.Message);
        Assert.Contains(lockFile.Stages["scale"].Outputs["scaled"].Hash, e.Message);

        var summary = store.PathOf(lockFile.Stages["sum"].Outputs["summary"]);
        File.AppendAllText(summary, " ");
        Assert.ThrowsAny<IOException>(() => ArtifactResolver.Resolve(ws.Workspace, lockFile, "sum.summary"));

        var plots = store.PathOf(lockFile.Stages["sum"].Outputs["plots"]);
        File.WriteAllText(Path.Combine(plots, "a.txt"), "edited");
        Assert.ThrowsAny<IOException>(() => ArtifactResolver.Resolve(ws.Workspace, lockFile, "sum.plots"));
        // read-only commands report; they do not move objects (no writer lock)
        Assert.True(File.Exists(scaled));
    }

    [Fact]
    public void Show_of_an_edited_working_copy_is_refused_when_the_store_object_is_gone()
    {
        using var ws = new TempWorkspace(TempWorkspace.Chain);
        ws.Run();
        var store = new ObjectStore(ws.Workspace, new HashCache(null));
        var lockFile = ws.Lock();
        File.Delete(store.PathOf(lockFile.Stages["scale"].Outputs["scaled"]));
        File.Copy(ws.Path("out/gen/numbers.parquet"), ws.Path("out/scale/scaled.parquet"), overwrite: true);
        Assert.ThrowsAny<IOException>(() => ArtifactResolver.Resolve(ws.Workspace, lockFile, "scale.scaled"));
    }

    [Fact]
    public void An_edited_footer_is_found_by_verify_and_on_read()
    {
        using var ws = new TempWorkspace(TempWorkspace.Chain);
        ws.Run();
        var store = new ObjectStore(ws.Workspace, new HashCache(null));
        var numbers = ws.Lock().Stages["gen"].Outputs["numbers"];
        var path = store.PathOf(numbers);
        var table = ParquetTableReader.Read(path);
        var footer = new Dictionary<string, string>(table.Metadata) { [ArtifactMetadata.Params] = "{\"rows\":600}" };
        ParquetTableWriter.Write(table, path, footer);
        Assert.Equal(numbers.Hash, ArtifactHasher.HashTableFile(path)); // the content hash alone cannot see it

        var verify = StoreVerifier.Verify(ws.Workspace);
        Assert.False(verify.Ok);
        Assert.Contains(verify.Corrupt, c => c.Contains("footer", StringComparison.Ordinal));
        Assert.False(File.Exists(path));
        Assert.Equal(ExitCodes.Ok, ws.Run().ExitCode);
        Assert.DoesNotContain("600", ParquetTableReader.ReadMetadata(store.PathOf(numbers))[ArtifactMetadata.Params]);
    }

    [Fact]
    public void A_footer_edited_on_read_is_quarantined_and_rebuilt()
    {
        using var ws = new TempWorkspace(TempWorkspace.Chain);
        ws.Run();
        var store = new ObjectStore(ws.Workspace, new HashCache(null));
        var numbers = ws.Lock().Stages["gen"].Outputs["numbers"];
        var path = store.PathOf(numbers);
        var table = ParquetTableReader.Read(path);
        ParquetTableWriter.Write(table, path, new Dictionary<string, string>(table.Metadata) { [ArtifactMetadata.Stage] = "other" });
        var input = new StoredInput(store, numbers, "gen.numbers");
        Assert.Throws<CorruptObjectException>(() => input.ReadTable());
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Verify_raw_finds_a_raw_input_changed_behind_the_hash_cache()
    {
        using var ws = new TempWorkspace("""
            stages:
              - name: scale
                uses: test-scale
                inputs:
                  numbers: datasets/n.csv
            """);
        Directory.CreateDirectory(ws.Path("datasets"));
        var raw = ws.Path("datasets/n.csv");
        File.WriteAllText(raw, "id,x\n0,1.5\n1,2.5\n");
        var past = DateTime.UtcNow.AddHours(-1);
        File.SetLastWriteTimeUtc(raw, past);
        Assert.Equal(ExitCodes.Ok, ws.Run().ExitCode);

        // same size, same mtime (cp -p, rsync -t, a restored backup): the (path, size, mtime) cache cannot see it
        File.WriteAllText(raw, "id,x\n0,1.5\n1,9.5\n");
        File.SetLastWriteTimeUtc(raw, past);
        Assert.Equal(StageAction.UpToDate, Outcome(ws.Runner().Plan(), "scale").Action);
        Assert.True(StoreVerifier.Verify(ws.Workspace).Ok);

        var report = StoreVerifier.VerifyRaw(ws.Workspace);
        Assert.False(report.Ok);
        Assert.Contains(report.CacheMismatches, m => m.Contains("datasets/n.csv", StringComparison.Ordinal));
        Assert.Contains(report.ChangedInputs, m => m.Contains("scale", StringComparison.Ordinal) && m.Contains("datasets/n.csv", StringComparison.Ordinal));
        // the cache was corrected: status now sees the change
        Assert.NotEqual(StageAction.UpToDate, Outcome(ws.Runner().Plan(), "scale").Action);
        Assert.True(StoreVerifier.VerifyRaw(ws.Workspace).Ok);
    }

    [Fact]
    public void Run_repairs_an_edited_file_inside_a_folder_working_copy()
    {
        using var ws = new TempWorkspace(TempWorkspace.Chain);
        ws.Run();
        var a = ws.Path("out/sum/plots/a.txt");
        var original = File.ReadAllText(a);
        File.WriteAllText(a, "edited by hand");
        File.WriteAllText(ws.Path("out/sum/plots/extra.txt"), "not from the store");
        var verify = StoreVerifier.Verify(ws.Workspace);
        Assert.Contains(verify.StaleWorkingCopies, s => s.Contains("out/sum/plots", StringComparison.Ordinal));

        var run = ws.Run();
        Assert.Equal(3, run.Count(StageAction.UpToDate));
        Assert.Equal(original, File.ReadAllText(a));
        Assert.False(File.Exists(ws.Path("out/sum/plots/extra.txt")));
        Assert.Empty(StoreVerifier.Verify(ws.Workspace).StaleWorkingCopies);
    }
}
