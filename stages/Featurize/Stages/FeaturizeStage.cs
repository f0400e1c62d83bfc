using Pipeline.Contracts;
using Pipeline.Abstractions;
using Pipeline.Featurize.Hops;
using Pipeline.RockSalt;

namespace Pipeline.Featurize.Stages;

/// <summary>Stage <c>featurize</c>: hops -> features. Maps each hop's relaxed endpoints onto the ideal rock-salt
/// lattice and computes the 11 descriptors, the path label and extra geometry (DOMAIN.md sections 3-4).
/// A hop that cannot be mapped fails the stage (<c>on_error: fail</c>, the default, since a hops table reaching
/// featurize is already validated) or is left out with a warning (<c>on_error: skip</c>).</summary>
public sealed class FeaturizeStage : IStage
{
    public string Type => "featurize";
    public int Version => 1;
    public string Description => "Lattice mapping, the 11 hop descriptors, path label and extra geometry per hop";

    public IReadOnlyList<ParamSpec> Params { get; } =
    [
        ParamSpec.Float("mapping_tolerance", "Largest distance (Angstrom) of an atom from its ideal rock-salt site", 0.4, min: 0.01, max: 1.0),
        ParamSpec.Enum("on_error", "A hop that cannot be mapped: fail the stage, or skip it with a warning",
            ["fail", "skip"], "fail"),
    ];

    public IReadOnlyList<PortSpec> Inputs { get; } = [new("hops", PortKind.Table, "One row per accepted NEB (vasp-neb-ingest)")];

    public IReadOnlyList<PortSpec> Outputs { get; } = [new("features", PortKind.Table, "Descriptors, path label and targets per hop")];

    public void Run(StageContext ctx)
    {
        double tolerance = ctx.Params.Float("mapping_tolerance");
        bool skip = ctx.Params.String("on_error") == "skip";
        var hops = HopsTable.Read(ctx.ReadTable("hops"));

        var kept = new List<HopRecord>(hops.Count);
        var features = new List<HopFeatures>(hops.Count);
        using (var progress = ctx.Log.Progress("featurize", hops.Count))
        {
            foreach (var hop in hops)
            {
                ctx.Cancellation.ThrowIfCancellationRequested();
                try
                {
                    features.Add(HopFeaturizer.Compute(hop, tolerance));
                    kept.Add(hop);
                }
                catch (Exception e) when (skip && e is StructureMappingException or InvalidDataException)
                {
                    ctx.Log.Warn($"skipped: {e.Message}");
                }
                progress.Increment();
            }
        }
        int skipped = hops.Count - kept.Count;
        ctx.Log.Info($"featurized {kept.Count} hops" + (skipped > 0 ? $", skipped {skipped}" : ""));
        var table = FeaturesTable.Build(features, kept);
        table.Metadata["featurize.skipped"] = skipped.ToString(System.Globalization.CultureInfo.InvariantCulture);
        ctx.WriteTable("features", FeaturesContract.Schema.Verified(table, "featurize"));
    }
}
