using Pipeline.Abstractions;
using Pipeline.Core.Maintenance;

namespace Pipeline.Core.Tests;

/// <summary>How metrics tables become "stage.output[row].column" numbers: each number once.</summary>
public class MetricsReaderTests
{
    [Fact]
    public void Kmc_like_summary_keys_rows_by_x_and_temperature_and_reports_per_x_fits_once()
    {
        // Two compositions at two temperatures; the Arrhenius energy is one number per x repeated on its rows, and the
        // number of runs is the same everywhere.
        var table = new Table(
        [
            Column.Of("x", new[] { 0.25, 0.25, 0.5, 0.5 }),
            Column.Of("temperature", new[] { 500.0, 600.0, 500.0, 600.0 }),
            Column.Of("runs", new long[] { 2, 2, 2, 2 }),
            Column.Of("d_tracer", new[] { 1e-11, 2e-10, 3e-11, 4e-10 }),
            Column.Of("arrhenius_ea", new[] { 0.68, 0.68, 0.67, 0.67 }),
            Column.Of("haven", new[] { 0.5, double.NaN, 0.6, 0.7 }),
        ]);
        var values = new SortedDictionary<string, double>(StringComparer.Ordinal);
        MetricsReader.AddTable("kmc.summary", table, values);

        Assert.Equal(2, values["kmc.summary.runs"]);
        Assert.Equal(0.68, values["kmc.summary[x=0.25].arrhenius_ea"]);
        Assert.Equal(0.67, values["kmc.summary[x=0.5].arrhenius_ea"]);
        Assert.Equal(4e-10, values["kmc.summary[x=0.5/temperature=600].d_tracer"]);
        Assert.False(values.ContainsKey("kmc.summary[x=0.25/temperature=600].haven")); // NaN: not applicable
        Assert.DoesNotContain(values.Keys, k => k.EndsWith(".x", StringComparison.Ordinal) || k.EndsWith(".temperature", StringComparison.Ordinal));
        // 1 runs + 2 Arrhenius + 4 D + 3 Haven
        Assert.Equal(10, values.Count);
    }

    [Fact]
    public void String_columns_that_vary_name_the_rows_and_constant_ones_do_not()
    {
        var table = new Table(
        [
            Column.Of("true_label", new[] { "up", "down" }),
            Column.Of("trainer", new[] { "lbfgs", "lbfgs" }),
            Column.Of("recall", new[] { 0.9, 0.1 }),
            Column.Of("accuracy", new[] { 0.8, 0.8 }),
        ]);
        var values = new SortedDictionary<string, double>(StringComparer.Ordinal);
        MetricsReader.AddTable("fit.classifier_metrics", table, values);
        Assert.Equal(
            ["fit.classifier_metrics.accuracy", "fit.classifier_metrics[down].recall", "fit.classifier_metrics[up].recall"],
            values.Keys);
    }

    [Theory]
    [InlineData("metrics", PortKind.Table, true)]
    [InlineData("ce_metrics", PortKind.Table, true)]
    [InlineData("metrics_json", PortKind.File, true)]
    [InlineData("summary", PortKind.Table, true)]
    [InlineData("summary", PortKind.File, false)]
    [InlineData("results", PortKind.Table, false)]
    public void Metrics_outputs_are_named_metrics_or_a_summary_table(string name, PortKind kind, bool expected)
        => Assert.Equal(expected, MetricsReader.IsMetricsOutput(name, kind));
}
