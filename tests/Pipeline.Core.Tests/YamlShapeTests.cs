using Pipeline.Abstractions;
using Pipeline.Core.Config;
using Pipeline.Core.Tests.Support;

namespace Pipeline.Core.Tests;

/// <summary>pipeline.yaml shapes the happy path never meets (issue #17, item 11): keys that are not plain scalars,
/// and names with a trailing newline, which a '$' anchor lets through (it also matches before a final "\n").</summary>
public class YamlShapeTests : IDisposable
{
    private readonly TempWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    private List<string> Errors(string yaml)
        => Assert.Throws<ConfigException>(() => PipelineValidator.Validate(yaml, "pipeline.yaml", _ws.Registry, _ws.Root))
            .Errors.Select(e => e.ToString()).ToList();

    [Fact]
    public void A_sequence_key_at_the_top_level_is_a_positioned_error_not_a_crash()
        => Assert.Contains("pipeline.yaml:1:3: a key must be a plain name, got a list",
            Errors("? [a, b]\n: 1\nstages:\n  - name: gen\n    uses: test-generate\n"));

    [Fact]
    public void Non_scalar_keys_in_a_stage_its_params_inputs_and_executor_are_positioned_errors()
    {
        var errors = Errors("""
            stages:
              - name: gen
                uses: test-generate
                ? {x: 1}
                : 2
                params:
                  ? [rows]
                  : 3
              - name: scale
                uses: test-scale
                inputs:
                  ? [numbers]
                  : gen.numbers
            executor:
              ? [type]
              : slurm
            """);
        Assert.Contains("pipeline.yaml:4:7: a key must be a plain name, got a mapping", errors);
        Assert.Contains("pipeline.yaml:7:9: a key must be a plain name, got a list", errors);
        Assert.Contains("pipeline.yaml:12:9: a key must be a plain name, got a list", errors);
        Assert.Contains("pipeline.yaml:15:5: a key must be a plain name, got a list", errors);
    }

    [Fact]
    public void A_stage_name_with_a_trailing_newline_is_refused()
        => Assert.Contains("pipeline.yaml:2:11: stage name 'ev\n' must start with a letter and use only letters, digits, '_' and '-'",
            Errors("stages:\n  - name: \"ev\\n\"\n    uses: test-generate\n"));

    [Fact]
    public void Name_patterns_are_anchored_at_the_very_end()
    {
        Assert.DoesNotMatch(PipelineYaml.NamePattern(), "ev\n");
        Assert.DoesNotMatch(WorkItems.IdPattern(), "x0.5-T300\n");
        Assert.DoesNotMatch(Glob.ToRegex("*.txt"), "a.txt\n");
        Assert.Matches(Glob.ToRegex("*.txt"), "a.txt");
    }
}
