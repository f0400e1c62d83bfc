using Pipeline.Contracts;
using Pipeline.Abstractions;
using Pipeline.Report.Html;
using Pipeline.Report.Inputs;

namespace Pipeline.Report.Sections;

/// <summary>A classifier's confusion matrix: Counts[true][predicted] over <see cref="Labels"/>.</summary>
internal sealed class ConfusionMatrix
{
    private ConfusionMatrix(string[] labels, double[,] counts)
    {
        Labels = labels;
        Counts = counts;
    }

    public string[] Labels { get; }
    public double[,] Counts { get; }

    public double Total => Counts.Cast<double>().Sum();
    public double Accuracy => Total == 0 ? double.NaN : Enumerable.Range(0, Labels.Length).Sum(i => Counts[i, i]) / Total;

    /// <summary>Reads fit-barriers' classifier_metrics (ClassifierMetricsContract): a true-label column plus one
    /// predicted_LABEL count column per label; null when the table is absent or the classifier was skipped.</summary>
    public static ConfusionMatrix? Read(Table? table)
    {
        var actual = TableColumns.Texts(table, ClassifierMetricsContract.TrueLabel);
        if (table is null || actual is null) return null;
        var labels = actual.Distinct(StringComparer.Ordinal).ToArray();
        var columns = labels.Select(l => TableColumns.Numbers(table, ClassifierMetricsContract.PredictedPrefix + l)).ToArray();
        if (Array.FindIndex(columns, c => c is null) is var missing and >= 0)
            throw new InvalidDataException($"classifier_metrics has a row for true label '{labels[missing]}' but no column " +
                                           $"'{ClassifierMetricsContract.PredictedPrefix}{labels[missing]}'");
        var counts = new double[labels.Length, labels.Length];
        for (int row = 0; row < actual.Length; row++)
        {
            int t = Array.IndexOf(labels, actual[row]);
            for (int p = 0; p < labels.Length; p++) counts[t, p] += columns[p]![row];
        }
        return new ConfusionMatrix(labels, counts);
    }

    public void Write(HtmlWriter html)
    {
        var table = new HtmlTable(["true \\ predicted", .. Labels, "recall"]);
        for (int t = 0; t < Labels.Length; t++)
        {
            double rowTotal = Enumerable.Range(0, Labels.Length).Sum(p => Counts[t, p]);
            var cells = new List<string> { Labels[t] };
            cells.AddRange(Enumerable.Range(0, Labels.Length).Select(p => Format.Number(Counts[t, p])));
            cells.Add(rowTotal == 0 ? "n/a" : Format.Percent(Counts[t, t] / rowTotal));
            table.AddRow(cells.ToArray());
        }
        var precision = new List<string> { "precision" };
        for (int p = 0; p < Labels.Length; p++)
        {
            double columnTotal = Enumerable.Range(0, Labels.Length).Sum(t => Counts[t, p]);
            precision.Add(columnTotal == 0 ? "n/a" : Format.Percent(Counts[p, p] / columnTotal));
        }
        precision.Add("");
        table.AddRow(precision.ToArray());
        table.Write(html, $"Confusion matrix of the path classifier (accuracy {Format.Percent(Accuracy)} over {Format.Number(Total)} hops)");
    }

    private static int Order(string label) => label switch { "up" => 0, "down" => 1, "straight" => 2, _ => 3 };
}
