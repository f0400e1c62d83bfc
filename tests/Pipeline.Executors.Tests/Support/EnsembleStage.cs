using System.Globalization;
using System.Text;
using Pipeline.Abstractions;

namespace Pipeline.Executors.Tests.Support;

/// <summary>test-ensemble: a kMC-shaped fan-out stage. One item per (x, T, seed) runs a seeded random walk whose
/// step size depends on x, T and the input table; Assemble turns the items into a table, a JSON file and a folder,
/// so every output kind crosses the executor boundary. Test hooks: items in <c>fail_once</c> throw on their first
/// attempt (a marker file in <c>marker_dir</c> remembers it, across processes); Assemble throws while the file
/// <c>assemble_gate</c> exists (an interrupted run); <c>item_ms</c> makes each item take that long.</summary>
public sealed class EnsembleStage : IFanOutStage
{
    private int _running;
    private int _maxRunning;
    private readonly Dictionary<string, int> _runsById = new(StringComparer.Ordinal);

    public string Type => "test-ensemble";
    public int Version => 1;
    public string Description => "test fan-out stage: a random-walk ensemble over (x, T, seed)";

    public IReadOnlyList<ParamSpec> Params =>
    [
        ParamSpec.FloatList("xs", "compositions", [0.25, 0.5]),
        ParamSpec.FloatList("temperatures", "temperatures (K)", [300.0, 600.0, 900.0]),
        ParamSpec.IntList("seeds", "seeds", [1]),
        ParamSpec.Int("steps", "walk length", 20_000, 1),
        ParamSpec.StringList("fail_once", "item ids that fail on their first attempt", []),
        ParamSpec.String("marker_dir", "folder of fail-once markers", ""),
        ParamSpec.String("assemble_gate", "Assemble fails while this file exists", ""),
        ParamSpec.Int("item_ms", "extra time per item (ms)", 0, 0),
    ];

    public IReadOnlyList<PortSpec> Inputs =>
    [
        new("numbers", PortKind.Table, "scales the step size"),
        new("note", PortKind.File, "a raw file whose hash seeds the walks", Optional: true),
    ];

    public IReadOnlyList<PortSpec> Outputs =>
    [
        new("results", PortKind.Table, "one row per item"),
        new("summary", PortKind.File, "per-item numbers as JSON", FileName: "summary.json"),
        new("traces", PortKind.Directory, "one text file per item"),
    ];

    /// <summary>Most items this instance ran at the same time (in-process executors only).</summary>
    public int MaxConcurrentItems => Volatile.Read(ref _maxRunning);

    public int RunsOf(string id)
    {
        lock (_runsById)
            return _runsById.GetValueOrDefault(id);
    }

    public int TotalItemRuns
    {
        get
        {
            lock (_runsById)
                return _runsById.Values.Sum();
        }
    }

    public static string ItemId(double x, double t, long seed)
        => string.Create(CultureInfo.InvariantCulture, $"x{x:0.000}-T{t:0}-s{seed}");

    public IReadOnlyList<WorkItem> Plan(StageContext ctx)
    {
        var items = new List<WorkItem>();
        foreach (var x in ctx.Params.FloatList("xs"))
        {
            foreach (var t in ctx.Params.FloatList("temperatures"))
            {
                foreach (var seed in ctx.Params.IntList("seeds"))
                    items.Add(new WorkItem(ItemId(x, t, seed), new Dictionary<string, object> { ["x"] = x, ["T"] = t, ["seed"] = seed }));
            }
        }
        return items;
    }

    public void RunItem(StageContext ctx, WorkItem item, string itemOutputDirectory)
    {
        int now = Interlocked.Increment(ref _running);
        lock (_runsById)
            _runsById[item.Id] = _runsById.GetValueOrDefault(item.Id) + 1;
        for (int seen = Volatile.Read(ref _maxRunning); now > seen; seen = Volatile.Read(ref _maxRunning))
            Interlocked.CompareExchange(ref _maxRunning, now, seen);
        try
        {
            FailOnFirstAttempt(ctx, item);
            if (ctx.Params.Int("item_ms") is > 0 and var ms)
                Task.Delay(TimeSpan.FromMilliseconds(ms), ctx.Cancellation).Wait(ctx.Cancellation);
            var walk = Walk(ctx, item);
            ItemTable.Save(new Table([Column.Of("walk", new[] { walk })], new Dictionary<string, string> { ["item"] = item.Id }),
                Path.Combine(itemOutputDirectory, "walk.table"));
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    public void Assemble(StageContext ctx, IReadOnlyList<WorkItemResult> parts)
    {
        var gate = ctx.Params.String("assemble_gate");
        if (gate.Length > 0 && File.Exists(gate))
            throw new InvalidOperationException($"assemble gate {gate} is closed");
        var ids = new string[parts.Count];
        var x = new double[parts.Count];
        var t = new double[parts.Count];
        var seed = new long[parts.Count];
        var msd = new double[parts.Count];
        var mean = new double[parts.Count];
        var trace = new double[parts.Count][];
        var json = new StringBuilder("{");
        var traces = ctx.OutputDirectoryPath("traces");
        for (int i = 0; i < parts.Count; i++)
        {
            var (item, dir) = (parts[i].Item, parts[i].Directory);
            var part = ItemTable.Load(Path.Combine(dir, "walk.table"));
            if (part.Metadata["item"] != item.Id)
                throw new InvalidDataException($"{dir} holds the result of item {part.Metadata["item"]}, not {item.Id}");
            var walk = part.DoubleLists("walk")[0];
            ids[i] = item.Id;
            x[i] = item.Params.Float("x");
            t[i] = item.Params.Float("T");
            seed[i] = item.Params.Int("seed");
            msd[i] = walk[0];
            mean[i] = walk[1];
            trace[i] = walk[2..];
            json.Append(i == 0 ? "" : ",").Append('"').Append(item.Id).Append("\":[")
                .Append(string.Join(",", walk.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))).Append(']');
            File.WriteAllText(Path.Combine(traces, item.Id + ".txt"),
                string.Join("\n", trace[i].Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + "\n");
        }
        File.WriteAllText(ctx.OutputFilePath("summary"), json.Append('}').ToString());
        ctx.WriteTable("results", new Table(
        [
            Column.Of("id", ids), Column.Of("x", x), Column.Of("T", t), Column.Of("seed", seed),
            Column.Of("msd", msd), Column.Of("mean", mean), Column.Of("trace", trace),
        ]));
    }

    /// <summary>The reference computation: [msd, mean position, 8 trace points] of a 1-D walk.</summary>
    public static double[] Walk(ulong seed, double step, long steps)
    {
        var state = seed;
        double position = 0, sumSquares = 0, sum = 0;
        var trace = new double[8];
        long every = Math.Max(1, steps / trace.Length);
        for (long s = 0; s < steps; s++)
        {
            state += 0x9E3779B97F4A7C15UL;
            ulong z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            position += (z >> 11) * (1.0 / (1UL << 53)) < 0.5 ? -step : step;
            sumSquares += position * position;
            sum += position;
            if ((s + 1) % every == 0 && (s + 1) / every <= trace.Length)
                trace[(s + 1) / every - 1] = position;
        }
        return [sumSquares / steps, sum / steps, .. trace];
    }

    public static double StepSize(double x, double t, double scale) => scale * Math.Sqrt(t / 300.0) * (1 + x);

    public static ulong SeedOf(long seed, string noteHash) => (ulong)seed * 1_000_003UL + (noteHash.Length == 0 ? 0UL : Convert.ToUInt64(noteHash[..8], 16));

    private static double[] Walk(StageContext ctx, WorkItem item)
    {
        double scale = ctx.ReadTable("numbers").Doubles("x").Sum();
        var noteHash = ctx.HasInput("note") ? ctx.InputHash("note") : "";
        return Walk(SeedOf(item.Params.Int("seed"), noteHash), StepSize(item.Params.Float("x"), item.Params.Float("T"), scale),
            ctx.Params.Int("steps"));
    }

    private static void FailOnFirstAttempt(StageContext ctx, WorkItem item)
    {
        if (!ctx.Params.StringList("fail_once").Contains(item.Id))
            return;
        var marker = Path.Combine(ctx.Params.String("marker_dir"), item.Id + ".attempted");
        if (File.Exists(marker))
            return;
        File.WriteAllText(marker, "failed once\n");
        throw new InvalidOperationException($"item {item.Id} fails on its first attempt (test hook)");
    }
}
