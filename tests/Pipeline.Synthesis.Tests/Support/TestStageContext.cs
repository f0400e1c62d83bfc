using Pipeline.Abstractions;

namespace Pipeline.Synthesis.Tests.Support;

/// <summary>A StageContext for running one stage in a test: params are the stage's defaults plus overrides,
/// inputs are paths, tables are kept in memory, files and folders go under a temp folder.</summary>
public sealed class TestStageContext : StageContext
{
    private readonly Dictionary<string, string> _inputs;
    private readonly string _outputRoot;

    public TestStageContext(IStage stage, string outputRoot, IReadOnlyDictionary<string, object>? overrides = null,
        IReadOnlyDictionary<string, string>? inputs = null, int parallelism = 2)
    {
        var values = new Dictionary<string, object>();
        foreach (var spec in stage.Params)
            if (spec.Default is not null) values[spec.Name] = spec.Default;
        if (overrides is not null)
            foreach (var (k, v) in overrides) values[k] = v;
        Params = new ParamValues(values);
        _inputs = inputs is null ? [] : new Dictionary<string, string>(inputs);
        _outputRoot = outputRoot;
        Parallelism = parallelism;
        StageName = stage.Type;
        Directory.CreateDirectory(outputRoot);
    }

    public Dictionary<string, Table> Tables { get; } = [];
    public List<string> Messages { get; } = [];

    public override string StageName { get; }
    public override ParamValues Params { get; }
    public override IStageLog Log => new ListLog(Messages);
    public override CancellationToken Cancellation => CancellationToken.None;
    public override int Parallelism { get; }
    public override string CacheDirectory => Path.Combine(_outputRoot, ".cache");
    public override bool HasInput(string input) => _inputs.ContainsKey(input);
    public override Table ReadTable(string input) => throw new NotSupportedException("no table inputs in these tests");
    public override string InputPath(string input) => _inputs[input];
    public override string InputHash(string input) => "0";
    public override void WriteTable(string output, Table table) => Tables[output] = table;
    public override string OutputFilePath(string output) => Path.Combine(_outputRoot, output + ".out");
    public override string OutputDirectoryPath(string output)
    {
        var path = Path.Combine(_outputRoot, output);
        Directory.CreateDirectory(path);
        return path;
    }
    public override IReadOnlyDictionary<string, string> Provenance => new Dictionary<string, string>();

    private sealed class ListLog(List<string> messages) : IStageLog
    {
        public void Info(string message) { lock (messages) messages.Add(message); }
        public void Warn(string message) { lock (messages) messages.Add("WARN " + message); }
        public IProgressTask Progress(string description, long total) => new NoProgress();
    }

    private sealed class NoProgress : IProgressTask
    {
        public void Increment(long by = 1) { }
        public void Status(string text) { }
        public void Dispose() { }
    }
}
