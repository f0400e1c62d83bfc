using Pipeline.Cli;
using Pipeline.TestStages;

namespace Pipeline.EndToEnd.Tests;

/// <summary>Runs the real `pipeline` command tree in-process on a temp workspace with the test stage module.</summary>
public sealed class CliHarness : IDisposable
{
    public CliHarness(string? yaml = null)
    {
        Root = Path.Combine(Path.GetTempPath(), "pipeline-e2e", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Root);
        Module = TestModule.Standard(out var stages);
        Stages = stages;
        if (yaml is not null)
            Write("pipeline.yaml", yaml);
    }

    public string Root { get; }
    public TestModule Module { get; }
    public TestModule.StageSet Stages { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public void Write(string relative, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(PathOf(relative))!);
        File.WriteAllText(PathOf(relative), text);
    }

    public Result Cli(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CommandTree.Invoke(["-C", Root, .. args], [Module], output, error);
        return new Result(code, output.ToString(), error.ToString());
    }

    public sealed record Result(int Code, string Output, string Error)
    {
        public override string ToString() => $"exit {Code}\n--- stdout\n{Output}\n--- stderr\n{Error}";
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    public const string Pipeline = """
        description: a small test pipeline
        stages:
          - name: gen
            uses: test-generate
            params:
              rows: 6
          - name: scale
            uses: test-scale
            params:
              factor: 3
            inputs:
              numbers: gen.numbers
          - name: other
            uses: test-scale
            params:
              factor: 0.5
            inputs:
              numbers: gen.numbers
          - name: sum
            uses: test-summarize
            inputs:
              scaled: scale.scaled
        """;
}
