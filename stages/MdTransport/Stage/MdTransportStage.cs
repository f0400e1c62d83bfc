using Pipeline.Contracts;
using Pipeline.Abstractions;
using Pipeline.Trajectories.Analysis;
using Pipeline.Trajectories.Readers;

namespace Pipeline.MdTransport.Stage;

/// <summary>The <c>md-transport</c> stage: the kMC's transport observables from molecular-dynamics trajectories
/// (AIMD or ML-MD): MSD curves, D*, D_sigma, the distinct part, Haven ratio, Nernst-Einstein conductivity, and
/// Arrhenius fits over the trajectories' temperatures. Every trajectory file under the input folder is one run.</summary>
public sealed class MdTransportStage : IStage
{
    public string Type => "md-transport";

    public int Version => 1;

    public string Description => "transport from MD trajectories (XDATCAR, extended XYZ, ASE .traj): MSD, D*, D_sigma, Haven ratio, conductivity, Arrhenius";

    public IReadOnlyList<ParamSpec> Params => MdTransportParams.Specs;

    public IReadOnlyList<PortSpec> Inputs { get; } =
    [
        new("trajectories", PortKind.Directory, "folder of trajectories (XDATCAR* with an optional INCAR beside it, *.xyz/*.extxyz, *.traj); one run per file"),
    ];

    public IReadOnlyList<PortSpec> Outputs { get; } =
    [
        new("msd", PortKind.Table, "tracer, collective and distinct MSD per ion against lag time, per run"),
        new("observables", PortKind.Table, "one row per run: D*, D_sigma, distinct part, Haven ratio, conductivity with block errors; fit window; linearity"),
        new("arrhenius", PortKind.Table, "Arrhenius Ea and D0 of D* and D_sigma over the runs' temperatures, and D at 300 K, with errors"),
        new("plots", PortKind.Directory, "msd-loglog, msd-linear (fit window marked) and arrhenius, as PNG and SVG"),
    ];

    public void Run(StageContext ctx)
    {
        var root = ctx.InputPath("trajectories");
        var include = ctx.Params.StringList("include");
        IReadOnlyList<string> files = include.Length == 0 ? TrajectoryFiles.Find(root) : include.Select(f => Path.Combine(root, f)).ToList();
        foreach (var f in files)
            if (!File.Exists(f)) throw new ArgumentException($"param 'include': {f} does not exist");
        if (files.Count == 0)
            throw new InvalidOperationException($"input 'trajectories' ({root}) holds no trajectory file (XDATCAR*, *.xyz, *.extxyz, *.traj)");
        var temperatures = ctx.Params.FloatList("temperatures");
        if (temperatures.Length != 0 && temperatures.Length != files.Count)
            throw new ArgumentException($"param 'temperatures' has {temperatures.Length} values for {files.Count} trajectories ({string.Join(", ", files.Select(f => Path.GetRelativePath(root, f)))})");

        var results = new MdTransportResult[files.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, ctx.Parallelism), CancellationToken = ctx.Cancellation };
        Parallel.For(0, files.Count, options, i =>
        {
            var name = Path.GetRelativePath(root, files[i]).Replace('\\', '/');
            var run = MdTransportParams.Options(ctx.Params, temperatures.Length == 0 ? null : temperatures[i]);
            results[i] = MdTransportAnalysis.Run(files[i], run, name, ctx.Cancellation);
        });
        foreach (var r in results)
        {
            var t = r.Transport;
            ctx.Log.Info(FormattableString.Invariant(
                $"{r.File}: {r.Frames} frames, {r.Ions} ions, T = {r.Temperature} K: D* = {t.Tracer.Value:E3} +- {t.Tracer.Error:E2} cm^2/s, D_sigma = {t.Collective.Value:E3} +- {t.Collective.Error:E2} cm^2/s, H_R = {t.Haven.Value:0.###}"));
            foreach (var w in r.Warnings) ctx.Log.Warn(w);
        }
        ctx.WriteTable("msd", MdMsdContract.Schema.Verified(MdTransportTables.Msd(results), "md-transport"));
        ctx.WriteTable("observables", MdObservablesContract.Schema.Verified(MdTransportTables.Observables(results), "md-transport"));
        ctx.WriteTable("arrhenius", MdArrheniusContract.Schema.Verified(MdTransportTables.Arrhenius(results), "md-transport"));
        MdTransportPlots.Save(ctx.OutputDirectoryPath("plots"), results);
    }
}
