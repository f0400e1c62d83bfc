using Pipeline.Abstractions;
using Pipeline.Executors.Tests.Support;
using Pipeline.Core.Hashing;
using Pipeline.Core.Tables;

namespace Pipeline.Executors.Tests;

/// <summary>Issue #17: kept fan-out item results (an interrupted run, a shared file system) are checked before
/// Assemble; an edited or misplaced one is discarded and its item computed again, never merged.</summary>
public sealed class ItemResultIntegrityTests
{
    private const string FirstId = "x0.250-T300-s1";
    private const string SecondId = "x0.250-T600-s1";

    /// <summary>Runs until Assemble refuses (the gate), leaving all six item results kept; returns their folder.</summary>
    private static string Interrupt(ExecutorWorkspace ws, string gate)
    {
        File.WriteAllText(gate, "closed");
        try
        {
            var interrupted = ws.Cli("run");
            Assert.Equal(1, interrupted.Code);
            Assert.Contains("assemble gate", interrupted.Output);
        }
        finally
        {
            File.Delete(gate);
        }
        return Directory.GetDirectories(ws.PathOf(".pipeline/fanout/ens")).Single();
    }

    private static string WalkFile(string items, string id)
        => Directory.GetFiles(Path.Combine(items, id), "walk.table", SearchOption.AllDirectories).Single();

    /// <summary>The row of <paramref name="id"/> against the independent computation of its walk.</summary>
    private static void AssertRowIsTheTrueWalk(ExecutorWorkspace ws, string id)
    {
        var table = TableFiles.Read(ws.PathOf(ws.Locked("ens").Outputs["results"].WorkingPath));
        int row = Array.IndexOf(table.Strings("id"), id);
        double scale = 0.5 * (1 + 2 + 3 + 4);
        var expected = EnsembleStage.Walk(EnsembleStage.SeedOf(1, FileHasher.HashFile(ws.PathOf("datasets/note.txt"))),
            EnsembleStage.StepSize(table.Doubles("x")[row], table.Doubles("T")[row], scale), 20_000);
        Assert.Equal(expected[0], table.Doubles("msd")[row]);
        Assert.Equal(expected[1], table.Doubles("mean")[row]);
    }

    [Fact]
    public void An_edited_kept_item_result_is_discarded_and_recomputed()
    {
        var gate = Path.Combine(Path.GetTempPath(), "pipeline-cluster-gate-" + Guid.NewGuid().ToString("N")[..8]);
        using var ws = new ExecutorWorkspace(ExecutorWorkspace.Pipeline(ensembleExtra: $"    params:\n      assemble_gate: {gate}"));
        var items = Interrupt(ws, gate);

        // Same item id, plausible values, wrong numbers: only a check against the item's own record can tell.
        var walk = WalkFile(items, SecondId);
        var forged = ItemTable.Load(walk);
        var values = forged.DoubleLists("walk")[0].Select(v => v * 1.5 + 1).ToArray();
        ItemTable.Save(new Table([Column.Of("walk", new[] { values })], new Dictionary<string, string> { ["item"] = SecondId }), walk);

        var resumed = ws.Cli("run");
        Assert.True(resumed.Code == 0, resumed.ToString());
        Assert.Contains($"item {SecondId}: the kept result is discarded and computed again", resumed.Output);
        Assert.Contains("5 already computed by an earlier run; running 1", resumed.Output);
        Assert.Equal(2, ws.Ensemble.RunsOf(SecondId));
        AssertRowIsTheTrueWalk(ws, SecondId);
    }

    [Fact]
    public void A_kept_result_filed_under_another_item_is_discarded_and_recomputed()
    {
        var gate = Path.Combine(Path.GetTempPath(), "pipeline-cluster-gate-" + Guid.NewGuid().ToString("N")[..8]);
        using var ws = new ExecutorWorkspace(ExecutorWorkspace.Pipeline(ensembleExtra: $"    params:\n      assemble_gate: {gate}"));
        var items = Interrupt(ws, gate);

        // A copy of the first item's whole result folder (its own record included) put in place of the second's,
        // with the table relabelled so the stage's own sanity check cannot notice.
        Directory.Delete(Path.Combine(items, SecondId), recursive: true);
        CopyTree(Path.Combine(items, FirstId), Path.Combine(items, SecondId));
        var walk = WalkFile(items, SecondId);
        var copied = ItemTable.Load(walk);
        ItemTable.Save(new Table(copied.Columns, new Dictionary<string, string> { ["item"] = SecondId }), walk);

        var resumed = ws.Cli("run");
        Assert.True(resumed.Code == 0, resumed.ToString());
        Assert.Contains($"item {SecondId}: the kept result is discarded", resumed.Output);
        Assert.Equal(2, ws.Ensemble.RunsOf(SecondId));
        AssertRowIsTheTrueWalk(ws, SecondId);
        AssertRowIsTheTrueWalk(ws, FirstId);
    }

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
