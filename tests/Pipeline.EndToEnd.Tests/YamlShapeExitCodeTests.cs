namespace Pipeline.EndToEnd.Tests;

/// <summary>Issue #17 item 11 through the command line: a list used as a key in pipeline.yaml is an invalid
/// pipeline (exit 2, file:line:column), not a crash (it was an InvalidCastException, exit 1).</summary>
public sealed class YamlShapeExitCodeTests
{
    [Fact]
    public void A_list_key_makes_run_exit_2_with_its_position()
    {
        using var cli = new CliHarness("? [a, b]\n: 1\nstages:\n  - name: gen\n    uses: test-generate\n");
        var run = cli.Cli("run");
        Assert.True(run.Code == 2, run.ToString());
        Assert.Contains("pipeline.yaml:1:3: a key must be a plain name, got a list", run.Error);
        Assert.DoesNotContain("InvalidCastException", run.Output + run.Error);
    }
}
