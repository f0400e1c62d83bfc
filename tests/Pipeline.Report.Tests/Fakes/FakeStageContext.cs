using Pipeline.Abstractions;

namespace Pipeline.Report.Tests.Fakes;

/// <summary>A minimal stage context: inputs from memory and temp files, the output file in a temp folder,
/// params from the stage's defaults (overridable), log lines kept for assertions.</summary>
internal sealed class FakeStageContext : StageContext
{
    private readonly Dictionary<string, Table> _tables;
    private readonly Dictionary<string, string> _paths;
    private readonly Dictionary<string, string> _hashes;
    private readonly string _outputDirectory;
    private readonly FakeLog _log = new();

    public FakeStageContext(IStage stage, Dictionary<string, Table> tables, Dictionary<string, string> paths,
        Dictionary<string, string> hashes, string outputDirectory, IReadOnlyDictionary<string, string> provenance,
        IReadOnlyDictionary<string, object>? paramOverrides = null)
    {
        _tables = tables;
        _paths = paths;
        _hashes = hashes;
        _outputDirectory = outputDirectory;
        Provenance = provenance;
        var values = stage.Params.Where(p => p.Default is not null).ToDictionary(p => p.Name, p => p.Default!);
        foreach (var (key, value) in paramOverrides ?? new Dictionary<string, object>()) values[key] = value;
        Params = new ParamValues(values);
    }

    public IReadOnlyList<string> Warnings => _log.Warnings;

    public override string StageName => "report";
    public override ParamValues Params { get; }
    public override IStageLog Log => _log;
    public override CancellationToken Cancellation => CancellationToken.None;
    public override int Parallelism => 1;
    public override string CacheDirectory => Path.Combine(_outputDirectory, "cache");
    public override IReadOnlyDictionary<string, string> Provenance { get; }

    public override bool HasInput(string input) => _tables.ContainsKey(input) || _paths.ContainsKey(input);
    public override Table ReadTable(string input) => _tables[input];
    public override string InputPath(string input) => _paths[input];
    public override string InputHash(string input) => _hashes[input];
    public override void WriteTable(string output, Table table) => throw new InvalidOperationException("the report writes no tables");
    public override string OutputFilePath(string output) => Path.Combine(_outputDirectory, output + ".out");
    public override string OutputDirectoryPath(string output) => throw new InvalidOperationException("the report writes no folders");

    private sealed class FakeLog : IStageLog
    {
        public List<string> Warnings { get; } = new();
        public void Info(string message) { }
        public void Warn(string message) => Warnings.Add(message);
        public IProgressTask Progress(string description, long total) => new NoProgress();
    }

    private sealed class NoProgress : IProgressTask
    {
        public void Increment(long by = 1) { }
        public void Status(string text) { }
        public void Dispose() { }
    }
}
