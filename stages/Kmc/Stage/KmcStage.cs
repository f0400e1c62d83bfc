using Pipeline.Contracts;
using Pipeline.Abstractions;

namespace Pipeline.Kmc.Stage;

/// <summary>The <c>kmc</c> stage: on-the-fly kinetic Monte Carlo of the mobile ion (Li) in a disordered rock salt of the
/// CE model's chemistry (Li(2-x)VO2F by default; param <c>formula</c>) over compositions, temperatures and seeds, with barriers from the KRA model and the cluster expansion (DOMAIN.md section 7).
/// Runs are independent work items executed in parallel (-j); each depends only on its own seed, so the outputs
/// do not depend on the degree of parallelism.</summary>
public sealed partial class KmcStage : IStage
{
    public string Type => "kmc";

    // 2: rates and the KRA term in single precision, CE energies through the exact flip field (same physics, other
    // trajectories for a given seed).
    // 3: the Arrhenius fit of the summary moved to the shared Pipeline.Transport and solves its least squares with
    // MathNet: the same fit, but Ea, D0 and their errors differ from version 2 in the last bits (relative 1e-11).
    public int Version => 3;

    public string Description => "on-the-fly kinetic Monte Carlo of Li diffusion: D*, D_J, Haven ratio, conductivity, Arrhenius fits, 0-TM percolation";

    public IReadOnlyList<ParamSpec> Params => KmcSettings.Specs;

    public IReadOnlyList<PortSpec> Inputs { get; } =
    [
        new("model", PortKind.File, "KRA barrier model (model-kra.json, barrier-model/1) over the KRA descriptors of its set (standard: 1-10), for the CE model's chemistry"),
        new("ce", PortKind.File, "cluster expansion (eci.json, ce-model/1) for hop energies and the synthesis equilibration; its species are the kMC's chemistry"),
    ];

    public IReadOnlyList<PortSpec> Outputs { get; } =
    [
        new("results", PortKind.Table, "one row per (x, T, seed): diffusivities, Haven ratio, conductivity, correlation factor, jump statistics, percolation"),
        new("summary", PortKind.Table, "one row per (x, T): means and standard errors over seeds, Arrhenius Ea and D0 per x"),
        new("msd", PortKind.Table, "tracer and collective MSD against time, per run"),
        new("plots", PortKind.Directory, "arrhenius.png/.svg and msd.png/.svg"),
    ];

    public void Run(StageContext ctx)
    {
        var settings = KmcSettings.From(ctx.Params);
        var models = KmcModels.Load(ctx.InputPath("model"), ctx.InputPath("ce"));
        var formula = models.Formula(settings); // refuse a bad formula before any run starts
        var items = settings.Items();
        ctx.Log.Info($"{formula} ({models.Chemistry}): {items.Count} runs ({settings.Compositions.Count} x, {settings.Temperatures.Count} T, " +
                     $"{settings.Seeds.Count} seeds), L = {settings.Size} ({4L * settings.Size * settings.Size * settings.Size} cation sites), -j {ctx.Parallelism}");

        var outputs = new KmcItemOutput[items.Count];
        using (var progress = new KmcProgress(ctx.Log, items.Count))
        {
            var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, ctx.Parallelism), CancellationToken = ctx.Cancellation };
            Parallel.ForEach(items, options, item =>
                outputs[item.Index] = KmcItemRunner.Run(settings, item, models, progress.ForRun(), ctx.Cancellation));
        }

        var (results, msd, summary) = Assemble(outputs);
        ctx.WriteTable("results", KmcResultsContract.Schema.Verified(results, "kmc"));
        ctx.WriteTable("summary", KmcSummaryContract.Schema.Verified(summary, "kmc"));
        ctx.WriteTable("msd", KmcMsdContract.Schema.Verified(msd, "kmc"));
        KmcPlots.Save(ctx.OutputDirectoryPath("plots"), summary, msd);
        LogSummary(ctx.Log, summary);
    }

    /// <summary>Joins per-item outputs (in item order) into the stage's tables; also what a distributed executor
    /// calls after running the items elsewhere.</summary>
    public static (Table Results, Table Msd, Table Summary) Assemble(IReadOnlyList<KmcItemOutput> outputs)
    {
        var ordered = outputs.OrderBy(o => o.Item.Index).ToList();
        var results = TableConcat.Rows(ordered.Select(o => o.Results).ToList(), KmcTables.EmptyResults);
        var msd = TableConcat.Rows(ordered.Select(o => o.Msd).ToList(), KmcTables.EmptyMsd);
        return (results, msd, KmcTables.Summary(results));
    }

    private static void LogSummary(IStageLog log, Table summary)
    {
        var xs = summary.Doubles("x");
        var ea = summary.Doubles("arrhenius_ea_tracer_ev");
        var err = summary.Doubles("arrhenius_ea_tracer_err_ev");
        for (int i = 0; i < summary.RowCount; i++)
            if (i == 0 || xs[i] != xs[i - 1])
                log.Info(FormattableString.Invariant($"x = {xs[i]:0.###}: Arrhenius Ea(D*) = {ea[i]:0.000} +- {err[i]:0.000} eV"));
    }
}
