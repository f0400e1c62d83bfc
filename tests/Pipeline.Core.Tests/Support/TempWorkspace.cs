using Pipeline.Core.Execution;
using Pipeline.Core.Logging;
using Pipeline.Core.Store;
using Pipeline.TestStages;

namespace Pipeline.Core.Tests.Support;

/// <summary>A throw-away workspace folder with the standard test stages, a pipeline runner and log capture.</summary>
public sealed class TempWorkspace : IDisposable
{
    public TempWorkspace(string? yaml = null)
    {
        Root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "pipeline-tests", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Root);
        Workspace = new Workspace(Root);
        Module = TestModule.Standard(out var stages);
        Stages = stages;
        Registry = StageRegistry.FromModules([Module]);
        if (yaml is not null)
            WriteConfig(yaml);
    }

    public string Root { get; }
    public Workspace Workspace { get; }
    public TestModule Module { get; }
    public TestModule.StageSet Stages { get; }
    public StageRegistry Registry { get; }
    public StringWriter LogText { get; } = new();

    public void WriteConfig(string yaml) => File.WriteAllText(Workspace.ConfigPath, yaml);

    public string Path(string relative) => System.IO.Path.Combine(Root, relative);

    public PipelineRunner Runner() => new(Workspace, Registry, new PlainRunLog(LogText));

    public RunOutcome Run(RunOptions? options = null) => Runner().Run(options ?? new RunOptions());

    public LockFile Lock() => LockFile.Load(Workspace.LockPath);

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

    /// <summary>generate -> scale -> summarize.</summary>
    public const string Chain = """
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
          - name: sum
            uses: test-summarize
            inputs:
              scaled: scale.scaled
        """;
}
