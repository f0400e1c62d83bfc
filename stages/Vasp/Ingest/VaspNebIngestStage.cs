using Pipeline.Abstractions;

namespace Pipeline.Vasp.Ingest;

/// <summary>Stage `vasp-neb-ingest`: a dataset folder of VASP NEB and single-point calculations → hops, images,
/// structures and rejected tables (see <see cref="VaspNebIngestor"/>, <see cref="DatasetScanner"/>).</summary>
public sealed class VaspNebIngestStage : IStage
{
    public const string TypeName = "vasp-neb-ingest";

    public string Type => TypeName;
    // 2: non-finite values and over-long lines rejected, energies paired with forces per ionic step (VASP <= 5.2),
    // INCAR-less NEBs, vasprun.xml, .bz2/.xz, custodian names, nested and static single points, input-only folders
    // rejected (docs/INGEST.md). Outputs of datasets that parsed before are unchanged; others now find more.
    public int Version => 2;
    public string Description => "Parse VASP NEB (INCAR IMAGES + 00..NN) and single-point folders into hop, image, structure and rejection tables";
    public IReadOnlyList<ParamSpec> Params => IngestParams.Common;
    public IReadOnlyList<PortSpec> Inputs { get; } = [new("data", PortKind.Directory, "Dataset folder with NEB and single-point calculations")];
    public IReadOnlyList<PortSpec> Outputs => IngestParams.Outputs;

    public void Run(StageContext ctx)
    {
        var result = VaspNebIngestor.Ingest(ctx.InputPath("data"), IngestParams.Options(ctx), ctx.Cancellation);
        IngestParams.Finish(ctx, result);
    }
}
