using System.Text.Json;
using Pipeline.Core.Execution;

namespace Pipeline.EndToEnd.Tests;

/// <summary>`metrics show`, `metrics diff` and `params diff` like DVC's: every stage's metrics, each number once,
/// JSON numbers as numbers, params diff seeing pipeline.yaml edits not yet run; and a git revision from the command
/// line can never reach git as an option (issue #17, item 9).</summary>
public class MetricsAndParamsTests
{
    private static CliHarness Ran()
    {
        var h = new CliHarness(CliHarness.Pipeline);
        var r = h.Cli("run");
        Assert.True(r.Code == 0, r.ToString());
        return h;
    }

    [Fact]
    public void Metrics_show_lists_each_metric_once_with_json_numbers()
    {
        using var h = Ran();
        var text = h.Cli("metrics", "show");
        Assert.True(text.Code == 0, text.ToString());
        // x = (i + 1) * 0.5 * 3 for i < 6: sum 31.5, max 9.
        Assert.Contains("sum.metrics[sum].value  31.5", text.Output);
        Assert.Contains("sum.metrics[max].value  9", text.Output);
        // The summary *file* repeats the sum: it is not a metrics output, so the number appears once.
        Assert.Single(text.Output.Split('\n'), l => l.Contains("31.5"));

        var json = JsonDocument.Parse(h.Cli("metrics", "show", "--json").Output).RootElement.GetProperty("metrics");
        Assert.Equal(JsonValueKind.Number, json.GetProperty("sum.metrics[sum].value").ValueKind);
        Assert.Equal(31.5, json.GetProperty("sum.metrics[sum].value").GetDouble());
    }

    [Fact]
    public void Metrics_diff_writes_numbers_and_params_diff_sees_edits_not_yet_run()
    {
        using var h = Ran();
        GitRepo.CommitWorkspace(h.Root);
        h.Write("pipeline.yaml", CliHarness.Pipeline.Replace("factor: 3", "factor: 5"));

        // Not run yet: params diff already shows the edit, metrics have not changed.
        var pending = h.Cli("params", "diff");
        Assert.True(pending.Code == 0, pending.ToString());
        Assert.Contains("scale.factor  3.0   5.0        +2", pending.Output);
        Assert.Contains("no metrics changed since HEAD", h.Cli("metrics", "diff").Output);

        Assert.Equal(0, h.Cli("run").Code);
        var metrics = JsonDocument.Parse(h.Cli("metrics", "diff", "HEAD", "--json").Output).RootElement;
        var sum = metrics.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("key").GetString() == "sum.metrics[sum].value");
        Assert.Equal(31.5, sum.GetProperty("old").GetDouble());
        Assert.Equal(52.5, sum.GetProperty("new").GetDouble());
        Assert.Equal(21, sum.GetProperty("change").GetDouble());
        var parameters = JsonDocument.Parse(h.Cli("params", "diff", "--json").Output).RootElement;
        var factor = parameters.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("key").GetString() == "scale.factor");
        Assert.Equal(JsonValueKind.Number, factor.GetProperty("old").ValueKind);
        Assert.Equal(5.0, factor.GetProperty("new").GetDouble());
        Assert.Equal(2.0, factor.GetProperty("change").GetDouble());
    }

    [Theory]
    [InlineData("params")]
    [InlineData("metrics")]
    public void A_revision_is_never_read_as_a_git_option(string group)
    {
        using var h = Ran();
        GitRepo.CommitWorkspace(h.Root);
        // The old code ran `git show REV:./pipeline.lock`, so REV `--output=T` made git write T:./pipeline.lock: with
        // the folder "T:." present, that file appeared and the command exited 0.
        var target = h.PathOf("by-git");
        Directory.CreateDirectory(target + ":.");
        var written = Path.Combine(target + ":.", "pipeline.lock");

        var option = h.Cli(group, "diff", "--output=" + target);
        Assert.Equal(ExitCodes.InvalidConfig, option.Code);
        Assert.Contains("unknown option '--output=", option.Error);
        Assert.False(File.Exists(written), "git wrote a file named by the revision argument");

        var afterDoubleDash = h.Cli(group, "diff", "--", "--output=" + target);
        Assert.Equal(ExitCodes.InvalidConfig, afterDoubleDash.Code);
        Assert.Contains("cannot start with '-'", afterDoubleDash.Error);
        Assert.False(File.Exists(written), "git wrote a file named by the revision argument");

        var unknown = h.Cli(group, "diff", "no-such-rev");
        Assert.Equal(ExitCodes.InvalidConfig, unknown.Code);
        Assert.Contains("'no-such-rev' is not a commit", unknown.Error);
    }
}
