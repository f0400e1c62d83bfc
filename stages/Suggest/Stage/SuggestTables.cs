using Pipeline.Abstractions;
using Pipeline.ActiveLearning.Acquisition;
using Pipeline.ActiveLearning.Candidates;
using Pipeline.RockSalt;

namespace Pipeline.Suggest.Stage;

/// <summary>The suggest stage's tables (docs/ACTIVE_LEARNING.md lists the columns).</summary>
internal static class SuggestTables
{
    public static Table Suggestions(IReadOnlyList<SuggestionRow> rows, string target, IReadOnlyDictionary<string, string> metadata)
    {
        var b = new TableBuilder()
            .Add("rank", ColumnType.Int64).Add("candidate_id", ColumnType.String).Add("folder", ColumnType.String)
            .Add("x", ColumnType.Float64).Add("x_cell", ColumnType.Float64).Add("snapshot", ColumnType.Int64)
            .Add("initial_site", ColumnType.Int64).Add("final_site", ColumnType.Int64).Add("moving_atom", ColumnType.Int64)
            .Add("path_type", ColumnType.String).Add("target", ColumnType.String)
            .Add("predicted_barrier", ColumnType.Float64).Add("uncertainty", ColumnType.Float64)
            .Add("training_distance", ColumnType.Float64).Add("score", ColumnType.Float64)
            .Add("nearest_pick_distance", ColumnType.Float64).Add("diversity_relaxed", ColumnType.Bool)
            .Add("energy_per_site", ColumnType.Float64);
        foreach (var name in HopDescriptors.Names) b.Add(name, ColumnType.Float64);
        foreach (var r in rows)
        {
            var values = new List<object>
            {
                (long)r.Pick.Rank, r.Hop.Id, r.Folder, r.Hop.RequestedX, r.Hop.ActualX, (long)r.Hop.Snapshot,
                (long)r.Hop.Anatomy.Initial, (long)r.Hop.Anatomy.Final, (long)r.MovingAtom, r.PathType, target,
                r.Score.Predicted, r.Score.Spread, r.Score.TrainingDistance, r.Score.Score,
                double.IsPositiveInfinity(r.Pick.NearestPickDistance) ? double.NaN : r.Pick.NearestPickDistance,
                r.Pick.DiversityRelaxed, r.Hop.EnergyPerSite,
            };
            values.AddRange(r.Hop.Descriptors.Cast<object>());
            b.AddRow(values.ToArray());
        }
        return b.Build(metadata);
    }

    public static Table Candidates(IReadOnlyList<HopCandidate> candidates, IReadOnlyList<CandidateScore> scores,
        IReadOnlyList<string> paths, string target)
    {
        var b = new TableBuilder()
            .Add("candidate_id", ColumnType.String).Add("x", ColumnType.Float64).Add("x_cell", ColumnType.Float64)
            .Add("snapshot", ColumnType.Int64).Add("path_type", ColumnType.String).Add("target", ColumnType.String)
            .Add("predicted_barrier", ColumnType.Float64).Add("uncertainty", ColumnType.Float64)
            .Add("training_distance", ColumnType.Float64).Add("score", ColumnType.Float64)
            .Add("energy_per_site", ColumnType.Float64);
        foreach (var name in HopDescriptors.Names) b.Add(name, ColumnType.Float64);
        for (int i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            var s = scores[i];
            var values = new List<object>
            {
                c.Id, c.RequestedX, c.ActualX, (long)c.Snapshot, paths[i], target, s.Predicted, s.Spread,
                s.TrainingDistance, s.Score, c.EnergyPerSite,
            };
            values.AddRange(c.Descriptors.Cast<object>());
            b.AddRow(values.ToArray());
        }
        return b.Build();
    }
}
