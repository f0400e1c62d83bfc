using Pipeline.Contracts;
using Pipeline.Abstractions;

namespace Pipeline.Vasp.Ingest;

/// <summary>The params both ingest stage types share, and their mapping onto <see cref="IngestOptions"/>.</summary>
public static class IngestParams
{
    public const string Strict = "strict";
    public const string MobileSpecies = "mobile_species";
    public const string SecondMoverRatio = "second_mover_ratio";
    public const string MinHopLength = "min_hop_length";

    public static IReadOnlyList<ParamSpec> Common { get; } =
    [
        ParamSpec.Bool(Strict, "Fail the stage on any rejected calculation instead of listing it in 'rejected'", false),
        ParamSpec.String(MobileSpecies, "Element of the hopping ion; a NEB whose moving ion is another element is rejected", "Li"),
        ParamSpec.Float(SecondMoverRatio,
            "Reject a NEB when a second atom moves more than this fraction of the moving ion's displacement", 0.5, 0.0, 1.0),
        ParamSpec.Float(MinHopLength, "Reject a NEB whose moving ion travels less than this many Angstrom", 0.1, 0.0),
    ];

    public static IngestOptions Options(StageContext ctx) => new()
    {
        MobileSpecies = ctx.Params.String(MobileSpecies),
        SecondMoverRatio = ctx.Params.Float(SecondMoverRatio),
        MinHopLength = ctx.Params.Float(MinHopLength),
        Parallelism = ctx.Parallelism,
        CacheDirectory = ctx.CacheDirectory,
    };

    public static IReadOnlyList<PortSpec> Outputs { get; } =
    [
        new("hops", PortKind.Table, "One row per accepted NEB: energies, barriers, moving ion, geometry, raw file hashes"),
        new("images", PortKind.Table, "One row per image of an accepted NEB: energy, forces, moving-ion position"),
        new("structures", PortKind.Table, "NEB endpoints and single points: lattice, species, fractional positions, energy"),
        new("rejected", PortKind.Table, "Calculations left out: reason, file and line"),
    ];

    /// <summary>Fails a strict run on the first rejection, else writes the four tables and logs the summary.</summary>
    public static void Finish(StageContext ctx, IngestResult result)
    {
        if (ctx.Params.Bool(Strict) && result.Rejected.Count > 0)
        {
            var first = result.Rejected[0];
            throw new IngestRejectedException(first.CalcId, first.Rejection, first.DatasetFile, result.Rejected.Count);
        }
        foreach (var rejected in result.Rejected)
            ctx.Log.Warn($"rejected {rejected.CalcId}: {rejected.Rejection.Reason} ({rejected.DatasetFile}{(rejected.Rejection.Line > 0 ? $":{rejected.Rejection.Line}" : "")})");
        ctx.WriteTable("hops", HopsContract.Schema.Verified(IngestTables.Hops(result), "ingest"));
        ctx.WriteTable("images", ImagesContract.Schema.Verified(IngestTables.Images(result), "ingest"));
        ctx.WriteTable("structures", StructuresContract.Schema.Verified(IngestTables.Structures(result), "ingest"));
        ctx.WriteTable("rejected", RejectedContract.Schema.Verified(IngestTables.Rejected(result), "ingest"));
        ctx.Log.Info(result.Summary());
    }
}
