using Pipeline.Abstractions;
using Pipeline.Contracts;
using Pipeline.Featurize.Hops;
using Pipeline.RockSalt;

namespace Pipeline.Featurize.Stages;

/// <summary>The features table (CONTRACTS.md): calc_id, the descriptors of one set, path_label, h_coordinate, the targets,
/// x, lattice_a, then the extra geometric columns under their own names.</summary>
public static class FeaturesTable
{
    public const string LiDumbbellDistanceMin = "li_dumbbell_distance_min";
    public const string TetVolumeUp = "tet_volume_up";
    public const string TetVolumeDown = "tet_volume_down";
    public const string MappingMaxDeviation = "mapping_max_deviation";

    public static Table Build(IReadOnlyList<HopFeatures> rows, IReadOnlyList<HopRecord> hops)
        => Build(rows, hops, DescriptorSet.LiVOF);

    /// <summary>The table of descriptor set <paramref name="set"/>, its name and chemistry recorded in the footer.</summary>
    public static Table Build(IReadOnlyList<HopFeatures> rows, IReadOnlyList<HopRecord> hops, DescriptorSet set)
    {
        if (rows.Count != hops.Count) throw new ArgumentException("one hop record per features row");
        int n = rows.Count;
        var columns = new List<Column> { Column.Of("calc_id", rows.Select(r => r.CalcId).ToArray()) };
        for (int k = 0; k < set.Count; k++)
        {
            var values = new double[n];
            for (int r = 0; r < n; r++) values[r] = rows[r].Descriptors[k];
            columns.Add(Column.Of(set.Names[k], values));
        }
        columns.Add(Column.Of("path_label", rows.Select(r => r.PathLabel).ToArray()));
        columns.Add(Column.Of("h_coordinate", rows.Select(r => r.H).ToArray()));
        columns.Add(Column.Of("e_forward", hops.Select(h => h.EForward).ToArray()));
        columns.Add(Column.Of("e_kra", hops.Select(h => h.EKra).ToArray()));
        columns.Add(Column.Of("e_reaction", hops.Select(h => h.EReaction).ToArray()));
        columns.Add(Column.Of("x", rows.Select(r => r.X).ToArray()));
        columns.Add(Column.Of("lattice_a", rows.Select(r => r.LatticeA).ToArray()));
        columns.Add(Column.Of(LiDumbbellDistanceMin, rows.Select(r => r.Geometry.LiDumbbellDistanceMin).ToArray()));
        columns.Add(Column.Of(TetVolumeUp, rows.Select(r => r.Geometry.TetVolumeUp).ToArray()));
        columns.Add(Column.Of(TetVolumeDown, rows.Select(r => r.Geometry.TetVolumeDown).ToArray()));
        columns.Add(Column.Of(MappingMaxDeviation, rows.Select(r => r.MappingMaxDeviation).ToArray()));
        var table = new Table(columns);
        FeaturesContract.WriteFooter(table, set);
        return table;
    }
}
