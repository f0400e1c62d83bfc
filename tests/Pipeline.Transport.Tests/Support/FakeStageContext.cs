using Pipeline.Abstractions;

namespace Pipeline.Transport.Tests.Support;

/// <summary>A StageContext over a temporary folder: params from the stage's defaults plus overrides, a Directory
/// input, tables kept in memory, plot folders on disk, log lines recorded.</summary>
public sealed class FakeStageContext : StageContext, IStageLog, IDisposable
{
    private readonly Dictionary<string, string> _inputs;
    private readonly string _outputs;

    public FakeStageContext(IStage stage, Dictionary<string, string> inputs, Dictionary<string, object>? parameters = null)
    {
        _inputs = inputs;
        var values = stage.Params.Where(p => p.Default is not null).ToDictionary(p => p.Name, p => p.Default!);
        foreach (var (k, v) in parameters ?? []) values[k] = v;
        Params = new ParamValues(values);
        _outputs = Path.Combine(Path.GetTempPath(), "md-transport-test-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_outputs);
    }

    public Dictionary<string, Table> Tables { get; } = new();
    public List<string> Lines { get; } = new();
    public List<string> Warnings { get; } = new();
    public string OutputRoot => _outputs;

    public override string StageName => "md-transport";
    public override ParamValues Params { get; }
    public override IStageLog Log => this;
    public override CancellationToken Cancellation => CancellationToken.None;
    public override int Parallelism => 2;
    public override string CacheDirectory => _outputs;
    public override bool HasInput(string input) => _inputs.ContainsKey(input);
    public override Table ReadTable(string input) => throw new NotSupportedException();
    public override string InputPath(string input) => _inputs[input];
    public override string InputHash(string input) => "0";
    public override void WriteTable(string output, Table table) => Tables[output] = table;
    public override string OutputFilePath(string output) => Path.Combine(_outputs, output);
    public override string OutputDirectoryPath(string output)
    {
        var dir = Path.Combine(_outputs, output);
        Directory.CreateDirectory(dir);
        return dir;
    }
    public override IReadOnlyDictionary<string, string> Provenance => new Dictionary<string, string>();

    public void Dispose()
    {
        try { Directory.Delete(_outputs, true); } catch (IOException) { }
    }

    public void Info(string message) => Lines.Add(message);
    public void Warn(string message) => Warnings.Add(message);
    public IProgressTask Progress(string description, long total) => throw new NotSupportedException();
}

/// <summary>A temporary folder deleted on dispose.</summary>
public sealed class TempDir : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "md-transport-" + Guid.NewGuid().ToString("N")[..8]);

    public TempDir() => Directory.CreateDirectory(Path);

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, true); } catch (IOException) { }
    }
}
