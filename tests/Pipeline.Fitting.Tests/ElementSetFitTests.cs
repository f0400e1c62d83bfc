using Pipeline.Contracts;
using Pipeline.Fitting.Regression;
using Pipeline.Fitting.Stages;
using Pipeline.Fitting.Tests.Support;
using Pipeline.RockSalt;

namespace Pipeline.Fitting.Tests;

/// <summary>fit-barriers and validate on an element-set features table: the descriptor columns come from the table's
/// footer, the models record the set and species, and validate recovers each TM element's planted gate effect
/// (matched to truth.yaml by descriptor name) inside its bootstrap CI.</summary>
public class ElementSetFitTests
{
    private static (TestStageContext Ctx, string ScalerPath) Fit(Pipeline.Abstractions.Table table)
    {
        var fit = new FitBarriersStage();
        var ctx = new TestStageContext(fit);
        var scalerPath = Path.Combine(ctx.OutputDirectory, "scaler.json");
        var names = ElementFeatures.Set.Names;
        ScalerFile.Save(ScalerFit.Fit(names, names.Select(table.Doubles).ToList(), "t"), scalerPath);
        ctx.WithTable("features", table).WithPath("scaler", scalerPath);
        fit.Run(ctx);
        return (ctx, scalerPath);
    }

    [Fact]
    public void Fit_and_validate_recover_the_planted_per_element_gate_coefficients()
    {
        var table = ElementFeatures.Create(360, seed: 4, noise: 0.02);
        var (fitCtx, scalerPath) = Fit(table);
        using var _ = fitCtx;

        var kra = BarrierModel.Load(fitCtx.OutputFilePath("model_kra"));
        var forward = BarrierModel.Load(fitCtx.OutputFilePath("model_forward"));
        Assert.Equal(ElementFeatures.Set.Names.Take(ElementFeatures.Set.KraCount), kra.Features);
        Assert.Equal(ElementFeatures.Set.Names, forward.Features);
        Assert.Equal("element", kra.DescriptorSet);
        Assert.Equal(ElementFeatures.Chemistry, kra.Chemistry);
        Assert.Contains("\"descriptor_set\": \"element\"", File.ReadAllText(fitCtx.OutputFilePath("model_kra")));

        var truthPath = Path.Combine(fitCtx.OutputDirectory, "truth.yaml");
        File.WriteAllText(truthPath, ElementFeatures.TruthYaml());
        var validate = new ValidateStage();
        using var ctx = new TestStageContext(validate, new Dictionary<string, object> { ["bootstrap"] = 80L });
        ctx.WithTable("features", table).WithPath("scaler", scalerPath).WithPath("truth", truthPath)
            .WithPath("model_forward", fitCtx.OutputFilePath("model_forward"))
            .WithPath("model_kra", fitCtx.OutputFilePath("model_kra"));
        validate.Run(ctx);

        var c = ctx.WrittenTables["coefficients"];
        var model = c.Strings("model");
        var feature = c.Strings("feature");
        var fitted = c.Doubles("coef_physical");
        var truth = c.Doubles("truth");
        var inside = c.Bools("truth_inside_ci");
        foreach (var m in new[] { "kra", "forward" })
            foreach (var tm in new[] { "gate_Mn_up", "gate_Ti_up", "gate_Nb_up" })
            {
                int i = Enumerable.Range(0, c.RowCount).Single(r => model[r] == m && feature[r] == tm);
                Assert.Equal(ElementFeatures.Planted[tm], truth[i]);
                Assert.True(inside[i], $"{m}.{tm}: truth {truth[i]} outside the CI of the fit {fitted[i]}");
                Assert.Equal(ElementFeatures.Planted[tm], fitted[i], 0.015);
            }
        // Every truth value was matched by name (none left NaN) and nearly all are covered.
        Assert.DoesNotContain(truth.Where((_, r) => feature[r] != "intercept"), double.IsNaN);
        Assert.True(inside.Count(b => b) >= 0.85 * c.RowCount, $"{inside.Count(b => b)} of {c.RowCount} truths inside their CI");
    }

    [Fact]
    public void Validate_refuses_a_model_of_another_descriptor_set()
    {
        var table = ElementFeatures.Create(120, seed: 9, noise: 0.02);
        var (fitCtx, scalerPath) = Fit(table);
        using var _ = fitCtx;
        var standardTable = new Pipeline.Abstractions.Table(table.Columns);
        FeaturesContract.WriteFooter(standardTable, DescriptorSet.Create(DescriptorSet.ElementResolved,
            new Chemistry("Li", ["Mn", "Ti", "Nb"], ["O", "F", "Cl"], "F")));
        foreach (var name in new[] { "dumbbell_Cl", "apex_Cl_up", "apex_Cl_down", "back_Cl" })
            standardTable = new Pipeline.Abstractions.Table([.. standardTable.Columns, Pipeline.Abstractions.Column.Of(name, new double[table.RowCount])],
                standardTable.Metadata);

        var validate = new ValidateStage();
        using var ctx = new TestStageContext(validate, new Dictionary<string, object> { ["bootstrap"] = 5L });
        ctx.WithTable("features", standardTable).WithPath("scaler", scalerPath)
            .WithPath("model_forward", fitCtx.OutputFilePath("model_forward"))
            .WithPath("model_kra", fitCtx.OutputFilePath("model_kra"));
        var e = Assert.Throws<InvalidDataException>(() => validate.Run(ctx));
        Assert.Contains("Li-Mn-Ti-Nb-O-F", e.Message);
        Assert.Contains("Li-Mn-Ti-Nb-O-F-Cl", e.Message);
    }
}
