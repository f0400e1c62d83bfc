using Pipeline.Contracts;
using System.Globalization;
using Pipeline.Abstractions;

namespace Pipeline.Kmc.Stage;

/// <summary>The kmc stage as a fan-out stage: one work item per (x, T, seed), so an executor can run the runs
/// anywhere (threads of the engine, or a Slurm job array). Each item writes its results row and MSD rows as exact
/// item tables; Assemble joins them exactly as <see cref="Run"/> does, so the outputs are the same bytes.</summary>
public sealed partial class KmcStage : IFanOutStage
{
    private readonly object _modelsGate = new();
    private (string Key, KmcModels Models)? _models;

    IReadOnlyList<WorkItem> IFanOutStage.Plan(StageContext ctx)
        => KmcSettings.From(ctx.Params).Items().Select(run => new WorkItem(
            string.Create(CultureInfo.InvariantCulture, $"x{run.X:R}-T{run.Temperature:R}-s{run.Seed}"),
            new Dictionary<string, object>
            {
                ["index"] = (long)run.Index,
                ["x"] = run.X,
                ["temperature"] = run.Temperature,
                ["seed"] = run.Seed,
            })).ToList();

    void IFanOutStage.RunItem(StageContext ctx, WorkItem item, string itemOutputDirectory)
    {
        var settings = KmcSettings.From(ctx.Params);
        var output = KmcItemRunner.Run(settings, ToRun(item), Models(ctx), cancel: ctx.Cancellation);
        ItemTable.Save(output.Results, Path.Combine(itemOutputDirectory, "results.table"));
        ItemTable.Save(output.Msd, Path.Combine(itemOutputDirectory, "msd.table"));
    }

    void IFanOutStage.Assemble(StageContext ctx, IReadOnlyList<WorkItemResult> parts)
    {
        var outputs = parts.Select(p => new KmcItemOutput(ToRun(p.Item),
            ItemTable.Load(Path.Combine(p.Directory, "results.table")),
            ItemTable.Load(Path.Combine(p.Directory, "msd.table")))).ToList();
        var (results, msd, summary) = Assemble(outputs);
        ctx.WriteTable("results", KmcResultsContract.Schema.Verified(results, "kmc"));
        ctx.WriteTable("summary", KmcSummaryContract.Schema.Verified(summary, "kmc"));
        ctx.WriteTable("msd", KmcMsdContract.Schema.Verified(msd, "kmc"));
        KmcPlots.Save(ctx.OutputDirectoryPath("plots"), summary, msd);
        LogSummary(ctx.Log, summary);
    }

    private static KmcWorkItem ToRun(WorkItem item)
        => new(item.Params.Int32("index"), item.Params.Float("x"), item.Params.Float("temperature"), item.Params.Int("seed"));

    /// <summary>The models, loaded once per pair of input files (items of one stage run share them read-only).</summary>
    private KmcModels Models(StageContext ctx)
    {
        var key = ctx.InputHash("model") + "/" + ctx.InputHash("ce");
        lock (_modelsGate)
        {
            if (_models is not { } cached || cached.Key != key)
                _models = cached = (key, KmcModels.Load(ctx.InputPath("model"), ctx.InputPath("ce")));
            return cached.Models;
        }
    }
}
