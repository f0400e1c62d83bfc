using Pipeline.Abstractions;
using Pipeline.Cli;
using Pipeline.Core.Hashing;
using Pipeline.Core.Store;
using Pipeline.TestStages;

namespace Pipeline.Executors.Tests.Support;

/// <summary>A throw-away workspace run through the real command tree in-process, with the tool's modules plus
/// the test stage types (the same set the worker host registers).</summary>
public sealed class ExecutorWorkspace : IDisposable
{
    /// <param name="folderPrefix">Start of the workspace folder's name (to put awkward characters in its path).</param>
    public ExecutorWorkspace(string yaml, string folderPrefix = "")
    {
        Root = Path.Combine(Path.GetTempPath(), "pipeline-executor-tests", folderPrefix + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path.Combine(Root, "datasets"));
        File.WriteAllText(Path.Combine(Root, "datasets", "note.txt"), "a raw input the items read\n");
        File.WriteAllText(Path.Combine(Root, "pipeline.yaml"), yaml);
        Module = new TestModule(Ensemble, new GenerateStage(), new FailStage(), new MisbehavingStage());
    }

    public string Root { get; }
    public EnsembleStage Ensemble { get; } = new();
    public IPipelineModule Module { get; }
    public Workspace Workspace => new(Root);

    public static IReadOnlyList<IPipelineModule> Modules(IPipelineModule? tests = null)
        => [.. global::Pipeline.Cli.Modules.All, tests ?? new TestModule(new EnsembleStage(), new GenerateStage(), new FailStage(), new MisbehavingStage())];

    public Result Cli(params string[] args)
    {
        // Progress goes to stdout and problems (failed items, retries) to stderr; these tests read the log as a person
        // at a terminal sees it, both in order, so Output holds both (Error: stderr alone).
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CommandTree.Invoke(["-C", Root, .. args], Modules(Module), new TeeWriter(output, error, toBoth: false), new TeeWriter(output, error, toBoth: true));
        return new Result(code, output.ToString(), error.ToString());
    }

    public string LockText() => File.ReadAllText(Path.Combine(Root, "pipeline.lock"));

    public LockedStage Locked(string stage) => LockFile.Load(Path.Combine(Root, "pipeline.lock")).Stages[stage];

    public string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>Content hashes of the working copies of a stage's outputs (recomputed from the files).</summary>
    public IReadOnlyDictionary<string, string> WorkingCopyHashes(string stage)
        => Locked(stage).Outputs.ToDictionary(kv => kv.Key, kv => ArtifactHasher.Hash(kv.Value.Kind, PathOf(kv.Value.WorkingPath), null));

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

    public sealed record Result(int Code, string Output, string Error)
    {
        public override string ToString() => $"exit {Code}\n--- stdout\n{Output}\n--- stderr\n{Error}";
    }

    /// <summary>A pipeline of test-generate -> test-ensemble (named `ens`), with extra lines for the top level and
    /// for the ensemble stage (indented by the caller's convention: top-level at column 0, stage keys at 4).</summary>
    public static string Pipeline(string topLevel = "", string ensembleExtra = "") => $$"""
        {{topLevel}}
        stages:
          - name: gen
            uses: test-generate
            params:
              rows: 4
          - name: ens
            uses: test-ensemble
            inputs:
              numbers: gen.numbers
              note: datasets/note.txt
        {{ensembleExtra}}
        """;
}

/// <summary>Writes to the combined log, and with <c>toBoth</c> to the stderr-only log as well.</summary>
internal sealed class TeeWriter(StringWriter combined, StringWriter errorOnly, bool toBoth) : TextWriter
{
    public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

    public override void Write(char value)
    {
        lock (combined)
        {
            combined.Write(value);
            if (toBoth)
                errorOnly.Write(value);
        }
    }

    public override void Write(string? value)
    {
        lock (combined)
        {
            combined.Write(value);
            if (toBoth)
                errorOnly.Write(value);
        }
    }
}
