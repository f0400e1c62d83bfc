using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Pipeline.Abstractions;

namespace Pipeline.TestStages;

/// <summary>Small deterministic stage types for engine tests (the real stages are separate projects). Each instance
/// counts its executions so tests can tell "ran" from "skipped" and "restored".</summary>
public abstract class CountingStage : IStage
{
    private int _runs;

    public int Runs => Volatile.Read(ref _runs);
    public abstract string Type { get; }
    public virtual int Version { get; set; } = 1;
    public virtual string Description => "test stage " + Type;
    public virtual IReadOnlyList<ParamSpec> Params => [];
    public virtual IReadOnlyList<PortSpec> Inputs => [];
    public abstract IReadOnlyList<PortSpec> Outputs { get; }

    public void Run(StageContext ctx)
    {
        Interlocked.Increment(ref _runs);
        Execute(ctx);
    }

    protected abstract void Execute(StageContext ctx);
}

/// <summary>test-generate: a table with every column type, values derived from rows and seed.</summary>
public sealed class GenerateStage : CountingStage
{
    public override string Type => "test-generate";
    public override IReadOnlyList<ParamSpec> Params =>
    [
        ParamSpec.Int("rows", "number of rows", 5, 1, 100_000),
        ParamSpec.Int("seed", "value offset", 1),
        ParamSpec.Enum("label", "tag prefix", ["a", "b"], "a"),
    ];
    public override IReadOnlyList<PortSpec> Outputs => [new("numbers", PortKind.Table, "generated numbers")];

    protected override void Execute(StageContext ctx)
    {
        int rows = ctx.Params.Int32("rows");
        long seed = ctx.Params.Int("seed");
        var label = ctx.Params.String("label");
        ctx.WriteTable("numbers", new Table(
        [
            Column.Of("id", Enumerable.Range(0, rows).Select(i => (long)i).ToArray()),
            Column.Of("x", Enumerable.Range(0, rows).Select(i => (i + seed) * 0.5).ToArray()).WithUnit("eV"),
            Column.Of("tag", Enumerable.Range(0, rows).Select(i => $"{label}{i}").ToArray()),
            Column.Of("even", Enumerable.Range(0, rows).Select(i => i % 2 == 0).ToArray()),
            Column.Of("xs", Enumerable.Range(0, rows).Select(i => Enumerable.Range(0, i % 3).Select(k => k + seed + 0.25).ToArray()).ToArray()),
            Column.Of("words", Enumerable.Range(0, rows).Select(i => Enumerable.Range(0, i % 2 + 1).Select(k => $"w{k}").ToArray()).ToArray()),
        ], new Dictionary<string, string> { ["schema_version"] = "numbers/1" }));
    }
}

/// <summary>test-scale: multiplies column x by factor.</summary>
public sealed class ScaleStage : CountingStage
{
    public override string Type => "test-scale";
    public override IReadOnlyList<ParamSpec> Params => [ParamSpec.Float("factor", "multiplier", 2.0, 0, 100)];
    public override IReadOnlyList<PortSpec> Inputs => [new("numbers", PortKind.Table, "input table")];
    public override IReadOnlyList<PortSpec> Outputs => [new("scaled", PortKind.Table, "scaled table")];

    protected override void Execute(StageContext ctx)
    {
        var t = ctx.ReadTable("numbers");
        var f = ctx.Params.Float("factor");
        ctx.WriteTable("scaled", new Table([Column.Of("id", t.Longs("id")), Column.Of("x", t.Doubles("x").Select(v => v * f).ToArray())]));
    }
}

/// <summary>test-summarize: a JSON file, a metrics table and a plots folder from a table.</summary>
public sealed class SummarizeStage : CountingStage
{
    public override string Type => "test-summarize";
    public override IReadOnlyList<PortSpec> Inputs =>
    [
        new("scaled", PortKind.Table, "table to summarize"),
        new("note", PortKind.File, "optional note", Optional: true),
    ];
    public override IReadOnlyList<PortSpec> Outputs =>
    [
        new("summary", PortKind.File, "sum and count", FileName: "summary.json"),
        new("metrics", PortKind.Table, "metrics table"),
        new("plots", PortKind.Directory, "a folder of text files"),
    ];

    protected override void Execute(StageContext ctx)
    {
        var x = ctx.ReadTable("scaled").Doubles("x");
        File.WriteAllText(ctx.OutputFilePath("summary"), JsonSerializer.Serialize(new { sum = x.Sum(), count = x.Length, provenance_stage = ctx.Provenance["stage"] }));
        ctx.WriteTable("metrics", new Table([Column.Of("name", new[] { "sum", "max" }), Column.Of("value", new[] { x.Sum(), x.Max() })]));
        var plots = ctx.OutputDirectoryPath("plots");
        File.WriteAllText(Path.Combine(plots, "a.txt"), "sum " + x.Sum().ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(Path.Combine(plots, "sub"));
        File.WriteAllText(Path.Combine(plots, "sub", "b.txt"), "n " + x.Length);
    }
}

/// <summary>test-concat: stacks two tables with an id and x column.</summary>
public sealed class ConcatStage : CountingStage
{
    public override string Type => "test-concat";
    public override IReadOnlyList<PortSpec> Inputs => [new("a", PortKind.Table, "first"), new("b", PortKind.Table, "second")];
    public override IReadOnlyList<PortSpec> Outputs => [new("joined", PortKind.Table, "both")];

    protected override void Execute(StageContext ctx)
    {
        var a = ctx.ReadTable("a");
        var b = ctx.ReadTable("b");
        ctx.WriteTable("joined", new Table([Column.Of("x", a.Doubles("x").Concat(b.Doubles("x")).ToArray())]));
    }
}

/// <summary>test-files: lists the files of a Directory input with their sizes.</summary>
public sealed class ListFilesStage : CountingStage
{
    public override string Type => "test-files";
    public override IReadOnlyList<PortSpec> Inputs => [new("data", PortKind.Directory, "a folder")];
    public override IReadOnlyList<PortSpec> Outputs => [new("files", PortKind.Table, "relative path and size")];

    protected override void Execute(StageContext ctx)
    {
        var root = ctx.InputPath("data");
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToArray();
        ctx.WriteTable("files", new Table([Column.Of("path", files), Column.Of("size", files.Select(f => new FileInfo(Path.Combine(root, f)).Length).ToArray())]));
    }
}

/// <summary>test-gate: writes a "started" marker into folder `gate`, then waits until a "release" file appears
/// there (or `timeout_ms` passes), then writes its table. Lets tests kill or block a process mid-stage.</summary>
public sealed class GateStage : CountingStage
{
    public override string Type => "test-gate";
    public override IReadOnlyList<ParamSpec> Params =>
    [
        ParamSpec.String("gate", "folder for the started/release files"),
        ParamSpec.Int("timeout_ms", "give up waiting after", 60_000, 0),
    ];
    public override IReadOnlyList<PortSpec> Inputs => [new("numbers", PortKind.Table, "input", Optional: true)];
    public override IReadOnlyList<PortSpec> Outputs => [new("out", PortKind.Table, "a table"), new("log", PortKind.File, "a file", FileName: "log.txt")];

    protected override void Execute(StageContext ctx)
    {
        var gate = ctx.Params.String("gate");
        Directory.CreateDirectory(gate);
        ctx.WriteTable("out", new Table([Column.Of("v", new[] { 1.0, 2.0, 3.0 })]));
        File.WriteAllText(ctx.OutputFilePath("log"), "gate passed\n");
        File.WriteAllText(Path.Combine(gate, "started"), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        var deadline = DateTime.UtcNow.AddMilliseconds(ctx.Params.Int("timeout_ms"));
        while (!File.Exists(Path.Combine(gate, "release")) && DateTime.UtcNow < deadline)
        {
            ctx.Cancellation.ThrowIfCancellationRequested();
            Thread.Sleep(20);
        }
    }
}

/// <summary>test-fail: always throws.</summary>
public sealed class FailStage : CountingStage
{
    public override string Type => "test-fail";
    public override IReadOnlyList<PortSpec> Inputs => [new("numbers", PortKind.Table, "input")];
    public override IReadOnlyList<PortSpec> Outputs => [new("never", PortKind.Table, "not produced")];

    protected override void Execute(StageContext ctx) => throw new InvalidOperationException("test-fail always fails");
}

/// <summary>test-sleep: sleeps `ms` then records its start and end time (for the -j overlap test).</summary>
public sealed class SleepStage : CountingStage
{
    public override string Type => "test-sleep";
    public override IReadOnlyList<ParamSpec> Params => [ParamSpec.Int("ms", "sleep", 300, 0), ParamSpec.String("name", "label", "s")];
    public override IReadOnlyList<PortSpec> Outputs => [new("times", PortKind.Table, "start and end ticks")];
    public int SeenParallelism { get; private set; }

    protected override void Execute(StageContext ctx)
    {
        SeenParallelism = ctx.Parallelism;
        long start = DateTime.UtcNow.Ticks;
        Thread.Sleep(ctx.Params.Int32("ms"));
        ctx.WriteTable("times", new Table([Column.Of("name", new[] { ctx.Params.String("name") }), Column.Of("start", new[] { start }), Column.Of("end", new[] { DateTime.UtcNow.Ticks })]));
    }
}

/// <summary>A module holding test stages, with a one-off command `test-generate OUT [--rows N]` run through the host.</summary>
public sealed class TestModule(params IStage[] stages) : IPipelineModule
{
    public IEnumerable<IStage> Stages => stages;

    public IEnumerable<Command> Commands(IStageHost host)
    {
        var generate = stages.OfType<GenerateStage>().FirstOrDefault();
        if (generate is null)
            yield break;
        var output = new Argument<string>("OUT");
        var rows = new Option<string?>("--rows");
        var command = new Command("test-generate", "one-off generate") { output, rows };
        command.SetAction(parse =>
        {
            var p = new Dictionary<string, string>();
            if (parse.GetValue(rows) is { } r)
                p["rows"] = r;
            return host.RunAdHoc(generate, p, new Dictionary<string, string>(), parse.GetValue(output)!);
        });
        yield return command;
    }

    public static TestModule Standard(out StageSet s)
    {
        s = new StageSet();
        return new TestModule(s.Generate, s.Scale, s.Summarize, s.Concat, s.ListFiles, s.Gate, s.Fail, s.Sleep);
    }

    public sealed class StageSet
    {
        public GenerateStage Generate { get; } = new();
        public ScaleStage Scale { get; } = new();
        public SummarizeStage Summarize { get; } = new();
        public ConcatStage Concat { get; } = new();
        public ListFilesStage ListFiles { get; } = new();
        public GateStage Gate { get; } = new();
        public FailStage Fail { get; } = new();
        public SleepStage Sleep { get; } = new();
    }
}
