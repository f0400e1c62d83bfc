using Pipeline.Fitting.Regression;
using Pipeline.Abstractions;
using Pipeline.Fitting.Classification;
using Pipeline.Contracts;
using Pipeline.Fitting.Stages;
using Pipeline.Fitting.Tests.Support;

namespace Pipeline.Fitting.Tests;

/// <summary>Issue #16: fit-barriers warns instead of failing or staying silent where the data are thin.</summary>
public class FitBarriersWarningsTests
{
    private static TestStageContext Context(FitBarriersStage stage, Table table, IReadOnlyDictionary<string, object>? parameters = null)
    {
        var ctx = new TestStageContext(stage, parameters);
        var scalerPath = Path.Combine(ctx.OutputDirectory, "scaler.json");
        ScalerFile.Save(ScalerFit.Fit(DescriptorNames.All, DescriptorNames.All.Select(table.Doubles).ToList(), "t"), scalerPath);
        ctx.WithTable("features", table).WithPath("scaler", scalerPath);
        return ctx;
    }

    private static Table WithLabels(Table table, string label) =>
        new(table.Columns.Select(c => c.Name == "path_label" ? Column.Of("path_label", Enumerable.Repeat(label, table.RowCount).ToArray()) : c));

    [Fact]
    public void A_single_path_type_skips_the_classifier_with_a_reason_and_keeps_the_barrier_models()
    {
        var table = WithLabels(SyntheticFeatures.Create(150, seed: 3, noise: 0.01), "straight");
        var stage = new FitBarriersStage();
        using var ctx = Context(stage, table);

        stage.Run(ctx);

        Assert.True(File.Exists(ctx.OutputFilePath("model_kra")));
        Assert.True(File.Exists(ctx.OutputFilePath("model_forward")));
        Assert.False(File.Exists(ctx.OutputFilePath("classifier")));
        var metrics = ctx.WrittenTables["classifier_metrics"];
        var reason = Assert.Single(metrics.Strings("skipped_reason"));
        Assert.Contains("1 path type(s) (straight) in 150 hops", reason);
        Assert.Contains(ctx.Messages, m => m.StartsWith("warn: path classifier skipped", StringComparison.Ordinal));
        Assert.True(stage.Outputs.Single(p => p.Name == "classifier").Optional);
    }

    [Fact]
    public void Fewer_hops_than_ten_per_descriptor_is_a_warning_with_the_counts()
    {
        var table = SyntheticFeatures.Create(60, seed: 5, noise: 0.01);
        var stage = new FitBarriersStage();
        using var ctx = Context(stage, table);

        stage.Run(ctx);

        Assert.Contains(ctx.Messages, m => m.StartsWith("warn: e_forward: 60 hops for 11 descriptors", StringComparison.Ordinal) && m.Contains("110"));
        Assert.Contains(ctx.Messages, m => m.StartsWith("warn: e_kra: 60 hops for 10 descriptors", StringComparison.Ordinal) && m.Contains("100"));
    }

    [Fact]
    public void Enough_hops_give_no_hop_count_warning()
    {
        var table = SyntheticFeatures.Create(120, seed: 5, noise: 0.01);
        var stage = new FitBarriersStage();
        using var ctx = Context(stage, table);
        stage.Run(ctx);
        Assert.DoesNotContain(ctx.Messages, m => m.Contains("hops for 10 descriptors", StringComparison.Ordinal));
    }

    [Fact]
    public void A_class_with_low_recall_is_named_with_its_counts()
    {
        // The bundled study's situation: 1 of 19 'down' hops recovered.
        var confusion = new long[,] { { 170, 2, 9 }, { 18, 1, 0 }, { 5, 0, 28 } };
        var cv = new ClassifierCvResult(PathClassifier.Labels, confusion, 5);

        var line = Assert.Single(ClassifierData.LowRecallClasses(cv));

        Assert.Contains("'down'", line);
        Assert.Contains("1 of 19 hops", line);
        Assert.Contains("classifier_class_weights: balanced", line);
    }

    [Fact]
    public void Balanced_class_weights_repeat_each_class_in_inverse_proportion_to_its_size()
    {
        var samples = Enumerable.Repeat("up", 10).Concat(Enumerable.Repeat("down", 2)).Concat(Enumerable.Repeat("straight", 4))
            .Select(l => new PathSample { Label = l, Features = [0f] }).ToList();

        var weighted = ClassifierData.Weighted(samples, "balanced");

        Assert.Equal(10, weighted.Count(s => s.Label == "up"));
        Assert.Equal(10, weighted.Count(s => s.Label == "down"));      // 2 x round(10/2)
        Assert.Equal(8, weighted.Count(s => s.Label == "straight"));   // 4 x round(2.5) = 4 x 2 (round half to even)
        Assert.Equal(samples, ClassifierData.Weighted(samples, "none"));
    }

    [Fact]
    public void Balanced_weights_raise_the_recall_of_a_rare_class()
    {
        // 'down' is rare (about 1 in 8) and overlaps the others: unweighted, the classifier mostly ignores it.
        var rng = new Random(7);
        var rows = 240;
        var columns = DescriptorNames.All.Select(_ => new double[rows]).ToArray();
        var labels = new string[rows];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < columns.Length; j++) columns[j][i] = rng.Next(0, 4);
            labels[i] = i % 8 == 0 ? "down" : i % 2 == 0 ? "up" : "straight";
            if (labels[i] == "down") columns[1][i] = Math.Min(3, columns[1][i] + 1);
            if (labels[i] == "up") columns[0][i] = Math.Min(3, columns[0][i] + 2);
        }
        var table = SyntheticFeatures.Create(rows, seed: 9, noise: 0.01);
        table = new Table(table.Columns.Select(c => c.Name == "path_label" ? Column.Of("path_label", labels)
            : DescriptorNames.All.Contains(c.Name) ? Column.Of(c.Name, columns[DescriptorNames.All.ToList().IndexOf(c.Name)]) : c));

        double DownRecall(string weights)
        {
            var stage = new FitBarriersStage();
            using var ctx = Context(stage, table, new Dictionary<string, object> { ["classifier_class_weights"] = weights });
            stage.Run(ctx);
            var m = ctx.WrittenTables["classifier_metrics"];
            return m.Doubles("recall")[Array.IndexOf(m.Strings("true_label"), "down")];
        }

        double balanced = DownRecall("balanced"), none = DownRecall("none");
        Assert.True(balanced > none, $"recall of 'down': balanced {balanced} vs none {none}");
    }
}
