using Pipeline.Contracts;
using Pipeline.Abstractions;
using Pipeline.Featurize.Hops;
using Pipeline.RockSalt;

namespace Pipeline.Featurize.Stages;

/// <summary>Stage <c>featurize</c>: hops -> features. Finds the chemistry (pinned by the params, or inferred from every
/// hop's elements), maps each hop's relaxed endpoints onto the ideal rock-salt lattice with it and computes the
/// descriptors of the chosen set (standard: the 11; element: resolved per element), the path label and extra geometry
/// (DOMAIN.md sections 3, 4 and 10). The footer records the chemistry and the descriptor set.
/// A hop that cannot be mapped fails the stage (<c>on_error: fail</c>, the default, since a hops table reaching
/// featurize is already validated) or is left out with a warning (<c>on_error: skip</c>).</summary>
public sealed class FeaturizeStage : IStage
{
    public string Type => "featurize";
    // Still 1: for Li-V-O-F with the default params the table's content is unchanged (only the footer gained the
    // chemistry and descriptor set, which are outside the content hash).
    public int Version => 1;
    public string Description => "Lattice mapping, the hop descriptors (standard or element set), path label and extra geometry per hop";

    public IReadOnlyList<ParamSpec> Params { get; } =
    [
        ParamSpec.Float("mapping_tolerance", "Largest distance (Angstrom) of an atom from its ideal rock-salt site", 0.4, min: 0.01, max: 1.0),
        ParamSpec.Enum("on_error", "A hop that cannot be mapped: fail the stage, or skip it with a warning",
            ["fail", "skip"], "fail"),
        ParamSpec.Enum("descriptors", "Descriptor set: standard (the 11, TM = any non-mobile cation, f = the substituent anion) " +
            "or element (gate and neighbour counts per element)", [DescriptorSet.Standard, DescriptorSet.ElementResolved],
            DescriptorSet.Standard),
        ParamSpec.String("mobile_ion", "Element of the hopping ion", Chemistry.DefaultMobileIon),
        ParamSpec.StringList("cations", "Pins the non-mobile cations, in code order (empty: inferred from the hops)", []),
        ParamSpec.StringList("anions", "Pins the anions, host first (empty: inferred from the hops)", []),
        ParamSpec.String("substituent", "The anion the standard descriptors call f (empty: the minority anion)", ""),
        ParamSpec.String("formula", "Fully lithiated formula unit for the x column, e.g. Li1.2Mn0.4Ti0.4O1.8F0.2 " +
            "(empty: Li2VO2F for Li-V-O-F, otherwise 2 sites per formula unit)", ""),
    ];

    public IReadOnlyList<PortSpec> Inputs { get; } = [new("hops", PortKind.Table, "One row per accepted NEB (vasp-neb-ingest)")];

    public IReadOnlyList<PortSpec> Outputs { get; } = [new("features", PortKind.Table, "Descriptors, path label and targets per hop")];

    public void Run(StageContext ctx)
    {
        double tolerance = ctx.Params.Float("mapping_tolerance");
        bool skip = ctx.Params.String("on_error") == "skip";
        var hops = HopsTable.Read(ctx.ReadTable("hops"));
        string substituent = ctx.Params.String("substituent");
        var chemistry = FeaturizeChemistry.Resolve(hops, ctx.Params.String("mobile_ion"), ctx.Params.StringList("cations"),
            ctx.Params.StringList("anions"), substituent.Length == 0 ? null : substituent);
        DescriptorSet set;
        try
        {
            set = DescriptorSet.Create(ctx.Params.String("descriptors"), chemistry);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"featurize param {e.Message}", e);
        }
        var formulaUnit = FormulaUnit.For(chemistry, ctx.Params.String("formula"));
        ctx.Log.Info($"chemistry {chemistry} ({chemistry.Describe()}), descriptor set '{set.Name}' ({set.Count} descriptors)");

        var kept = new List<HopRecord>(hops.Count);
        var features = new List<HopFeatures>(hops.Count);
        using (var progress = ctx.Log.Progress("featurize", hops.Count))
        {
            foreach (var hop in hops)
            {
                ctx.Cancellation.ThrowIfCancellationRequested();
                try
                {
                    features.Add(HopFeaturizer.Compute(hop, tolerance, set, formulaUnit));
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
        var table = FeaturesTable.Build(features, kept, set);
        table.Metadata["featurize.skipped"] = skipped.ToString(System.Globalization.CultureInfo.InvariantCulture);
        ctx.WriteTable("features", FeaturesContract.For(set).Verified(table, "featurize"));
    }
}
