using Pipeline.Abstractions;
using Pipeline.Cli;
using Pipeline.Cli.Usage;
using Pipeline.Core.Execution;
using Pipeline.TestStages;

namespace Pipeline.EndToEnd.Tests;

/// <summary>The command line helps: bare commands print help, typos get "did you mean", results go to stdout and
/// problems to stderr, stack traces only with --verbose, -q silences progress.</summary>
public class CliUsageTests
{
    [Fact]
    public void Bare_pipeline_prints_help_and_exits_0()
    {
        using var h = new CliHarness(CliHarness.Pipeline);
        var r = h.Cli();
        Assert.True(r.Code == ExitCodes.Ok, r.ToString());
        Assert.Contains("Usage:", r.Output);
        Assert.Contains("run", r.Output);
        Assert.Equal("", r.Error);
        var group = h.Cli("metrics");
        Assert.True(group.Code == ExitCodes.Ok, group.ToString());
        Assert.Contains("diff", group.Output);
        Assert.Contains("show", group.Output);
    }

    [Fact]
    public void Unknown_command_suggests_the_closest_one_on_stderr()
    {
        using var h = new CliHarness(CliHarness.Pipeline);
        var r = h.Cli("sattus");
        Assert.Equal(ExitCodes.InvalidConfig, r.Code);
        Assert.Contains("unknown command 'sattus' for `pipeline` (did you mean `status`?)", r.Error);
        Assert.DoesNotContain("Required command", r.Error);
        Assert.Equal("", r.Output);
    }

    [Fact]
    public void Misspelt_option_is_not_taken_for_a_stage_name()
    {
        using var h = new CliHarness(CliHarness.Pipeline);
        var r = h.Cli("run", "--dryrun");
        Assert.Equal(ExitCodes.InvalidConfig, r.Code);
        Assert.Contains("unknown option '--dryrun' for `pipeline run` (did you mean `--dry-run`?)", r.Error);
        Assert.Equal(0, h.Stages.Generate.Runs);
        Assert.False(File.Exists(h.PathOf("pipeline.lock")));

        var json = h.Cli("status", "--jsno");
        Assert.Equal(ExitCodes.InvalidConfig, json.Code);
        Assert.Contains("(did you mean `--json`?)", json.Error);
    }

    [Fact]
    public void Unknown_stage_name_suggests_the_closest_stage()
    {
        using var h = new CliHarness(CliHarness.Pipeline);
        var r = h.Cli("run", "scael");
        Assert.Equal(ExitCodes.InvalidConfig, r.Code);
        Assert.Contains("no stage 'scael' in pipeline.yaml (did you mean `scale`?)", r.Error);
        Assert.Equal(0, h.Stages.Generate.Runs);
        Assert.Contains("(did you mean `sum`?)", h.Cli("status", "sun").Error);
    }

    [Fact]
    public void Run_progress_goes_to_stdout_and_warnings_to_stderr_and_the_end_says_where_outputs_are()
    {
        using var h = new Harness(new WarningStage());
        h.Write("pipeline.yaml", "stages:\n  - name: warn\n    uses: test-warn\n");
        var r = h.Cli("run");
        Assert.True(r.Code == ExitCodes.Ok, r.ToString());
        Assert.Contains("warn: running", r.Output);
        Assert.Contains("warning: careful", r.Error);
        Assert.DoesNotContain("careful", r.Output);
        Assert.Contains($"outputs: {Path.Combine(h.Root, "out")}", r.Output);

        var quiet = h.Cli("run", "--force", "-q");
        Assert.True(quiet.Code == ExitCodes.Ok, quiet.ToString());
        Assert.DoesNotContain("running", quiet.Output);
        Assert.Contains("warning: careful", quiet.Error);
    }

    [Fact]
    public void Unexpected_failure_prints_one_line_and_the_stack_trace_only_with_verbose()
    {
        using var h = new Harness(new CrashingStage());
        h.Write("pipeline.yaml", "stages:\n  - name: crash\n    uses: test-crash\n");
        var r = h.Cli("run");
        Assert.Equal(ExitCodes.StageFailed, r.Code);
        Assert.Contains("crash: FAILED", r.Error);
        Assert.Contains("index went astray", r.Error);
        Assert.DoesNotContain("   at ", r.Error + r.Output);
        Assert.Contains("--verbose", r.Error);

        var verbose = h.Cli("run", "--verbose");
        Assert.Equal(ExitCodes.StageFailed, verbose.Code);
        Assert.Contains("   at ", verbose.Error);
        Assert.Contains(nameof(CrashingStage), verbose.Error);
    }

    [Theory]
    [InlineData("sattus", "status", 1)]
    [InlineData("--dryrun", "--dry-run", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("ca", "abc", 3)]
    [InlineData("", "abc", 3)]
    public void Distance_is_optimal_string_alignment(string a, string b, int expected)
        => Assert.Equal(expected, DidYouMean.Distance(a, b));

    [Fact]
    public void Suggestions_need_to_be_close()
    {
        Assert.Equal(["run"], DidYouMean.Suggest("rn", ["run", "dag", "gc"]));
        Assert.Empty(DidYouMean.Suggest("gc", ["dag", "run"]));
        Assert.Equal(["--dry-run"], DidYouMean.Suggest("--dry", ["--dry-run", "--force"]));
    }

    /// <summary>The CLI with a module of one extra stage type.</summary>
    private sealed class Harness(IStage stage) : IDisposable
    {
        private readonly CliHarness _inner = new();
        public string Root => _inner.Root;
        public string PathOf(string relative) => _inner.PathOf(relative);
        public void Write(string relative, string text) => _inner.Write(relative, text);

        public CliHarness.Result Cli(params string[] args)
        {
            var output = new StringWriter();
            var error = new StringWriter();
            int code = CommandTree.Invoke(["-C", Root, .. args], [new TestModule(stage)], output, error);
            return new CliHarness.Result(code, output.ToString(), error.ToString());
        }

        public void Dispose() => _inner.Dispose();
    }

    private sealed class WarningStage : IStage
    {
        public string Type => "test-warn";
        public int Version => 1;
        public string Description => "warns once";
        public IReadOnlyList<ParamSpec> Params => [];
        public IReadOnlyList<PortSpec> Inputs => [];
        public IReadOnlyList<PortSpec> Outputs => [new("out", PortKind.Table, "a table")];

        public void Run(StageContext ctx)
        {
            ctx.Log.Warn("careful");
            ctx.WriteTable("out", new Table([Column.Of("v", new[] { 1.0 })]));
        }
    }

    /// <summary>Fails with an exception no one anticipated (the kind that used to print a stack trace).</summary>
    private sealed class CrashingStage : IStage
    {
        public string Type => "test-crash";
        public int Version => 1;
        public string Description => "crashes";
        public IReadOnlyList<ParamSpec> Params => [];
        public IReadOnlyList<PortSpec> Inputs => [];
        public IReadOnlyList<PortSpec> Outputs => [new("out", PortKind.Table, "a table")];

        public void Run(StageContext ctx) => throw new IndexOutOfRangeException("index went astray");
    }
}
