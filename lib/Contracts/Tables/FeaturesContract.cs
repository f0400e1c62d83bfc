using System.Text.Json.Nodes;
using Pipeline.Abstractions;
using Pipeline.RockSalt;

namespace Pipeline.Contracts;

/// <summary>The features table of featurize (one row per hop): calc_id, the descriptor columns of the chosen
/// <see cref="DescriptorSet"/> (delta_e last), path label, targets and geometry. The footer names the descriptor set
/// and the chemistry (<see cref="DescriptorSetKey"/>, <see cref="SpeciesKey"/>), so the fitting stages take their
/// columns from the table itself. A table without those keys (written before version 2) is Li-V-O-F standard.</summary>
public static class FeaturesContract
{
    public const string Artifact = "features";

    /// <summary>2: the descriptor columns are those of the descriptor set (the 11 standard ones, or the element set's).</summary>
    public const int Version = 2;

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

    /// <summary>Footer key: the descriptor set ("standard" or "element").</summary>
    public const string DescriptorSetKey = "featurize.descriptor_set";

    /// <summary>Footer key: the chemistry as the species block of model files (<see cref="SpeciesJson"/>).</summary>
    public const string SpeciesKey = "featurize.species";

    /// <summary>Footer key: the chemistry's short name, e.g. "Li-Mn-Ti-O-F" (for people reading `pipeline show`).</summary>
    public const string ChemistryKey = "featurize.chemistry";

    /// <summary>The standard descriptor columns, in model order (docs/DOMAIN.md section 4): counts, except delta_e in eV.</summary>
    public static IReadOnlyList<string> Descriptors => HopDescriptors.Names;

    /// <summary>Prefixes of the element-resolved descriptor columns (docs/DOMAIN.md section 10), all counts.</summary>
    public static IReadOnlyList<string> ElementFamilies { get; } = ["gate_", "dumbbell_", "apex_", "back_", "nn_"];

    /// <summary>The pinned contract, as readers see it: the standard descriptor columns may be absent (an element-set
    /// table has others, in the families), delta_e and every other column are always there.</summary>
    public static TableSchema Schema { get; } = Build(HopDescriptors.Names, standardRequired: false);

    /// <summary>The exact contract of a table written with <paramref name="set"/>: its descriptor columns, all required.</summary>
    public static TableSchema For(DescriptorSet set) => Build(set.Names, standardRequired: true);

    /// <summary>Records the descriptor set and its chemistry in a features table's footer.</summary>
    public static void WriteFooter(Table table, DescriptorSet set)
    {
        table.Metadata[DescriptorSetKey] = set.Name;
        table.Metadata[SpeciesKey] = SpeciesJson.Write(set.Chemistry).ToJsonString();
        table.Metadata[ChemistryKey] = set.Chemistry.ToString();
    }

    /// <summary>The descriptor set a features table was written with (its footer; Li-V-O-F standard when the footer
    /// has no such keys). Checks that every descriptor column is there. Errors name <paramref name="source"/>.</summary>
    public static DescriptorSet DescriptorSetOf(Table table, string source)
    {
        DescriptorSet set;
        try
        {
            string name = table.Metadata.GetValueOrDefault(DescriptorSetKey, DescriptorSet.Standard);
            var chemistry = table.Metadata.TryGetValue(SpeciesKey, out var json)
                ? SpeciesJson.Read(new JsonFields(JsonNode.Parse(json)!.AsObject(), $"{source} footer '{SpeciesKey}'"))
                : Chemistry.LiVOF;
            set = DescriptorSet.Create(name, chemistry);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or System.Text.Json.JsonException or InvalidOperationException)
        {
            throw new InvalidDataException($"{source}: footer: {e.Message}", e);
        }
        foreach (var name in set.Names)
            if (!table.Has(name))
                throw new InvalidDataException($"{source}: the footer names descriptor set '{set.Name}' of {set.Chemistry}, " +
                                               $"but column '{name}' is missing (columns: {string.Join(", ", table.Columns.Select(c => c.Name))})");
        return set;
    }

    private static TableSchema Build(IReadOnlyList<string> descriptors, bool standardRequired) => new(Artifact, Version,
    [
        new(CalcId, ColumnType.String, "", "calculation folder (as in hops)"),
        .. descriptors.Select(name => new ColumnSpec(name, ColumnType.Float64,
            name == DescriptorSet.DeltaE ? "eV" : "count", "descriptor (docs/DOMAIN.md sections 4 and 10)",
            Required: standardRequired || name == DescriptorSet.DeltaE)),
        new(PathLabel, ColumnType.String, "", "up, down or straight (docs/DOMAIN.md section 3)"),
        new(HCoordinate, ColumnType.Float64, "1", "saddle position along the up direction, units of a/4"),
        new(EForward, ColumnType.Float64, "eV", "forward barrier (target of the forward model)"),
        new(EKra, ColumnType.Float64, "eV", "KRA barrier (target of the KRA model)"),
        new(EReaction, ColumnType.Float64, "eV", "final minus initial energy (descriptor delta_e)"),
        new(X, ColumnType.Float64, "1", "mobile ions removed per formula unit of the initial structure (x of Li(2-x)VO2F)"),
        new(LatticeA, ColumnType.Float64, "Angstrom", "conventional cubic edge of the mapped lattice"),
        new(LiDumbbellDistanceMin, ColumnType.Float64, "Angstrom", "shortest moving-ion to dumbbell-anion distance along the band"),
        new(TetVolumeUp, ColumnType.Float64, "Angstrom^3", "volume of the up tetrahedron"),
        new(TetVolumeDown, ColumnType.Float64, "Angstrom^3", "volume of the down tetrahedron"),
        new(MappingMaxDeviation, ColumnType.Float64, "Angstrom", "largest distance of an atom from its ideal site"),
    ], standardRequired ? null : ElementFamilies.Select(p => new ColumnSpec(p, ColumnType.Float64, "count",
        "element-resolved descriptor (docs/DOMAIN.md section 10)")).ToList());
}
