using System.Diagnostics;
using System.Globalization;
using Pipeline.Abstractions;
using Pipeline.Synthesis.Model;

namespace Pipeline.Synthesis.Stage;

/// <summary>Stage `synthesize`: writes a seeded synthetic NEB study of one chemistry (param `chemistry`; Li(2-x)VO2F by default) as genuine VASP folders
/// (neb/hop_NNNN/00..NN, sp/sp_NNNN) and its ground truth (truth.yaml).</summary>
public sealed class SynthesizeStage : IStage
{
    public string Type => "synthesize";

    /// <summary>2: OUTCARs gained the k-point blocks (IBZKPT, k-point lists, plane waves per k-point) and the
    /// Cartesian positions, so ASE and pymatgen read them; every value the ingest reads is unchanged.</summary>
    public int Version => 2;

    public string Description => "seeded synthetic NEB study (Li(2-x)VO2F or a multi-TM rock salt) in VASP format (INCAR, KPOINTS, POSCAR, CONTCAR, OUTCAR) plus truth.yaml";

    public IReadOnlyList<ParamSpec> Params => SynthesisParams.Specs;

    public IReadOnlyList<PortSpec> Inputs => [];

    public IReadOnlyList<PortSpec> Outputs { get; } =
    [
        new("dataset", PortKind.Directory, "raw VASP calculations: neb/hop_NNNN (NEBs) and sp/sp_NNNN (relaxed configurations)"),
        new("truth", PortKind.File, "ground truth of the synthetic study (models, noise, per-hop barriers, planted faults)", FileName: "truth.yaml"),
    ];

    public void Run(StageContext ctx)
    {
        var settings = SynthesisParams.Read(ctx.Params);
        var clock = Stopwatch.StartNew();
        using var progress = ctx.Log.Progress("writing VASP calculations", settings.Hops + settings.SinglePoints);
        var result = SynthesisRun.Generate(settings, ctx.OutputDirectoryPath("dataset"), ctx.OutputFilePath("truth"),
            ctx.Parallelism, ctx.Cancellation, () => progress.Increment());
        var plan = result.Plan;
        var paths = plan.Hops.GroupBy(h => h.Barrier.Path).OrderBy(g => g.Key)
            .Select(g => $"{HopPathNames.Label(g.Key)} {g.Count()}");
        ctx.Log.Info(string.Create(CultureInfo.InvariantCulture,
            $"synthesized {plan.Hops.Count} NEBs ({string.Join(", ", paths)}; {plan.Hops.Count(h => h.Fault is not null)} with planted faults) and {plan.SinglePoints.Count} single points in {clock.Elapsed.TotalSeconds:F1} s"));
        ctx.Log.Info(string.Create(CultureInfo.InvariantCulture,
            $"truth projection over {result.Projection.Samples} hops: KRA R2 {result.Projection.Kra.R2:F3}, forward R2 {result.Projection.Forward.R2:F3}"));
    }
}
