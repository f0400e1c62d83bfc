using Pipeline.Abstractions;

namespace Pipeline.TestSupport;

/// <summary>A minimal in-memory <see cref="StageContext"/> shared by stage tests (the stage name is its type): params with the stage's defaults filled in, table
/// and file inputs, outputs collected in memory (tables) or a temporary folder (files).</summary>
public sealed class TestStageContext : StageContext
{
    private readonly Dictionary<string, Table> _tables;
    private readonly Dictionary<string, string> _files;
    private readonly string _outputDirectory = Path.Combine(Path.GetTempPath(), "stage-test-" + Guid.NewGuid().ToString("N"));

    public TestStageContext(IStage stage, IReadOnlyDictionary<string, object> parameters, Dictionary<string, Table> tables,
        Dictionary<string, string> files)
    {
        var values = stage.Params.Where(p => p.Default is not null).ToDictionary(p => p.Name, p => p.Default!);
        foreach (var (k, v) in parameters) values[k] = v;
        Params = new ParamValues(values);
        StageName = stage.Type;
        _tables = tables;
        _files = files;
        Directory.CreateDirectory(_outputDirectory);
    }

    public Dictionary<string, Table> WrittenTables { get; } = new();
    public List<string> Messages { get; } = new();

    public override string StageName { get; }
    public override ParamValues Params { get; }
    public override IStageLog Log => new ListLog(Messages);
    public override CancellationToken Cancellation => CancellationToken.None;
    public override int Parallelism => 1;
    public override string CacheDirectory => _outputDirectory;
    public override bool HasInput(string input) => _tables.ContainsKey(input) || _files.ContainsKey(input);
    public override Table ReadTable(string input) => _tables[input];
    public override string InputPath(string input) => _files[input];
    public override string InputHash(string input) => "test-hash-" + input;
    public override void WriteTable(string output, Table table) => WrittenTables[output] = table;
    public override string OutputFilePath(string output) => Path.Combine(_outputDirectory, output + ".out");
    public override string OutputDirectoryPath(string output) => Directory.CreateDirectory(Path.Combine(_outputDirectory, output)).FullName;
    public override IReadOnlyDictionary<string, string> Provenance => new Dictionary<string, string> { ["tool_version"] = "test" };

    private sealed class ListLog(List<string> messages) : IStageLog
    {
        public void Info(string message) => messages.Add(message);
        public void Warn(string message) => messages.Add("WARN " + message);
        public IProgressTask Progress(string description, long total) => new NoProgress();
    }

    private sealed class NoProgress : IProgressTask
    {
        public void Increment(long by = 1) { }
        public void Status(string text) { }
        public void Dispose() { }
    }
}
