using Pipeline.Report.Charts;
using Pipeline.Report.Html;
using Pipeline.Report.Inputs;

namespace Pipeline.Report.Sections;

/// <summary>A forest plot per barrier model: every descriptor's coefficient (eV per unit) with validate's bootstrap
/// confidence interval, so which descriptors matter, their sign, and which are uncertain is seen at a glance.</summary>
internal static class CoefficientForest
{
    public static void Write(HtmlWriter html, ReportInputs inputs)
    {
        html.Heading(3, "Coefficient forest plots");
        var rows = CoefficientRows.Read(inputs.Table(ReportPorts.Coefficients));
        if (rows is null || !rows.Any(r => double.IsFinite(r.Low)))
        {
            html.NotPartOfRun("Coefficients with bootstrap confidence intervals", [ReportPorts.Coefficients]);
            return;
        }
        foreach (var model in rows.GroupBy(r => r.Model))
        {
            var terms = model.Where(r => r.Feature != CoefficientRows.InterceptName)
                .Select(r => new ForestRow(r.Feature, r.Value, r.Low, r.High)).ToList();
            if (terms.Count == 0) continue;
            string key = CoefficientRows.TargetKey(model.Key.Length == 0 ? "model" : model.Key);
            int spanning = terms.Count(t => t.Value != 0 && t.Low < 0 && t.High > 0);
            var chart = ForestChart.Render($"Coefficients of the {key} model", "coefficient (eV per unit of the descriptor)", terms);
            html.Figure(chart, FigureIds.ForestPrefix + key,
                $"Forest plot of the {key} barrier model: each descriptor's fitted coefficient (marker, eV per unit: per TM count, per Å or per eV as the descriptor is defined) and its bootstrap confidence interval (bar). "
                + "Right of the dashed zero line a descriptor raises the barrier, left of it lowers it. Filled blue markers: interval clear of zero; open vermillion diamonds: interval spans zero, so the sign is not established"
                + (spanning > 0 ? $" ({spanning} non-zero coefficient(s) here)." : " (none of the non-zero coefficients here)."));
        }
    }
}
