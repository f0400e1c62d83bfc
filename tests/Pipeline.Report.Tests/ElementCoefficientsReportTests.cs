using Pipeline.Abstractions;

namespace Pipeline.Report.Tests;

/// <summary>The per-element coefficient tables of the Fits section: written for a model fitted on the element
/// descriptor set (grouped by element, CI and truth in each cell), absent for the standard set.</summary>
public class ElementCoefficientsReportTests
{
    private static string Fits(SmallRun run)
    {
        var stage = new ReportStage();
        var ctx = run.Context(stage);
        stage.Run(ctx);
        return ReportHtml.Section(File.ReadAllText(ctx.OutputFilePath("report")), "fits");
    }

    private static Table ElementCoefficients()
    {
        var b = new TableBuilder()
            .Add("model", ColumnType.String).Add("feature", ColumnType.String).Add("coef_physical", ColumnType.Float64)
            .Add("ci_low_physical", ColumnType.Float64).Add("ci_high_physical", ColumnType.Float64).Add("truth", ColumnType.Float64);
        b.AddRow("kra", "(intercept)", 0.35, 0.33, 0.37, 0.35);
        b.AddRow("kra", "gate_Mn_up", 0.12, 0.11, 0.13, 0.12);
        b.AddRow("kra", "gate_Mn_down", 0.03, 0.02, 0.04, 0.03);
        b.AddRow("kra", "gate_Ti_up", 0.05, 0.045, 0.055, 0.04);   // truth outside the interval
        b.AddRow("kra", "gate_Ti_down", 0.0, -0.01, 0.01, 0.0);
        b.AddRow("kra", "gate_li_up", -0.05, -0.06, -0.04, -0.05);
        b.AddRow("kra", "gate_li_down", 0.0, 0.0, 0.0, 0.0);
        b.AddRow("kra", "dumbbell_F", 0.01, 0.0, 0.02, double.NaN);
        b.AddRow("kra", "apex_F_up", 0.05, 0.04, 0.06, 0.05);
        b.AddRow("kra", "apex_F_down", 0.0, 0.0, 0.0, 0.0);
        b.AddRow("kra", "back_F", 0.0, 0.0, 0.0, 0.0);
        b.AddRow("kra", "nn_Mn_initial", 0.02, 0.015, 0.025, 0.02);
        b.AddRow("kra", "nn_Mn_final", 0.0, 0.0, 0.0, 0.0);
        b.AddRow("kra", "nn_Ti_initial", 0.0, 0.0, 0.0, 0.0);
        b.AddRow("kra", "nn_Ti_final", -0.02, -0.025, -0.015, -0.02);
        return b.Build();
    }

    [Fact]
    public void An_element_set_model_gets_coefficient_tables_grouped_by_element_with_CIs_and_truth()
    {
        using var run = SmallRun.Full();
        run.AddTable("coefficients", ElementCoefficients());

        var fits = Fits(run);

        Assert.Contains("Coefficients per element", fits);
        Assert.Contains("<th>element (cation)</th><th>gate up</th><th>gate down</th><th>nn initial</th><th>nn final</th>", fits);
        Assert.Contains("<td>Mn</td><td>0.12 [0.11, 0.13]; truth 0.12 \u2713</td><td>0.03 [0.02, 0.04]; truth 0.03 \u2713</td>" +
                        "<td>0.02 [0.015, 0.025]; truth 0.02 \u2713</td><td>0 [0, 0]; truth 0 \u2713</td>", fits);
        Assert.Contains("<td>Ti</td><td>0.05 [0.045, 0.055]; truth 0.04 \u2717</td>", fits);
        Assert.Contains("<th>element (anion)</th><th>dumbbell</th><th>apex up</th><th>apex down</th><th>back</th>", fits);
        Assert.Contains("<td>F</td><td>0.01 [0, 0.02]</td><td>0.05 [0.04, 0.06]; truth 0.05 \u2713</td>", fits);
        // The mobile-ion gates are not an element group; the forest plot stays.
        Assert.DoesNotContain("<td>li</td>", fits);
        Assert.Contains("id=\"fig-forest-kra\"", fits);
    }

    [Fact]
    public void A_standard_set_model_gets_no_per_element_tables()
    {
        using var run = SmallRun.Full();

        var fits = Fits(run);

        Assert.DoesNotContain("Coefficients per element", fits);
        Assert.Contains("id=\"fig-forest-kra\"", fits);
    }
}
