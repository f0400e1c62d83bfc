using Pipeline.Abstractions;

namespace Pipeline.Vasp.Tests.Support;

/// <summary>A StageContext for running a stage in-process: params with the stage's defaults filled in, inputs as
/// paths, tables kept in memory, log lines collected.</summary>
public sealed class FakeStageContext : StageContext
{
    private readonly Dictionary<string, string> _inputs;
    private readonly ListLog _log = new();

    public FakeStageContext(IStage stage, Dictionary<string, string> inputs, Dictionary<string, object>? parameters = null, string? cacheDirectory = null)
    {
        var values = stage.Params.Where(p => p.Default is not null).ToDictionary(p => p.Name, p => p.Default!);
        foreach (var (k, v) in parameters ?? new())
            values[k] = v;
        Params = new ParamValues(values);
        _inputs = inputs;
        CacheDirectory = cacheDirectory ?? "";
        StageName = stage.Type;
    }

    public Dictionary<string, Table> Tables { get; } = new();
    public List<string> LogLines => _log.Lines;

    public override string StageName { get; }
    public override ParamValues Params { get; }
    public override IStageLog Log => _log;
    public override CancellationToken Cancellation => CancellationToken.None;
    public override int Parallelism => 2;
    public override string CacheDirectory { get; }
    public override bool HasInput(string input) => _inputs.ContainsKey(input);
    public override Table ReadTable(string input) => throw new NotSupportedException("ingest stages read no tables");
    public override string InputPath(string input) => _inputs[input];
    public override string InputHash(string input) => "test";
    public override void WriteTable(string output, Table table) => Tables[output] = table;
    public override string OutputFilePath(string output) => throw new NotSupportedException("ingest stages write no files");
    public override string OutputDirectoryPath(string output) => throw new NotSupportedException("ingest stages write no folders");
    public override IReadOnlyDictionary<string, string> Provenance { get; } = new Dictionary<string, string>();

    private sealed class ListLog : IStageLog
    {
        public List<string> Lines { get; } = new();
        public void Info(string message) => Lines.Add("info: " + message);
        public void Warn(string message) => Lines.Add("warn: " + message);
        public IProgressTask Progress(string description, long total) => new NoProgress();
    }

    private sealed class NoProgress : IProgressTask
    {
        public void Increment(long by = 1) { }
        public void Status(string text) { }
        public void Dispose() { }
    }
}
