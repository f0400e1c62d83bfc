using Pipeline.Report.Html;
using Pipeline.Report.Inputs;
using Pipeline.Report.Science;

namespace Pipeline.Report.Sections;

/// <summary>The science warnings of a report, computed once and shown in the headline and in their sections.</summary>
internal static class ScienceWarningsView
{
    public static IReadOnlyList<ScienceWarning> Of(ReportInputs inputs) => inputs.Derived("science-warnings", () => ScienceWarnings.Find(inputs));

    /// <summary>Writes the warnings that belong to <paramref name="section"/>.</summary>
    public static void WriteFor(HtmlWriter html, ReportInputs inputs, string section)
    {
        foreach (var w in Of(inputs).Where(w => w.Section == section)) html.Warning("Warning: " + w.Text);
    }
}
