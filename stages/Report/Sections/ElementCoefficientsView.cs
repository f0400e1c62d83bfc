using Pipeline.Report.Html;
using Pipeline.Report.Inputs;

namespace Pipeline.Report.Sections;

/// <summary>Per-element coefficient tables of models fitted on the element descriptor set: one row per TM element
/// (gate up/down, nn initial/final) and one per non-host anion (dumbbell, apex up/down, back), each cell the fitted
/// coefficient (eV per count) with its bootstrap interval and, for a synthetic study, the planted truth. Nothing is
/// written for standard-set models (the Li-V-O-F report stays as it is).</summary>
internal static class ElementCoefficientsView
{
    public static void Write(HtmlWriter html, ReportInputs inputs)
    {
        var rows = CoefficientRows.Read(inputs.Table(ReportPorts.Coefficients));
        if (rows is null) return;
        bool headed = false;
        foreach (var model in rows.GroupBy(r => r.Model))
        {
            var (cations, anions) = ElementCoefficients.Group(model);
            if (cations.Count == 0 && anions.Count == 0) continue;
            if (!headed)
            {
                html.Heading(3, "Coefficients per element");
                html.Paragraph("Element-resolved descriptors (docs/DOMAIN.md section 10): each cell is the fitted coefficient " +
                    "in eV per count, its bootstrap confidence interval, and the planted truth when the study is synthetic " +
                    "(a check mark when the interval covers it).", "note");
                headed = true;
            }
            string name = model.Key.Length == 0 ? "the model" : model.Key;
            Table("element (cation)", ElementCoefficients.CationRoles, cations)
                .Write(html, $"Per-TM-element coefficients of {name}: gates of the up and down tetrahedra, nearest neighbours of the initial and final sites");
            if (anions.Count > 0)
                Table("element (anion)", ElementCoefficients.AnionRoles, anions)
                    .Write(html, $"Per-anion coefficients of {name}: dumbbell, apex of the up and down tetrahedra, back sites");
        }
    }

    private static HtmlTable Table(string first, string[] roles, IReadOnlyList<ElementCoefficientGroup> groups)
    {
        var table = new HtmlTable([first, .. roles]);
        foreach (var g in groups)
            table.AddRow([g.Element, .. roles.Select(role => g.ByRole.TryGetValue(role, out var r) ? Cell(r) : "")]);
        return table;
    }

    /// <summary>"0.12 [0.10, 0.14]; truth 0.12 ✓".</summary>
    public static string Cell(CoefficientRow r)
    {
        string text = Format.Number(r.Value);
        if (double.IsFinite(r.Low) && double.IsFinite(r.High)) text += $" [{Format.Number(r.Low)}, {Format.Number(r.High)}]";
        if (double.IsFinite(r.Truth))
        {
            bool inside = double.IsFinite(r.Low) && r.Low <= r.Truth && r.Truth <= r.High;
            text += $"; truth {Format.Number(r.Truth)} {(inside ? "\u2713" : "\u2717")}";
        }
        return text;
    }
}
