using Pipeline.Core.Config;
using Pipeline.Core.Tests.Support;

namespace Pipeline.Core.Tests;

/// <summary>pipeline.yaml validation: every error kind with its line and column (1-based, counted by hand).</summary>
public class PipelineYamlTests : IDisposable
{
    private readonly TempWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    private ResolvedPipeline Load(string yaml, params string[] sets)
        => PipelineValidator.Validate(yaml, "pipeline.yaml", _ws.Registry, _ws.Root, sets.Select(ParamOverride.Parse).ToList());

    private List<string> Errors(string yaml, params string[] sets)
        => Assert.Throws<ConfigException>(() => Load(yaml, sets)).Errors.Select(e => e.ToString()).ToList();

    private const string Gen = "stages:\n  - name: gen\n    uses: test-generate\n";

    [Fact]
    public void Valid_pipeline_gets_typed_params_with_defaults_and_topological_order()
    {
        var p = Load("""
            stages:
              - name: sum
                uses: test-summarize
                description: last in the file, last in the order
                inputs:
                  scaled: scale.scaled
              - name: scale
                uses: test-scale
                params:
                  factor: 4
                inputs:
                  numbers: gen.numbers
              - name: gen
                uses: test-generate
                params:
                  rows: 7
                  label: b
            """);
        Assert.Equal(["gen", "scale", "sum"], p.Stages.Select(s => s.Name));
        Assert.Equal(7L, p["gen"].Params.All["rows"]);
        Assert.Equal(1L, p["gen"].Params.All["seed"]);
        Assert.Equal("b", p["gen"].Params.String("label"));
        Assert.Equal(4.0, p["scale"].Params.Float("factor"));
        Assert.Equal("""{"label":"b","rows":7,"seed":1}""", p["gen"].ParamsJson);
        Assert.Equal("last in the file, last in the order", p["sum"].Spec.Description);
    }

    [Fact]
    public void Explicit_default_and_omitted_param_give_the_same_params_hash()
    {
        var a = Load(Gen);
        var b = Load(Gen + "    params:\n      seed: 1\n");
        Assert.Equal(a["gen"].ParamsHash, b["gen"].ParamsHash);
    }

    [Fact]
    public void Wrong_param_type_is_an_error_not_a_silent_string()
        => Assert.Contains("pipeline.yaml:5:13: param 'rows' of stage 'gen' expects an integer, got 'five'",
            Errors(Gen + "    params:\n      rows: five\n"));

    [Fact]
    public void A_quoted_number_is_a_string()
        => Assert.Contains("pipeline.yaml:5:13: param 'rows' of stage 'gen' expects an integer, got the string \"5\"",
            Errors(Gen + "    params:\n      rows: \"5\"\n"));

    [Fact]
    public void Out_of_range_param()
        => Assert.Contains("pipeline.yaml:5:13: param 'rows' of stage 'gen' 0 is below the minimum 1",
            Errors(Gen + "    params:\n      rows: 0\n"));

    [Fact]
    public void Param_not_in_allowed_list()
        => Assert.Contains("pipeline.yaml:5:14: param 'label' of stage 'gen' expects one of a, b, got 'c'",
            Errors(Gen + "    params:\n      label: c\n"));

    [Fact]
    public void Unknown_param()
        => Assert.Contains("pipeline.yaml:5:7: unknown param 'cv' for stage type 'test-generate' (params: rows, seed, label)",
            Errors(Gen + "    params:\n      cv: 5\n"));

    [Fact]
    public void Missing_required_param()
        => Assert.Contains("pipeline.yaml:2:11: stage 'g' is missing required param 'gate' (a string)",
            Errors("stages:\n  - name: g\n    uses: test-gate\n"));

    [Fact]
    public void Unknown_keys_at_top_level_and_in_a_stage()
    {
        var errors = Errors("stages:\n  - name: gen\n    uses: test-generate\n    param:\n      rows: 1\nworkspacez: .\n");
        Assert.Contains("pipeline.yaml:4:5: unknown key 'param' in a stage (allowed: name, uses, description, params, inputs, outputs, executor)", errors);
        Assert.Contains("pipeline.yaml:6:1: unknown key 'workspacez' (allowed: stages, description, executor)", errors);
    }

    [Fact]
    public void Unknown_stage_type()
        => Assert.Contains("pipeline.yaml:3:11: unknown stage type 'test-generat'",
            Errors("stages:\n  - name: gen\n    uses: test-generat\n").Select(e => e.Split(" (known")[0]));

    [Fact]
    public void Missing_input_and_unknown_port()
    {
        var missing = Errors(Gen + "  - name: scale\n    uses: test-scale\n");
        Assert.Contains("pipeline.yaml:4:11: stage 'scale' is missing input 'numbers' (table, required by 'test-scale')", missing);
        var unknown = Errors(Gen + "  - name: scale\n    uses: test-scale\n    inputs:\n      nums: gen.numbers\n      numbers: gen.numbers\n");
        Assert.Contains("pipeline.yaml:7:7: stage type 'test-scale' has no input 'nums' (inputs: numbers)", unknown);
    }

    [Fact]
    public void Unknown_upstream_output_and_kind_mismatch()
    {
        var errors = Errors(Gen + """
              - name: scale
                uses: test-scale
                inputs:
                  numbers: gen.nope
              - name: sum
                uses: test-summarize
                inputs:
                  scaled: gen.numbers
                  note: gen.numbers
            """);
        Assert.Contains("pipeline.yaml:7:16: input 'numbers': stage 'gen' (test-generate) has no output 'nope' (outputs: numbers)", errors);
        Assert.Contains("pipeline.yaml:12:13: input 'note' takes a file but gen.numbers is a table", errors);
    }

    [Fact]
    public void Duplicate_stage_name()
        => Assert.Contains("pipeline.yaml:4:11: duplicate stage name 'gen' (first defined at line 2)",
            Errors(Gen + "  - name: gen\n    uses: test-generate\n"));

    [Fact]
    public void Cycle_is_reported_with_its_path()
    {
        var errors = Errors("""
            stages:
              - name: a
                uses: test-scale
                inputs:
                  numbers: b.scaled
              - name: b
                uses: test-scale
                inputs:
                  numbers: a.scaled
            """);
        Assert.Contains("pipeline.yaml:5:16: cycle: a -> b -> a", errors);
    }

    [Fact]
    public void Raw_inputs_must_exist_and_stay_inside_the_workspace()
    {
        var errors = Errors("""
            stages:
              - name: f
                uses: test-files
                inputs:
                  data: ../elsewhere
              - name: g
                uses: test-files
                inputs:
                  data: datasets/missing
              - name: h
                uses: test-scale
                inputs:
                  numbers: nostage.numbers
            """);
        Assert.Contains("pipeline.yaml:5:13: input 'data': '../elsewhere' is outside the workspace (use a path under it, e.g. datasets/...)", errors);
        Assert.Contains("pipeline.yaml:9:13: input 'data': 'datasets/missing' does not exist", errors);
        Assert.Contains("pipeline.yaml:13:16: input 'numbers': no stage 'nostage' in this pipeline and no file 'nostage.numbers'", errors);
    }

    [Fact]
    public void Raw_inputs_and_globs_resolve_under_the_workspace()
    {
        Directory.CreateDirectory(_ws.Path("datasets/run1"));
        File.WriteAllText(_ws.Path("datasets/run1/a.txt"), "a");
        File.WriteAllText(_ws.Path("datasets/t.csv"), "x\n1\n");
        var p = Load("""
            stages:
              - name: f
                uses: test-files
                inputs:
                  data: datasets/run1
              - name: g
                uses: test-files
                inputs:
                  data: "datasets/**/*.txt"
              - name: s
                uses: test-scale
                inputs:
                  numbers: datasets/*.csv
            """);
        Assert.True(p["f"].Inputs[0].IsRaw);
        Assert.True(p["g"].Inputs[0].IsGlob);
        Assert.Equal(_ws.Path("datasets/run1"), p["f"].Inputs[0].RawPath);
    }

    [Fact]
    public void Outputs_list_is_checked_against_the_ports()
    {
        var errors = Errors(Gen + "    outputs: [numbers, numbrs]\n");
        Assert.Contains("pipeline.yaml:4:24: stage type 'test-generate' has no output 'numbrs' (outputs: numbers)", errors);
    }

    [Fact]
    public void Yaml_syntax_errors_have_a_position()
    {
        var errors = Errors("stages:\n  - name: gen\n    uses: [unclosed\n");
        Assert.Single(errors);
        Assert.StartsWith("pipeline.yaml:", errors[0]);
        Assert.Contains("YAML syntax error", errors[0]);
    }

    [Fact]
    public void All_errors_are_reported_at_once_in_file_order()
    {
        var errors = Errors("stages:\n  - name: gen\n    uses: test-generate\n    params:\n      rows: x\n      seed: y\n"
                            + "  - name: other\n    uses: nope\n  - name: gen\n    uses: test-generate\n");
        Assert.Equal(4, errors.Count);
        Assert.Equal([5, 6, 8, 9], errors.Select(e => int.Parse(e.Split(':')[1])));
    }

    [Fact]
    public void Overrides_are_typed_and_validated()
    {
        var p = Load(Gen, "gen.rows=9", "gen.label=b");
        Assert.Equal(9L, p["gen"].Params.All["rows"]);
        Assert.Contains("--set gen.rows=nine: param 'rows' expects an integer, got 'nine'", Errors(Gen, "gen.rows=nine"));
        Assert.Contains("--set other.rows=1: no stage 'other' in pipeline.yaml", Errors(Gen, "other.rows=1"));
        Assert.Contains("--set gen.cv=1: unknown param 'cv' for stage type 'test-generate' (params: rows, seed, label)", Errors(Gen, "gen.cv=1"));
        var bad = Assert.Throws<ConfigException>(() => ParamOverride.Parse("genrows5"));
        Assert.Contains("expected STAGE.PARAM=VALUE", bad.Message);
    }
}
