using Pipeline.Abstractions;

namespace Pipeline.Vasp.Ingest;

/// <summary>Stage `ase-neb-ingest`: ASE trajectory files (one NEB band each, as the published study distributes its
/// raw data) → the same hops, images, structures and rejected tables as `vasp-neb-ingest`.</summary>
public sealed class AseNebIngestStage : IStage
{
    public const string TypeName = "ase-neb-ingest";
    public const string Pattern = "pattern";

    public string Type => TypeName;
    // 2: frames with non-finite energies, positions, cells or forces are rejected.
    public int Version => 2;
    public string Description => "Parse ASE .traj NEB bands (ULM format) into hop, image, structure and rejection tables";

    public IReadOnlyList<ParamSpec> Params { get; } =
    [
        .. IngestParams.Common,
        ParamSpec.String(Pattern, "File-name pattern of the trajectories, searched recursively (* and ? wildcards)", "*.traj"),
    ];

    public IReadOnlyList<PortSpec> Inputs { get; } = [new("data", PortKind.Directory, "Folder of .traj files (one NEB band per file)")];
    public IReadOnlyList<PortSpec> Outputs => IngestParams.Outputs;

    public void Run(StageContext ctx)
    {
        var result = AseNebIngestor.Ingest(ctx.InputPath("data"), ctx.Params.String(Pattern), IngestParams.Options(ctx), ctx.Cancellation);
        IngestParams.Finish(ctx, result);
    }
}
