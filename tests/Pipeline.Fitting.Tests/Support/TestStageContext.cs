using Pipeline.Abstractions;

namespace Pipeline.Fitting.Tests.Support;

/// <summary>An in-memory StageContext: tables and file paths in, outputs into a temporary folder.</summary>
public sealed class TestStageContext : StageContext, IDisposable
{
    private readonly Dictionary<string, Table> _tables = new();
    private readonly Dictionary<string, string> _paths = new();
    private readonly Dictionary<string, object> _params;

    public TestStageContext(IStage stage, IReadOnlyDictionary<string, object>? parameters = null)
    {
        _params = stage.Params.Where(p => p.Default is not null).ToDictionary(p => p.Name, p => p.Default!);
        foreach (var (k, v) in parameters ?? new Dictionary<string, object>())
            _params[k] = v;
        OutputDirectory = Directory.CreateTempSubdirectory("fitting-test-").FullName;
    }

    public string OutputDirectory { get; }
    public Dictionary<string, Table> WrittenTables { get; } = new();
    public List<string> Messages { get; } = new();

    public TestStageContext WithTable(string input, Table table)
    {
        _tables[input] = table;
        return this;
    }

    public TestStageContext WithPath(string input, string path)
    {
        _paths[input] = path;
        return this;
    }

    public override string StageName => "test";
    public override ParamValues Params => new(_params);
    public override IStageLog Log => new ListLog(Messages);
    public override CancellationToken Cancellation => CancellationToken.None;
    public override int Parallelism => 2;
    public override string CacheDirectory => Path.Combine(OutputDirectory, ".cache");
    public override IReadOnlyDictionary<string, string> Provenance { get; } =
        new Dictionary<string, string> { ["tool_version"] = "test", ["created_utc"] = "2024-01-01T00:00:00Z" };

    public override bool HasInput(string input) => _tables.ContainsKey(input) || _paths.ContainsKey(input);
    public override Table ReadTable(string input) => _tables[input];
    public override string InputPath(string input) => _paths[input];
    public override string InputHash(string input) => "hash-of-" + input;
    public override void WriteTable(string output, Table table) => WrittenTables[output] = table;
    public override string OutputFilePath(string output) => Path.Combine(OutputDirectory, output);

    public override string OutputDirectoryPath(string output)
    {
        var path = Path.Combine(OutputDirectory, output);
        Directory.CreateDirectory(path);
        return path;
    }

    public void Dispose()
    {
        if (Directory.Exists(OutputDirectory))
            Directory.Delete(OutputDirectory, recursive: true);
    }

    private sealed class ListLog(List<string> messages) : IStageLog
    {
        public void Info(string message) => messages.Add("info: " + message);
        public void Warn(string message) => messages.Add("warn: " + message);
        public IProgressTask Progress(string description, long total) => new NoProgress();
    }

    private sealed class NoProgress : IProgressTask
    {
        public void Increment(long by = 1) { }
        public void Status(string text) { }
        public void Dispose() { }
    }
}
