using System.Text.Json;
using Pipeline.Core.Execution;

namespace Pipeline.EndToEnd.Tests;

/// <summary>The acceptance scenario through the command line: first run executes everything, second nothing, a param
/// change re-runs exactly that stage and its dependants, reverting it restores from the store without recomputing.</summary>
public class PipelineEndToEndTests
{
    private static (int Gen, int Scale, int Summarize) Counts(CliHarness h)
        => (h.Stages.Generate.Runs, h.Stages.Scale.Runs, h.Stages.Summarize.Runs);

    [Fact]
    public void Run_skip_rerun_and_restore_count_executions()
    {
        using var h = new CliHarness(CliHarness.Pipeline);
        var first = h.Cli("run");
        Assert.True(first.Code == ExitCodes.Ok, first.ToString());
        Assert.Equal((1, 2, 1), Counts(h)); // scale and other share the stage type
        Assert.Contains("pipeline: 4 ran, 0 restored, 0 up to date", first.Output);

        var second = h.Cli("run");
        Assert.Equal((1, 2, 1), Counts(h));
        Assert.Contains("pipeline: 0 ran, 0 restored, 4 up to date", second.Output);

        var lockBefore = File.ReadAllText(h.PathOf("pipeline.lock"));
        h.Write("pipeline.yaml", CliHarness.Pipeline.Replace("factor: 3", "factor: 7"));
        var dry = h.Cli("run", "--dry-run");
        Assert.Contains("scale: would run (param factor changed: 3.0 -> 7.0)", dry.Output);
        Assert.Contains("sum: would run (upstream 'scale' will run first)", dry.Output);
        Assert.DoesNotContain("other: would", dry.Output);
        Assert.Equal((1, 2, 1), Counts(h));

        var changed = h.Cli("run");
        Assert.Equal((1, 3, 2), Counts(h));
        Assert.Contains("pipeline: 2 ran, 0 restored, 2 up to date", changed.Output);

        h.Write("pipeline.yaml", CliHarness.Pipeline);
        var reverted = h.Cli("run");
        Assert.Equal((1, 3, 2), Counts(h));
        Assert.Contains("pipeline: 0 ran, 2 restored, 2 up to date", reverted.Output);
        Assert.Equal(lockBefore, File.ReadAllText(h.PathOf("pipeline.lock")));

        var status = JsonDocument.Parse(h.Cli("status", "--json").Output).RootElement;
        Assert.True(status.GetProperty("up_to_date").GetBoolean());
        Assert.Equal(["gen", "scale", "other", "sum"], status.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
    }

    [Fact]
    public void Set_overrides_from_the_command_line_and_parallel_jobs()
    {
        using var h = new CliHarness(CliHarness.Pipeline);
        var run = h.Cli("run", "-j", "2", "--set", "scale.factor=5");
        Assert.True(run.Code == 0, run.ToString());
        Assert.Contains("factor: 5.0", File.ReadAllText(h.PathOf("pipeline.lock")));
        var status = h.Cli("status");
        Assert.Contains("param factor changed: 5.0 -> 3.0", status.Output);
        Assert.Contains("stale", status.Output);
    }

    [Fact]
    public void Invalid_config_exits_2_with_file_line_and_column()
    {
        using var h = new CliHarness(CliHarness.Pipeline.Replace("rows: 6", "rows: six"));
        var r = h.Cli("run");
        Assert.Equal(ExitCodes.InvalidConfig, r.Code);
        Assert.Contains("pipeline.yaml:6:13: param 'rows' of stage 'gen' expects an integer, got 'six'", r.Error);
        Assert.Equal(0, h.Stages.Generate.Runs);
        Assert.Equal(ExitCodes.InvalidConfig, h.Cli("run", "--set", "scale.factor=huge").Code);
        Assert.Equal(ExitCodes.InvalidConfig, h.Cli("run", "--no-such-option").Code);
    }

    [Fact]
    public void Failed_stage_exits_1()
    {
        using var h = new CliHarness("stages:\n  - name: gen\n    uses: test-generate\n  - name: bad\n    uses: test-fail\n    inputs:\n      numbers: gen.numbers\n");
        var r = h.Cli("run");
        Assert.Equal(ExitCodes.StageFailed, r.Code);
        Assert.Contains("bad: FAILED", r.Error); // problems go to stderr
    }

    [Fact]
    public void Lock_timeout_exits_3()
    {
        using var h = new CliHarness(CliHarness.Pipeline);
        Directory.CreateDirectory(h.PathOf(".pipeline"));
        using var held = new FileStream(h.PathOf(".pipeline/workspace.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        var r = h.Cli("run", "--lock-timeout", "0.3");
        Assert.Equal(ExitCodes.LockTimeout, r.Code);
        Assert.Contains("another `pipeline run` is using this workspace", r.Error);
    }

    [Fact]
    public void One_off_module_commands_run_through_the_ad_hoc_host()
    {
        using var h = new CliHarness();
        var r = h.Cli("test-generate", h.PathOf("one-off"), "--rows", "3");
        Assert.True(r.Code == 0, r.ToString());
        var table = Core.Parquet.ParquetTableReader.Read(h.PathOf("one-off/numbers.parquet"));
        Assert.Equal(3, table.RowCount);
        Assert.Equal("one-off", table.Metadata["pipeline.mode"]);
        Assert.Equal(ExitCodes.InvalidConfig, h.Cli("test-generate", h.PathOf("x"), "--rows", "0").Code);
    }
}
