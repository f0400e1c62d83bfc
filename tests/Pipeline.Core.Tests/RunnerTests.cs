using Pipeline.Abstractions;
using Pipeline.Core.Config;
using Pipeline.Core.Execution;
using Pipeline.Core.Hashing;
using Pipeline.Core.Parquet;
using Pipeline.Core.Store;
using Pipeline.Core.Tests.Support;

namespace Pipeline.Core.Tests;

public class RunnerTests
{
    private static StageOutcome Outcome(RunOutcome run, string stage) => run.Stages.Single(s => s.Stage == stage);

    [Fact]
    public void First_run_executes_everything_second_nothing_and_outputs_are_visible()
    {
        using var ws = new TempWorkspace(TempWorkspace.Chain);
        var first = ws.Run();
        Assert.Equal(ExitCodes.Ok, first.ExitCode);
        Assert.Equal(3, first.Count(StageAction.Ran));
        var second = ws.Run();
        Assert.Equal(3, second.Count(StageAction.UpToDate));
        Assert.Equal((1, 1, 1), (ws.Stages.Generate.Runs, ws.Stages.Scale.Runs, ws.Stages.Summarize.Runs));

        // Working copies: scaled x = (i + seed) * 0.5 * factor with seed 1, factor 3.
        var scaled = ParquetTableReader.Read(ws.Path("out/scale/scaled.parquet"));
        Assert.Equal(Enumerable.Range(0, 6).Select(i => (i + 1) * 0.5 * 3), scaled.Doubles("x"));
        Assert.Equal("scale", scaled.Metadata[ArtifactMetadata.Stage]);
        Assert.Equal("test-scale", scaled.Metadata[ArtifactMetadata.StageType]);
        Assert.Equal(TableHasher.Hash(scaled), scaled.Metadata[ArtifactMetadata.ContentHash]);
        Assert.Contains("\"numbers\":\"" + ws.Lock().Stages["gen"].Outputs["numbers"].Hash, scaled.Metadata[ArtifactMetadata.InputHashes]);
        Assert.Equal("numbers/1", ParquetTableReader.ReadMetadata(ws.Path("out/gen/numbers.parquet"))[ArtifactMetadata.SchemaVersion]);
        Assert.Contains("\"sum\":", File.ReadAllText(ws.Path("out/sum/summary.json")));
        Assert.True(File.Exists(ws.Path("out/sum/plots/sub/b.txt")));
        Assert.Contains("scale: up to date, skipped", ws.LogText.ToString());
    }

    [Fact]
    public void Dry_run_says_why_a_stage_would_run()
    {
        using var ws = new TempWorkspace(TempWorkspace.Chain);
        var never = ws.Run(new RunOptions { DryRun = true });
        Assert.All(never.Stages, s => Assert.Equal(StageAction.WouldRun, s.Action));
        Assert.Equal(["never run (not in pipeline.lock)"], Outcome(never, "gen").Reasons);
        Assert.Equal(["upstream 'gen' will run first"], Outcome(never, "scale").Reasons);
        Assert.False(File.Exists(ws.Workspace.LockPath));

        ws.Run();
        ws.WriteConfig(TempWorkspace.Chain.Replace("factor: 3", "factor: 4"));
        var changed = ws.Run(new RunOptions { DryRun = true });
        Assert.Equal(StageAction.UpToDate, Outcome(changed, "gen").Action);
        Assert.Equal(["param factor changed: 3.0 -> 4.0"], Outcome(changed, "scale").Reasons);
        Assert.Equal(["upstream 'scale' will run first"], Outcome(changed, "sum").Reasons);

        ws.WriteConfig(TempWorkspace.Chain);
        ws.Stages.Scale.Version = 2;
        Assert.Equal(["code version of 'test-scale' changed: 1 -> 2"], Outcome(ws.Run(new RunOptions { DryRun = true }), "scale").Reasons);
        ws.Stages.Scale.Version = 1;

        var store = new ObjectStore(ws.Workspace, new HashCache(null));
        File.Delete(store.PathOf(ws.Lock().Stages["sum"].Outputs["summary"]));
        Assert.Equal(["output summary missing from the store"], Outcome(ws.Run(new RunOptions { DryRun = true }), "sum").Reasons);
        Assert.Equal(0, ws.Stages.Summarize.Runs - 1);
    }

    [Fact]
    public void Changed_param_reruns_the_stage_and_dependants_and_reverting_restores_from_the_run_cache()
    {
        using var ws = new TempWorkspace(TempWorkspace.Chain);
        ws.Run();
        var originalLock = File.ReadAllText(ws.Workspace.LockPath);

        ws.WriteConfig(TempWorkspace.Chain.Replace("factor: 3", "factor: 4"));
        var changed = ws.Run();
        Assert.Equal([StageAction.UpToDate, StageAction.Ran, StageAction.Ran], changed.Stages.Select(s => s.Action));

        ws.WriteConfig(TempWorkspace.Chain);
        var reverted = ws.Run();
        Assert.Equal([StageAction.UpToDate, StageAction.Restored, StageAction.Restored], reverted.Stages.Select(s => s.Action));
        Assert.Equal((1, 2, 2), (ws.Stages.Generate.Runs, ws.Stages.Scale.Runs, ws.Stages.Summarize.Runs));
        Assert.Equal(originalLock, File.ReadAllText(ws.Workspace.LockPath));
        Assert.Equal(Enumerable.Range(0, 6).Select(i => (i + 1) * 0.5 * 3), ParquetTableReader.Read(ws.Path("out/scale/scaled.parquet")).Doubles("x"));
    }

    [Fact]
    public void Set_overrides_are_recorded_in_the_lock()
    {
        using var ws = new TempWorkspace(TempWorkspace.Chain);
        ws.Run(new RunOptions { Sets = ["scale.factor=5", "gen.rows=3"] });
        var locked = ws.Lock().Stages;
        Assert.Equal("5.0", ParamText.Display(locked["scale"].Params["factor"]));
        Assert.Equal("3", ParamText.Display(locked["gen"].Params["rows"]));
        Assert.Equal(3, ParquetTableReader.Read(ws.Path("out/gen/numbers.parquet")).RowCount);
        Assert.Throws<ConfigException>(() => ws.Run(new RunOptions { Sets = ["scale.factor=-1"] }));
    }

    [Fact]
    public void Targets_select_upstream_only_and_force_reruns_just_the_targets()
    {
        using var ws = new TempWorkspace(TempWorkspace.Chain);
        var partial = ws.Run(new RunOptions { Targets = ["scale"] });
        Assert.Equal(["gen", "scale"], partial.Stages.Select(s => s.Stage));
        Assert.Equal(0, ws.Stages.Summarize.Runs);
        ws.Run(new RunOptions { Targets = ["scale"], Force = true });
        Assert.Equal((1, 2), (ws.Stages.Generate.Runs, ws.Stages.Scale.Runs));
        Assert.Throws<ConfigException>(() => ws.Run(new RunOptions { Targets = ["nope"] }));
    }

    [Fact]
    public void A_failing_stage_exits_1_and_leaves_no_lock_entry_or_staging()
    {
        using var ws = new TempWorkspace("""
            stages:
              - name: gen
                uses: test-generate
              - name: bad
                uses: test-fail
                inputs:
                  numbers: gen.numbers
            """);
        var run = ws.Run();
        Assert.Equal(ExitCodes.StageFailed, run.ExitCode);
        Assert.Equal(StageAction.Failed, Outcome(run, "bad").Action);
        Assert.Contains("test-fail always fails", Outcome(run, "bad").Error);
        Assert.True(ws.Lock().Stages.ContainsKey("gen"));
        Assert.False(ws.Lock().Stages.ContainsKey("bad"));
        Assert.False(Directory.Exists(ws.Workspace.TmpDir));
        Assert.Contains("bad: FAILED after", ws.LogText.ToString());
    }

    [Fact]
    public void Dependants_of_a_failed_stage_are_not_run()
    {
        using var ws = new TempWorkspace("""
            stages:
              - name: gen
                uses: test-generate
              - name: bad
                uses: test-fail
                inputs:
                  numbers: gen.numbers
              - name: after
                uses: test-scale
                inputs:
                  numbers: bad.never
            """);
        var run = ws.Run();
        Assert.Equal(StageAction.NotRun, Outcome(run, "after").Action);
        Assert.Equal(["upstream 'bad' did not complete"], Outcome(run, "after").Reasons);
        Assert.Equal(0, ws.Stages.Scale.Runs);
    }

    [Fact]
    public void Jobs_run_independent_stages_in_parallel_and_set_parallelism()
    {
        using var ws = new TempWorkspace("""
            stages:
              - name: s1
                uses: test-sleep
                params: { ms: 600, name: one }
              - name: s2
                uses: test-sleep
                params: { ms: 600, name: two }
            """);
        var run = ws.Run(new RunOptions { Jobs = 2 });
        Assert.Equal(2, run.Count(StageAction.Ran));
        var a = ParquetTableReader.Read(ws.Path("out/s1/times.parquet"));
        var b = ParquetTableReader.Read(ws.Path("out/s2/times.parquet"));
        Assert.True(a.Longs("start")[0] < b.Longs("end")[0] && b.Longs("start")[0] < a.Longs("end")[0], "the two stages did not overlap");
        Assert.Equal(2, ws.Stages.Sleep.SeenParallelism);
    }

    [Fact]
    public void Corrupt_object_found_when_read_is_quarantined_and_rebuilt_never_used()
    {
        using var ws = new TempWorkspace(TempWorkspace.Chain);
        ws.Run();
        var store = new ObjectStore(ws.Workspace, new HashCache(null));
        var numbers = store.PathOf(ws.Lock().Stages["gen"].Outputs["numbers"]);
        var past = DateTime.UtcNow.AddHours(-1);
        File.SetLastWriteTimeUtc(numbers, past);
        ws.Run(); // remembers the (now old) object in the hash cache

        // Same size, same mtime, different bytes: only a full read can tell.
        var bytes = File.ReadAllBytes(numbers);
        for (int i = 8; i < bytes.Length / 2; i++)
            bytes[i] ^= 0x5a;
        File.WriteAllBytes(numbers, bytes);
        File.SetLastWriteTimeUtc(numbers, past);

        ws.WriteConfig(TempWorkspace.Chain.Replace("factor: 3", "factor: 4"));
        var run = ws.Run();
        Assert.True(run.ExitCode == ExitCodes.Ok, ws.LogText.ToString());
        Assert.Equal(2, ws.Stages.Generate.Runs);
        Assert.Contains("quarantined", ws.LogText.ToString());
        Assert.Equal(Enumerable.Range(0, 6).Select(i => (i + 1) * 0.5 * 4), ParquetTableReader.Read(ws.Path("out/scale/scaled.parquet")).Doubles("x"));
        Assert.True(Maintenance.StoreVerifier.Verify(ws.Workspace).Ok);
    }

    [Fact]
    public void Missing_working_copies_are_rewritten_without_running()
    {
        using var ws = new TempWorkspace(TempWorkspace.Chain);
        ws.Run();
        File.Delete(ws.Path("out/gen/numbers.parquet"));
        Directory.Delete(ws.Path("out/sum/plots"), recursive: true);
        var run = ws.Run();
        Assert.Equal(3, run.Count(StageAction.UpToDate));
        Assert.True(File.Exists(ws.Path("out/gen/numbers.parquet")));
        Assert.True(File.Exists(ws.Path("out/sum/plots/a.txt")));
    }

    [Fact]
    public void Raw_directory_and_glob_inputs_are_hashed_and_tracked()
    {
        using var ws = new TempWorkspace("""
            stages:
              - name: all
                uses: test-files
                inputs:
                  data: datasets/d
              - name: txt
                uses: test-files
                inputs:
                  data: "datasets/d/**/*.txt"
            """);
        Directory.CreateDirectory(ws.Path("datasets/d/sub"));
        File.WriteAllText(ws.Path("datasets/d/a.txt"), "a");
        File.WriteAllText(ws.Path("datasets/d/sub/b.txt"), "bb");
        File.WriteAllText(ws.Path("datasets/d/c.dat"), "c");
        ws.Run();
        Assert.Equal(["a.txt", "c.dat", "sub/b.txt"], ParquetTableReader.Read(ws.Path("out/all/files.parquet")).Strings("path"));
        Assert.Equal(["a.txt", "sub/b.txt"], ParquetTableReader.Read(ws.Path("out/txt/files.parquet")).Strings("path"));
        Assert.Equal(DirectoryHasher.Hash(ws.Path("datasets/d")), ws.Lock().Stages["all"].Inputs["data"].Hash);

        File.WriteAllText(ws.Path("datasets/d/c.dat"), "changed");
        var dry = ws.Run(new RunOptions { DryRun = true });
        Assert.StartsWith("input data (datasets/d) changed: ", Outcome(dry, "all").Reasons.Single());
        Assert.Equal(StageAction.UpToDate, Outcome(dry, "txt").Action);
    }

    [Fact]
    public void Stage_cache_directory_is_per_stage_type_and_persistent()
    {
        using var ws = new TempWorkspace(TempWorkspace.Chain);
        ws.Run();
        Assert.True(Directory.Exists(ws.Workspace.StageCacheDir("test-scale")));
        Assert.False(Directory.Exists(ws.Workspace.TmpDir));
    }
}
