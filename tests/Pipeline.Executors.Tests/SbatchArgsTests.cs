using Pipeline.Core.Config;
using Pipeline.Core.Execution;
using Pipeline.Core.Store;
using Pipeline.Executors.Slurm;
using Pipeline.Executors.Tests.Support;
using Pipeline.TestStages;

namespace Pipeline.Executors.Tests;

/// <summary>Issue #17 item 10: sbatch_args cannot sneak in an option the engine sets by the ways sbatch (getopt_long)
/// reads options: unambiguous prefixes of long options, bundled short options, a short option's value written
/// against it; and a '%' in the workspace path does not become one of sbatch's filename replacements.</summary>
public sealed class SbatchArgsTests
{
    private static readonly StageRegistry Registry = StageRegistry.FromModules([new TestModule(new EnsembleStage(), new GenerateStage())]);

    private static IReadOnlyList<string> Errors(params string[] args)
    {
        var yaml = "executor:\n  type: slurm\n  sbatch_args: [" + string.Join(", ", args.Select(a => "\"" + a + "\"")) + "]\n"
                   + "stages:\n  - name: gen\n    uses: test-generate\n";
        var e = Assert.Throws<ConfigException>(() => PipelineValidator.Validate(yaml, "pipeline.yaml", Registry, Path.GetTempPath()));
        return e.Errors.Select(x => x.Message).ToList();
    }

    private static void Accepted(params string[] args)
    {
        var yaml = "executor:\n  type: slurm\n  sbatch_args: [" + string.Join(", ", args.Select(a => "\"" + a + "\"")) + "]\n"
                   + "stages:\n  - name: gen\n    uses: test-generate\n";
        var p = PipelineValidator.Validate(yaml, "pipeline.yaml", Registry, Path.GetTempPath());
        Assert.Equal(args, p.Spec.Executor!.SbatchArgs);
    }

    [Theory]
    [InlineData("--out=/tmp/x", "--output")]
    [InlineData("--o=/tmp/x", "--output")]
    [InlineData("--arr=1-3", "--array")]
    [InlineData("--chd=/tmp", "--chdir")]
    [InlineData("--err=/tmp/e", "--error")]
    [InlineData("--pars", "--parsable")]
    [InlineData("--wr=hostname", "--wrap")]
    [InlineData("--wai", "--wait")]
    [InlineData("-vo/x", "-o")]
    [InlineData("-Hva1-3", "-a")]
    [InlineData("-QD/tmp", "-D")]
    [InlineData("-vW", "-W")]
    [InlineData("-e/tmp/e", "-e")]
    [InlineData("--", "--")]
    public void Options_the_engine_sets_are_refused_however_sbatch_would_read_them(string arg, string option)
    {
        var error = Assert.Single(Errors(arg));
        Assert.Equal($"'sbatch_args' of the top-level executor: '{arg}' sets {option}, which the engine sets itself "
                     + "(it controls the array, logs and working folder)", error);
    }

    [Fact]
    public void Other_options_pass_including_ones_that_start_like_a_reserved_one()
        => Accepted("--qos=short", "--wait-all-nodes=1", "--constraint=avx2", "-Jname", "-vv", "-pdebug", "--exclusive", "--partition=debug", "-t30");

    [Fact]
    public void An_unknown_short_option_is_refused_rather_than_guessed()
        => Assert.Equal("'sbatch_args' of the top-level executor: '-vZo/x': -Z is not an sbatch short option (write it in long form, e.g. --qos=short)",
            Assert.Single(Errors("-vZo/x")));

    [Fact]
    public void Slurm_names_times_and_sizes_with_a_trailing_newline_are_refused()
    {
        // '$' in a pattern also matches before a final newline; the patterns end in \z.
        var yaml = "executor:\n  type: slurm\n  partition: \"gpu\\n\"\n  time: \"30\\n\"\n  memory: \"4G\\n\"\n"
                   + "stages:\n  - name: gen\n    uses: test-generate\n";
        var errors = Assert.Throws<ConfigException>(() => PipelineValidator.Validate(yaml, "pipeline.yaml", Registry, Path.GetTempPath())).Errors;
        Assert.Equal(["partition", "time", "memory"], errors.Select(e => e.Message.Split('\'')[1]));
    }

    [Fact]
    public void A_percent_in_the_workspace_path_is_escaped_in_the_log_pattern()
    {
        var root = Path.Combine(Path.GetTempPath(), "pipeline-executor-tests", "50%A_" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        try
        {
            var layout = new SlurmLayout(new Workspace(root), "ens", "f00d");
            // sbatch's filename pattern: %% is a '%', %A the array job id, %a the task index.
            Assert.Equal(layout.LogPath("81234", 7), ExpandLikeSbatch(layout.LogPattern, "81234", 7));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static string ExpandLikeSbatch(string pattern, string jobId, int index)
    {
        var sb = new System.Text.StringBuilder();
        for (int i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] != '%' || i + 1 == pattern.Length)
            {
                sb.Append(pattern[i]);
                continue;
            }
            char c = pattern[++i];
            sb.Append(c switch
            {
                '%' => "%",
                'A' => jobId,
                'a' => index.ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => throw new InvalidOperationException($"unexpected %{c} in {pattern}"),
            });
        }
        return sb.ToString();
    }
}
