using System.Collections.Concurrent;
using Pipeline.Abstractions;

namespace Pipeline.Kmc.Tests;

/// <summary>A minimal in-memory StageContext: params with defaults filled in, file inputs, tables kept in memory,
/// directory outputs under a temp folder, and a log that records lines and progress.</summary>
internal sealed class TestStageContext : StageContext
{
    private readonly Dictionary<string, string> _inputs;
    private readonly string _root;

    public TestStageContext(IStage stage, IReadOnlyDictionary<string, object> parameters, Dictionary<string, string> inputs, string root, int parallelism = 1)
    {
        var values = stage.Params.Where(p => p.Default is not null).ToDictionary(p => p.Name, p => p.Default!);
        foreach (var (k, v) in parameters)
        {
            if (stage.Params.All(p => p.Name != k)) throw new ArgumentException($"unknown param {k}");
            values[k] = v;
        }
        Params = new ParamValues(values);
        _inputs = inputs;
        _root = root;
        Parallelism = parallelism;
    }

    public ConcurrentDictionary<string, Table> Tables { get; } = new();
    public TestLog TestLog { get; } = new();

    public override string StageName => "kmc-test";
    public override ParamValues Params { get; }
    public override IStageLog Log => TestLog;
    public override CancellationToken Cancellation => CancellationToken.None;
    public override int Parallelism { get; }
    public override string CacheDirectory => Path.Combine(_root, "cache");
    public override bool HasInput(string input) => _inputs.ContainsKey(input);
    public override Table ReadTable(string input) => throw new NotSupportedException();
    public override string InputPath(string input) => _inputs[input];
    public override string InputHash(string input) => "test";
    public override void WriteTable(string output, Table table) => Tables[output] = table;
    public override string OutputFilePath(string output) => Path.Combine(_root, output);

    public override string OutputDirectoryPath(string output)
    {
        var dir = Path.Combine(_root, output);
        Directory.CreateDirectory(dir);
        return dir;
    }

    public override IReadOnlyDictionary<string, string> Provenance => new Dictionary<string, string>();
}

internal sealed class TestLog : IStageLog
{
    public ConcurrentQueue<string> Lines { get; } = new();
    public long ProgressTotal, ProgressDone;
    public ConcurrentQueue<string> Statuses { get; } = new();

    public void Info(string message) => Lines.Enqueue(message);
    public void Warn(string message) => Lines.Enqueue("warn: " + message);

    public IProgressTask Progress(string description, long total)
    {
        ProgressTotal = total;
        return new Task(this);
    }

    private sealed class Task(TestLog log) : IProgressTask
    {
        public void Increment(long by = 1) => Interlocked.Add(ref log.ProgressDone, by);
        public void Status(string text) => log.Statuses.Enqueue(text);
        public void Dispose() { }
    }
}
