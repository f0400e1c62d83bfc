using Pipeline.Executors.Tests.Support;
using Pipeline.Core.Execution;
using Pipeline.Core.Hashing;
using Pipeline.Core.Logging;
using Pipeline.Core.Store;
using Pipeline.Core.Tables;

namespace Pipeline.Executors.Tests;

/// <summary>The fan-out path with the local executor (no Slurm needed).</summary>
public sealed class LocalFanOutTests
{
    private const string FirstId = "x0.250-T300-s1";
    private const string SecondId = "x0.250-T600-s1";

    [Fact]
    public void Local_items_run_in_parallel_and_give_what_the_in_process_run_gives()
    {
        using var ws = new ExecutorWorkspace(ExecutorWorkspace.Pipeline(ensembleExtra: "    params:\n      item_ms: 150"));
        var run = ws.Cli("run", "-j", "3");
        Assert.True(run.Code == 0, run.ToString());
        Assert.Equal(6, ws.Ensemble.TotalItemRuns);
        Assert.InRange(ws.Ensemble.MaxConcurrentItems, 2, 3);
        Assert.Contains("ens: 6 work items; running 6 on the local executor", run.Output);
        Assert.False(Directory.Exists(ws.PathOf(".pipeline/fanout/ens")), "item results are deleted once the stage committed");

        // Independent oracle: the walk of each (x, T, seed) from the generated numbers (rows 4, seed 1: x = 0.5 (i + 1)).
        var locked = ws.Locked("ens");
        var table = TableFiles.Read(ws.PathOf(locked.Outputs["results"].WorkingPath));
        double scale = 0.5 * (1 + 2 + 3 + 4);
        var noteHash = FileHasher.HashFile(ws.PathOf("datasets/note.txt"));
        Assert.Equal([FirstId, SecondId, "x0.250-T900-s1", "x0.500-T300-s1", "x0.500-T600-s1", "x0.500-T900-s1"], table.Strings("id"));
        for (int i = 0; i < table.RowCount; i++)
        {
            var expected = EnsembleStage.Walk(EnsembleStage.SeedOf(1, noteHash),
                EnsembleStage.StepSize(table.Doubles("x")[i], table.Doubles("T")[i], scale), 20_000);
            Assert.Equal(expected[0], table.Doubles("msd")[i]);
            Assert.Equal(expected[1], table.Doubles("mean")[i]);
        }

        // The reference semantics (IFanOutStage's default Run: Plan, items in turn, Assemble) through the one-off host.
        var adHocOut = ws.PathOf("adhoc");
        var adHocLog = new StringWriter();
        int code = new AdHocHost(new PlainRunLog(adHocLog), cacheRoot: ws.PathOf("adhoc-cache")).RunAdHoc(new EnsembleStage(),
            new Dictionary<string, string> { ["item_ms"] = "150" },
            new Dictionary<string, string> { ["numbers"] = ws.PathOf("out/gen/numbers.parquet"), ["note"] = ws.PathOf("datasets/note.txt") },
            adHocOut);
        Assert.True(code == 0, adHocLog.ToString());
        Assert.Equal(locked.Outputs["results"].Hash, ArtifactHasher.Hash(Abstractions.PortKind.Table, Path.Combine(adHocOut, "results.parquet"), null));
        Assert.Equal(locked.Outputs["summary"].Hash, FileHasher.HashFile(Path.Combine(adHocOut, "summary.json")));
        Assert.Equal(locked.Outputs["traces"].Hash, DirectoryHasher.Hash(Path.Combine(adHocOut, "traces")));

        var again = ws.Cli("run", "-j", "3");
        Assert.True(again.Code == 0, again.ToString());
        Assert.Contains("ens: up to date", again.Output);
        Assert.Equal(6, ws.Ensemble.TotalItemRuns);
    }

    [Fact]
    public void A_failing_item_fails_the_stage_by_name_and_the_rerun_computes_only_that_item()
    {
        var markers = Path.Combine(Path.GetTempPath(), "pipeline-executor-markers-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(markers);
        using var ws = new ExecutorWorkspace(ExecutorWorkspace.Pipeline(
            ensembleExtra: $"    params:\n      fail_once: [{SecondId}]\n      marker_dir: {markers}"));
        var first = ws.Cli("run", "-j", "2");
        Assert.Equal(1, first.Code);
        Assert.Contains($"1 of 6 work items failed (local executor", first.Output);
        Assert.Contains($"item {SecondId} (#1): item {SecondId} fails on its first attempt (test hook)", first.Output);
        var kept = Directory.GetDirectories(ws.PathOf(".pipeline/fanout/ens"), "*").Single();
        Assert.Equal(5, Directory.GetDirectories(kept).Count(d => !Path.GetFileName(d).StartsWith('.')));

        var second = ws.Cli("run", "-j", "2");
        Assert.True(second.Code == 0, second.ToString());
        Assert.Contains("ens: 6 work items, 5 already computed by an earlier run; running 1 on the local executor", second.Output);
        Assert.Equal(2, ws.Ensemble.RunsOf(SecondId));
        Assert.Equal(7, ws.Ensemble.TotalItemRuns);
        Directory.Delete(markers, recursive: true);
    }

    [Fact]
    public void An_interrupted_stage_resumes_with_the_missing_items_and_force_recomputes_all()
    {
        var gate = Path.Combine(Path.GetTempPath(), "pipeline-executor-gate-" + Guid.NewGuid().ToString("N")[..8]);
        using var ws = new ExecutorWorkspace(ExecutorWorkspace.Pipeline(ensembleExtra: $"    params:\n      assemble_gate: {gate}"));
        File.WriteAllText(gate, "closed");
        try
        {
            var interrupted = ws.Cli("run");
            Assert.Equal(1, interrupted.Code);
            Assert.Contains("assemble gate", interrupted.Output);
            var items = Directory.GetDirectories(ws.PathOf(".pipeline/fanout/ens")).Single();
            Directory.Delete(Path.Combine(items, FirstId), recursive: true);
        }
        finally
        {
            File.Delete(gate);
        }
        var resumed = ws.Cli("run");
        Assert.True(resumed.Code == 0, resumed.ToString());
        Assert.Contains("5 already computed by an earlier run; running 1", resumed.Output);
        Assert.Equal(2, ws.Ensemble.RunsOf(FirstId));
        Assert.Equal(7, ws.Ensemble.TotalItemRuns);
        var resumedHashes = ws.WorkingCopyHashes("ens");
        var lockAfterResume = ws.LockText();

        var forced = ws.Cli("run", "--force", "ens");
        Assert.True(forced.Code == 0, forced.ToString());
        Assert.Equal(13, ws.Ensemble.TotalItemRuns);
        Assert.Equal(resumedHashes, ws.WorkingCopyHashes("ens"));
        Assert.Equal(lockAfterResume, ws.LockText());
    }

    [Theory]
    [InlineData("write-in-item", "RunItem tried to write output 'out'; a fan-out stage writes its outputs in Assemble only")]
    [InlineData("write-in-plan", "Plan tried to write output 'out'")]
    [InlineData("bad-id", "work item 1 has the id '../escape', which is not a valid item id")]
    [InlineData("duplicate-id", "two work items have the id 'same' (ids must be unique, ignoring case)")]
    public void Contract_violations_fail_the_stage_with_a_clear_message(string mode, string message)
    {
        using var ws = new ExecutorWorkspace($"stages:\n  - name: bad\n    uses: test-misbehaving\n    params:\n      mode: {mode}\n");
        var run = ws.Cli("run");
        Assert.Equal(1, run.Code);
        Assert.Contains(message, run.Output);
        Assert.False(File.Exists(ws.PathOf("pipeline.lock")) && ws.LockText().Contains("bad:"), "nothing is committed");
    }
}
