using Pipeline.Executors.Tests.Support;
using Pipeline.Core.Config;
using Pipeline.Core.Execution;
using Pipeline.Core.Executors;
using Pipeline.Executors.Slurm;
using Pipeline.TestStages;

namespace Pipeline.Executors.Tests;

/// <summary>The executor block of pipeline.yaml: validation with line and column, and precedence.</summary>
public sealed class ExecutorConfigTests
{
    private static readonly StageRegistry Registry = StageRegistry.FromModules([new TestModule(new EnsembleStage(), new GenerateStage())]);

    private static ResolvedPipeline Load(string yaml)
    {
        var root = Path.GetTempPath();
        return PipelineValidator.Validate(yaml, "pipeline.yaml", Registry, root);
    }

    private static IReadOnlyList<string> Errors(string yaml)
        => Assert.Throws<ConfigException>(() => Load(yaml)).Errors.Select(e => e.ToString()).ToList();

    private const string Stages = """
        stages:
          - name: gen
            uses: test-generate
          - name: ens
            uses: test-ensemble
            inputs:
              numbers: gen.numbers
        """;

    [Fact]
    public void Every_bad_option_is_reported_with_its_line_and_column()
    {
        var errors = Errors("""
            executor:
              type: pbs
              partition: "gpu nodes"
              time: 1 hour
              memory: 4 GB
              cpus_per_task: two
              retries: -1
              poll_interval: 0
              sbatch_args: ["--array=1-3", "qos=short", "-o/tmp/x"]
              worker: []
              partitions: debug
            """ + "\n" + Stages);
        Assert.Equal(
        [
            "pipeline.yaml:2:9: 'type' of the top-level executor expects one of local, slurm, got 'pbs'",
            "pipeline.yaml:3:14: 'partition' of the top-level executor expects a Slurm name (letters, digits and _ . , : + = @ -; no spaces), got 'gpu nodes'",
            "pipeline.yaml:4:9: 'time' of the top-level executor expects a Slurm time limit: MINUTES, MM:SS, HH:MM:SS, D-HH, D-HH:MM or D-HH:MM:SS, got '1 hour'",
            "pipeline.yaml:5:11: 'memory' of the top-level executor expects a Slurm memory size such as 500M, 4G or 1T, got '4 GB'",
            "pipeline.yaml:6:18: 'cpus_per_task' of the top-level executor expects an integer, got 'two'",
            "pipeline.yaml:7:12: 'retries' of the top-level executor -1 is below the minimum 0",
            "pipeline.yaml:8:18: 'poll_interval' of the top-level executor 0.0 is below the minimum 0.1",
            "pipeline.yaml:9:16: 'sbatch_args' of the top-level executor: '--array=1-3' sets --array, which the engine sets itself (it controls the array, logs and working folder)",
            "pipeline.yaml:9:16: 'sbatch_args' of the top-level executor: 'qos=short' is not an option (write each as one string, e.g. \"--qos=short\")",
            "pipeline.yaml:9:16: 'sbatch_args' of the top-level executor: '-o/tmp/x' sets -o, which the engine sets itself (it controls the array, logs and working folder)",
            "pipeline.yaml:10:11: 'worker' of the top-level executor is empty",
            "pipeline.yaml:11:3: unknown key 'partitions' in the top-level executor (allowed: type, partition, account, time, cpus_per_task, memory, sbatch_args, worker, retries, poll_interval)",
        ], errors);
    }

    [Fact]
    public void Only_fan_out_stages_may_have_an_executor()
    {
        var errors = Errors("""
            stages:
              - name: gen
                uses: test-generate
                executor: slurm
              - name: ens
                uses: test-ensemble
                executor:
                  type: [slurm]
                inputs:
                  numbers: gen.numbers
            """);
        Assert.Equal(
        [
            "pipeline.yaml:4:15: stage 'gen' (test-generate) cannot have an executor: its stage type does not fan out into work items (fan-out types: test-ensemble)",
            "pipeline.yaml:8:13: 'type' of the executor of stage 'ens' expects one of local, slurm, got a list",
        ], errors);
        Assert.NotNull(Load(Stages.Replace("    uses: test-generate", "    uses: test-generate\n    executor: local")));
    }

    [Fact]
    public void Stage_options_override_top_level_ones_and_the_command_line_overrides_the_kind()
    {
        var pipeline = Load("""
            executor:
              type: slurm
              partition: short
              time: "01:00:00"
              retries: 3
              worker: /shared/bin/pipeline --verbose
            stages:
              - name: gen
                uses: test-generate
              - name: ens
                uses: test-ensemble
                executor:
                  partition: long
                  cpus_per_task: 4
                  memory: 8G
                  sbatch_args: ["--qos=low", "--constraint=avx2"]
                inputs:
                  numbers: gen.numbers
            """);
        var ens = ExecutorSettings.Resolve(pipeline.Spec.Executor, pipeline["ens"].Spec.Executor, commandLine: null);
        Assert.Equal(ExecutorKind.Slurm, ens.Kind);
        Assert.Equal("long", ens.Partition);
        Assert.Equal("01:00:00", ens.Time);
        Assert.Equal(3, ens.Retries);
        Assert.Equal(4, ens.CpusPerTask);
        Assert.Equal("8G", ens.Memory);
        Assert.Equal(["--qos=low", "--constraint=avx2"], ens.SbatchArgs);
        Assert.Equal(["/shared/bin/pipeline", "--verbose"], ens.Worker);
        Assert.Equal(TimeSpan.FromSeconds(5), ens.PollInterval);
        Assert.Equal(ExecutorKind.Local, ExecutorSettings.Resolve(pipeline.Spec.Executor, pipeline["ens"].Spec.Executor, ExecutorKind.Local).Kind);
        Assert.Equal(ExecutorKind.Local, ExecutorSettings.Resolve(null, null, null).Kind);
        Assert.Equal(1, ExecutorSettings.Resolve(null, null, null).Retries);
    }

    [Fact]
    public void Executor_options_do_not_change_fingerprints()
    {
        using var plain = new ExecutorWorkspace(ExecutorWorkspace.Pipeline());
        using var configured = new ExecutorWorkspace(ExecutorWorkspace.Pipeline(
            "executor:\n  type: local\n  partition: p\n  retries: 4",
            "    executor:\n      type: local\n      time: \"10\""));
        Assert.Equal(0, plain.Cli("run").Code);
        Assert.Equal(0, configured.Cli("run").Code);
        Assert.Equal(plain.LockText(), configured.LockText());
    }

    [Theory]
    [InlineData(new[] { 0, 1, 2, 3, 5, 7, 8, 9 }, "0-3,5,7-9")]
    [InlineData(new[] { 4 }, "4")]
    [InlineData(new[] { 9, 2, 3, 2 }, "2-3,9")]
    public void Array_index_lists_round_trip(int[] indices, string text)
    {
        Assert.Equal(text, ArrayIndices.Format(indices));
        Assert.Equal(indices.Distinct().Order(), ArrayIndices.Parse(text)!);
        Assert.Equal(indices.Distinct().Order(), ArrayIndices.Parse("[" + text + "%2]")!);
    }

    [Fact]
    public void Malformed_array_index_lists_are_rejected()
    {
        Assert.Null(ArrayIndices.Parse("3-1"));
        Assert.Null(ArrayIndices.Parse("a-b"));
    }
}
