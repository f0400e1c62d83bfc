using Pipeline.Abstractions;
using Pipeline.RockSalt;

namespace Pipeline.Contracts;

/// <summary>The features table of featurize (one row per hop): the 11 descriptors in HopDescriptors.Names order, path label, targets and geometry.</summary>
public static class FeaturesContract
{
    public const string Artifact = "features";

    public const string CalcId = "calc_id";
    public const string PathLabel = "path_label";
    public const string HCoordinate = "h_coordinate";
    public const string EForward = "e_forward";
    public const string EKra = "e_kra";
    public const string EReaction = "e_reaction";
    public const string X = "x";
    public const string LatticeA = "lattice_a";
    public const string LiDumbbellDistanceMin = "li_dumbbell_distance_min";
    public const string TetVolumeUp = "tet_volume_up";
    public const string TetVolumeDown = "tet_volume_down";
    public const string MappingMaxDeviation = "mapping_max_deviation";

    /// <summary>The descriptor columns, in model order (docs/DOMAIN.md section 4): counts, except delta_e in eV.</summary>
    public static IReadOnlyList<string> Descriptors => HopDescriptors.Names;

    public static TableSchema Schema { get; } = new(Artifact, 1,
    [
        new(CalcId, ColumnType.String, "", "calculation folder (as in hops)"),
        .. HopDescriptors.Names.Select(name => new ColumnSpec(name, ColumnType.Float64,
            name == HopDescriptors.Names[^1] ? "eV" : "count", "descriptor (docs/DOMAIN.md section 4)")),
        new(PathLabel, ColumnType.String, "", "up, down or straight (docs/DOMAIN.md section 3)"),
        new(HCoordinate, ColumnType.Float64, "1", "saddle position along the up direction, units of a/4"),
        new(EForward, ColumnType.Float64, "eV", "forward barrier (target of the forward model)"),
        new(EKra, ColumnType.Float64, "eV", "KRA barrier (target of the KRA model)"),
        new(EReaction, ColumnType.Float64, "eV", "final minus initial energy (descriptor 11, delta_e)"),
        new(X, ColumnType.Float64, "1", "x of Li(2-x)VO2F of the initial structure"),
        new(LatticeA, ColumnType.Float64, "Angstrom", "conventional cubic edge of the mapped lattice"),
        new(LiDumbbellDistanceMin, ColumnType.Float64, "Angstrom", "shortest moving-ion to dumbbell-cation distance along the band"),
        new(TetVolumeUp, ColumnType.Float64, "Angstrom^3", "volume of the up tetrahedron"),
        new(TetVolumeDown, ColumnType.Float64, "Angstrom^3", "volume of the down tetrahedron"),
        new(MappingMaxDeviation, ColumnType.Float64, "Angstrom", "largest distance of an atom from its ideal site"),
    ]);
}
