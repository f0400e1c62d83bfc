using Pipeline.Abstractions;

namespace Pipeline.Featurize.Tests.Support;

/// <summary>An in-memory StageContext: input tables in, written tables and files captured, log lines recorded.</summary>
public sealed class TestStageContext : StageContext, IDisposable
{
    private readonly Dictionary<string, Table> _inputs = new();
    private readonly Dictionary<string, object> _params;
    private readonly string _folder = Directory.CreateTempSubdirectory("featurize-test-").FullName;

    public TestStageContext(IStage stage, IReadOnlyDictionary<string, object>? parameters = null)
    {
        _params = stage.Params.Where(p => p.Default is not null).ToDictionary(p => p.Name, p => p.Default!);
        foreach (var (name, value) in parameters ?? new Dictionary<string, object>()) _params[name] = value;
    }

    public Dictionary<string, Table> Written { get; } = new();
    public List<string> Lines { get; } = new();

    public TestStageContext With(string input, Table table)
    {
        _inputs[input] = table;
        return this;
    }

    public override string StageName => "test";
    public override ParamValues Params => new(_params);
    public override IStageLog Log => new Recorder(Lines);
    public override CancellationToken Cancellation => CancellationToken.None;
    public override int Parallelism => 1;
    public override string CacheDirectory => Path.Combine(_folder, "cache");
    public override IReadOnlyDictionary<string, string> Provenance { get; } = new Dictionary<string, string>();
    public override bool HasInput(string input) => _inputs.ContainsKey(input);
    public override Table ReadTable(string input) => _inputs[input];
    public override string InputPath(string input) => throw new InvalidOperationException($"no file input '{input}'");
    public override string InputHash(string input) => $"hash:{input}:{_inputs[input].RowCount}";
    public override void WriteTable(string output, Table table) => Written[output] = table;
    public override string OutputFilePath(string output) => Path.Combine(_folder, output);
    public override string OutputDirectoryPath(string output) => Directory.CreateDirectory(Path.Combine(_folder, output)).FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private sealed class Recorder(List<string> lines) : IStageLog
    {
        public void Info(string message) => lines.Add("info: " + message);
        public void Warn(string message) => lines.Add("warn: " + message);
        public IProgressTask Progress(string description, long total) => new Silent();
    }

    private sealed class Silent : IProgressTask
    {
        public void Increment(long by = 1) { }
        public void Status(string text) { }
        public void Dispose() { }
    }
}
