using System.Text.Json;
using Pipeline.Core.Execution;
using Pipeline.Core.Store;

namespace Pipeline.EndToEnd.Tests;

/// <summary>Issue #17 through the real command tree: exit codes and messages of the integrity checks.</summary>
public class IntegrityCommandTests
{
    private static CliHarness Ran()
    {
        var h = new CliHarness(CliHarness.Pipeline);
        var r = h.Cli("run");
        Assert.True(r.Code == 0, r.ToString());
        return h;
    }

    private static int Objects(CliHarness h) => Directory.GetFiles(h.PathOf(".pipeline/objects"), "*", SearchOption.AllDirectories).Length;

    [Fact]
    public void An_empty_lock_makes_status_fail_naming_it_and_gc_refuse_until_forced()
    {
        using var h = Ran();
        int objects = Objects(h);
        File.WriteAllText(h.PathOf("pipeline.lock"), "");
        var status = h.Cli("status");
        Assert.Equal(ExitCodes.StageFailed, status.Code);
        Assert.Contains("pipeline.lock: the lock file is empty", status.Error);
        Assert.Equal(ExitCodes.StageFailed, h.Cli("gc", "--prune-run-cache").Code);
        Assert.Equal(objects, Objects(h));

        File.Delete(h.PathOf("pipeline.lock"));
        var refused = h.Cli("gc", "--prune-run-cache");
        Assert.Equal(ExitCodes.StageFailed, refused.Code);
        Assert.Contains("pipeline.lock does not exist", refused.Error);
        Assert.Contains("pipeline gc --force", refused.Error);
        Assert.Equal(objects, Objects(h));

        var forced = h.Cli("gc", "--prune-run-cache", "--force");
        Assert.True(forced.Code == 0, forced.ToString());
        Assert.Equal(0, Objects(h));
    }

    [Fact]
    public void Export_and_show_of_a_corrupt_object_fail_instead_of_printing_it()
    {
        using var h = Ran();
        var locked = LockFile.Load(h.PathOf("pipeline.lock"));
        var store = new ObjectStore(new Workspace(h.Root), new Core.Hashing.HashCache(null));
        File.Copy(store.PathOf(locked.Stages["gen"].Outputs["numbers"]), store.PathOf(locked.Stages["scale"].Outputs["scaled"]), overwrite: true);
        var export = h.Cli("export", "scale.scaled", "--format", "csv");
        Assert.Equal(ExitCodes.StageFailed, export.Code);
        Assert.Contains("is corrupt", export.Error);
        Assert.Equal("", export.Output);
        Assert.Equal(ExitCodes.StageFailed, h.Cli("show", "scale.scaled").Code);
        Assert.Equal(0, h.Cli("export", "gen.numbers", "--format", "csv").Code);
    }

    [Fact]
    public void Verify_flags_a_misdirected_lock_output_and_run_restores_it()
    {
        using var h = Ran();
        var lockFile = LockFile.Load(h.PathOf("pipeline.lock"));
        var right = lockFile.Stages["scale"].Outputs["scaled"];
        lockFile.Stages["scale"].Outputs["scaled"] = right with { Hash = lockFile.Stages["gen"].Outputs["numbers"].Hash };
        lockFile.Save(h.PathOf("pipeline.lock"));
        var verify = h.Cli("verify");
        Assert.Equal(ExitCodes.VerificationFailed, verify.Code);
        Assert.Contains("MISMATCH scale.scaled", verify.Output);
        Assert.Contains("according to its run record", h.Cli("status").Output);
        Assert.Equal(0, h.Cli("run").Code);
        Assert.Equal(right.Hash, LockFile.Load(h.PathOf("pipeline.lock")).Stages["scale"].Outputs["scaled"].Hash);
        Assert.Equal(0, h.Cli("verify").Code);
    }

    [Fact]
    public void Export_json_with_schema_wraps_rows_with_column_types()
    {
        using var h = Ran();
        var json = JsonDocument.Parse(h.Cli("export", "gen.numbers", "--format", "json", "--with-schema").Output).RootElement;
        Assert.Equal("id", json.GetProperty("columns")[0].GetProperty("name").GetString());
        Assert.Equal("i64", json.GetProperty("columns")[0].GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.Array, json.GetProperty("rows").ValueKind);
        Assert.Equal(ExitCodes.InvalidConfig, h.Cli("export", "gen.numbers", "--format", "csv", "--with-schema").Code);
    }

    [Fact]
    public void Show_prints_the_declared_unit_after_the_column_type()
    {
        using var h = Ran();
        var show = h.Cli("show", "gen.numbers");
        Assert.True(show.Code == 0, show.ToString());
        Assert.Contains("  x      f64  [eV]", show.Output);
        Assert.Contains("  id     i64\n", show.Output.Replace("\r\n", "\n"));
        var json = JsonDocument.Parse(h.Cli("export", "gen.numbers", "--format", "json", "--with-schema").Output).RootElement;
        Assert.Equal("eV", json.GetProperty("columns")[1].GetProperty("unit").GetString());
    }
}
