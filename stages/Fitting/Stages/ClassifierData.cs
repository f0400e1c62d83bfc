using Pipeline.Abstractions;
using Pipeline.Fitting.Classification;

namespace Pipeline.Fitting.Stages;

/// <summary>Turns the features table into classifier samples and the CV result into the classifier_metrics table.</summary>
public static class ClassifierData
{
    /// <summary>A class recovered in fewer than this share of its hops is flagged as barely predicted.</summary>
    public const double LowRecall = 0.5;

    /// <summary>Why the classifier cannot be trained on this table (fewer than two path types), or null.</summary>
    public static string? SkipReason(Table table, string source)
    {
        if (!table.Has("path_label"))
            throw new InvalidDataException($"{source}: no column 'path_label'");
        var distinct = table.Strings("path_label").Distinct(StringComparer.Ordinal).OrderBy(l => l, StringComparer.Ordinal).ToArray();
        return distinct.Length >= 2 ? null
            : $"the dataset has {distinct.Length} path type(s) ({string.Join(", ", distinct)}) in {table.RowCount} hops; a path classifier needs at least two";
    }

    /// <summary>The one-row classifier_metrics table of a skipped classifier: the reason, nothing else claimed.</summary>
    public static Table SkippedTable(string reason)
    {
        var b = new TableBuilder().Add("skipped_reason", ColumnType.String).Add("trainer", ColumnType.String);
        b.AddRow(reason, PathClassifier.TrainerName);
        return b.Build(new Dictionary<string, string> { ["skipped_reason"] = reason });
    }

    /// <summary>One line per class whose cross-validated recall is below <see cref="LowRecall"/>.</summary>
    public static IEnumerable<string> LowRecallClasses(ClassifierCvResult cv) =>
        Enumerable.Range(0, cv.Labels.Length)
            .Where(t => cv.TrueCount(t) > 0 && cv.Recall(t) < LowRecall)
            .Select(t => $"path classifier barely predicts '{cv.Labels[t]}': recall {cv.Recall(t):P1} " +
                         $"({cv.Confusion[t, t]} of {cv.TrueCount(t)} hops in {cv.Folds}-fold CV); " +
                         "consider classifier_class_weights: balanced");

    /// <summary>"balanced": each class's samples repeated round(n_largest / n_class) times, so every class weighs
    /// about as much as the largest in the training loss (integer class weights); "none": the samples as they are.</summary>
    public static List<PathSample> Weighted(IReadOnlyList<PathSample> samples, string classWeights)
    {
        if (classWeights != "balanced") return samples.ToList();
        var counts = samples.GroupBy(s => s.Label).ToDictionary(g => g.Key, g => g.Count());
        int largest = counts.Values.Max();
        var result = new List<PathSample>();
        foreach (var s in samples)
        {
            int repeat = (int)Math.Round((double)largest / counts[s.Label]);
            for (int k = 0; k < repeat; k++) result.Add(s);
        }
        return result;
    }

    /// <summary>k-fold CV with class weights applied to the training folds only (a repeated hop is never scored
    /// against itself); the same shuffled folds as <see cref="ClassifierCrossValidation"/>.</summary>
    public static ClassifierCvResult CrossValidate(IReadOnlyList<PathSample> samples, int featureCount, int folds, int seed, string classWeights)
    {
        if (classWeights != "balanced") return ClassifierCrossValidation.Run(samples, featureCount, folds, seed);
        var labels = PathClassifier.Labels;
        var confusion = new long[labels.Length, labels.Length];
        foreach (var split in Pipeline.Fitting.Regression.KFold.Shuffled(samples.Count, folds, seed))
        {
            var train = Weighted(split.Train.Select(i => samples[i]).ToList(), classWeights);
            var test = split.Test.Select(i => samples[i]).ToList();
            var predicted = PathClassifier.Train(train, featureCount, seed).Predict(test);
            for (int i = 0; i < test.Count; i++)
                confusion[Array.IndexOf(labels, test[i].Label), Array.IndexOf(labels, predicted[i])]++;
        }
        return new ClassifierCvResult(labels, confusion, folds);
    }

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
