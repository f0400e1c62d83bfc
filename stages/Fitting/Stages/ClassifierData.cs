using Pipeline.Abstractions;
using Pipeline.Fitting.Classification;

namespace Pipeline.Fitting.Stages;

/// <summary>Turns the features table into classifier samples and the CV result into the classifier_metrics table.</summary>
internal static class ClassifierData
{
    public static List<PathSample> Samples(Table table, IReadOnlyList<string> features, string source)
    {
        var columns = features.Select(f => TableColumns.Numeric(table, f, source)).ToArray();
        if (!table.Has("path_label"))
            throw new InvalidDataException($"{source}: no column 'path_label'");
        var labels = table.Strings("path_label");
        var samples = new List<PathSample>(table.RowCount);
        for (int i = 0; i < table.RowCount; i++)
        {
            if (Array.IndexOf(PathClassifier.Labels, labels[i]) < 0)
                throw new InvalidDataException($"{source}: path_label row {i} is '{labels[i]}', expected one of " +
                                               string.Join(", ", PathClassifier.Labels));
            var x = new float[columns.Length];
            for (int j = 0; j < columns.Length; j++)
                x[j] = (float)columns[j][i];
            samples.Add(new PathSample { Features = x, Label = labels[i] });
        }
        int distinct = samples.Select(s => s.Label).Distinct().Count();
        if (distinct < 2)
            throw new InvalidDataException($"{source}: path_label has {distinct} distinct value(s); the classifier needs at least two");
        return samples;
    }

    /// <summary>One row per true label: counts per predicted label, recall, precision, and the overall accuracy.</summary>
    public static Table MetricsTable(ClassifierCvResult cv)
    {
        var b = new TableBuilder()
            .Add("true_label", ColumnType.String)
            .Add("n", ColumnType.Int64);
        foreach (var label in cv.Labels)
            b.Add("predicted_" + label, ColumnType.Int64);
        b.Add("recall", ColumnType.Float64)
            .Add("precision", ColumnType.Float64)
            .Add("accuracy", ColumnType.Float64)
            .Add("folds", ColumnType.Int64)
            .Add("trainer", ColumnType.String);
        for (int t = 0; t < cv.Labels.Length; t++)
        {
            var row = new List<object> { cv.Labels[t], cv.TrueCount(t) };
            for (int p = 0; p < cv.Labels.Length; p++)
                row.Add(cv.Confusion[t, p]);
            row.AddRange([cv.Recall(t), cv.Precision(t), cv.Accuracy, (long)cv.Folds, PathClassifier.TrainerName]);
            b.AddRow(row.ToArray());
        }
        return b.Build(new Dictionary<string, string>
        {
            ["accuracy"] = cv.Accuracy.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            ["trainer"] = PathClassifier.TrainerName,
        });
    }
}
