using Pipeline.Contracts;
using Pipeline.Report.Html;
using Pipeline.Report.Inputs;

namespace Pipeline.Report.Sections;

/// <summary>Truth comparison (synthetic datasets only): the dataset against the planted hops and faults, fitted
/// barrier coefficients against truth.yaml's linear projections (is the truth inside the confidence interval),
/// and the truth CE interactions.</summary>
internal sealed class TruthSection : IReportSection
{
    /// <summary>Feature name of the intercept row in validate's coefficients table.</summary>
    private const string InterceptName = "(intercept)";

    public string Id => "truth";
    public string Title => "Truth comparison";
    public IReadOnlyList<string> Ports => [ReportPorts.Truth];

    public void Write(HtmlWriter html, ReportInputs inputs, ReportOptions options)
    {
        var truth = inputs.Truth!;
        var facts = new HtmlTable("property", "value");
        facts.AddRow("seed", truth.Seed ?? "n/a");
        foreach (var (key, value) in truth.Noise.OrderBy(kv => kv.Key, StringComparer.Ordinal)) facts.AddRow("noise: " + key, value);
        facts.Write(html, "Synthetic dataset (truth.yaml)");

        TruthDatasetComparison.Write(html, truth, inputs);

        var coefficients = CoefficientRows.Read(inputs.Table(ReportPorts.Coefficients));
        WriteLinear(html, "KRA barrier", "e_kra", truth.KraLinear, inputs.ModelKra, coefficients);
        WriteLinear(html, "forward barrier", "e_forward", truth.ForwardLinear, inputs.ModelForward, coefficients);
        WriteCe(html, truth);
    }

    private static void WriteLinear(HtmlWriter html, string title, string target, LinearTruth? truth,
        BarrierModelFile? model, IReadOnlyList<CoefficientRow>? rows)
    {
        html.Heading(3, $"{char.ToUpperInvariant(title[0])}{title[1..]} model against truth");
        if (truth is null)
        {
            html.Paragraph($"truth.yaml has no linear truth for the {title}.", "note");
            return;
        }
        bool haveFit = model?.CoefPhysical is not null || rows?.Any(r => CoefficientRows.IsModel(r, target)) == true;
        if (!haveFit)
        {
            html.NotPartOfRun($"Fitted {title} model", [target == "e_kra" ? ReportPorts.ModelKra : ReportPorts.ModelForward, ReportPorts.Coefficients]);
            return;
        }
        var names = (model?.Features ?? []).Concat(truth.Coefficients.Keys)
            .Concat(rows?.Where(r => CoefficientRows.IsModel(r, target)).Select(r => r.Feature) ?? [])
            .Where(n => n != InterceptName).Distinct(StringComparer.Ordinal).ToList();
        var table = new HtmlTable("term", "truth", "fitted", "fitted - truth", "confidence interval", "truth inside CI");
        var differences = new List<double>();
        int inside = 0, withInterval = 0;
        foreach (var name in names)
        {
            double truthValue = truth.Coefficients.TryGetValue(name, out var tv) ? tv : 0.0;
            var row = CoefficientRows.Find(rows, target, name);
            double fitted = Fitted(model, name) ?? row?.Value ?? double.NaN;
            double diff = fitted - truthValue;
            if (double.IsFinite(diff)) differences.Add(diff);
            var (interval, covered) = Interval(row, truthValue);
            if (covered != "n/a") withInterval++;
            if (covered == "yes") inside++;
            table.AddRow(name, Format.Number(truthValue), Format.Number(fitted), Format.Number(diff), interval, covered);
        }
        var interceptRow = CoefficientRows.Find(rows, target, InterceptName);
        if ((model?.InterceptPhysical ?? interceptRow?.Value) is { } intercept)
        {
            var (interval, covered) = Interval(interceptRow, truth.Intercept);
            table.AddRow("intercept", Format.Number(truth.Intercept), Format.Number(intercept), Format.Number(intercept - truth.Intercept), interval, covered);
        }
        table.Write(html, $"Coefficients of the {title} (eV per count): fit against the truth projection");
        double rms = differences.Count == 0 ? double.NaN : Math.Sqrt(differences.Average(d => d * d));
        var summary = $"RMS difference over {differences.Count} descriptors: {Format.Number(rms)} eV per count.";
        if (withInterval > 0) summary += $" Truth inside the confidence interval for {inside} of {withInterval} descriptors.";
        if (double.IsFinite(truth.R2)) summary += $" The linear truth itself explains the truth process with R^2 = {Format.Number(truth.R2)}, RMSE {Format.Number(truth.Rmse)} eV.";
        html.Paragraph(summary);
    }

    private static (string Interval, string Covered) Interval(CoefficientRow? row, double truthValue)
    {
        if (row is null || !double.IsFinite(row.Low) || !double.IsFinite(row.High)) return ("n/a", "n/a");
        bool inside = truthValue >= row.Low && truthValue <= row.High;
        return ($"[{Format.Number(row.Low)}, {Format.Number(row.High)}]", inside ? "yes" : "no");
    }

    private static double? Fitted(BarrierModelFile? model, string name)
    {
        if (model?.CoefPhysical is not { } coef) return null;
        int i = Array.IndexOf(model.Features, name);
        return i >= 0 ? coef[i] : null;
    }

    private static void WriteCe(HtmlWriter html, TruthDocument truth)
    {
        html.Heading(3, "Truth cluster-expansion interactions");
        if (truth.Ce is null)
        {
            html.Paragraph("truth.yaml has no CE interactions.", "note");
            return;
        }
        html.Paragraph("The truth CE is written in species interactions, the fitted ECIs in an orthonormal site basis; compare them through energies (CE metrics), not term by term.", "note");
        if (truth.Ce is { Point.Fields.Count: > 0 })
        {
            var point = new HtmlTable("species", "point energy (eV)");
            foreach (var (species, energy) in truth.Ce.Point.Fields) point.AddRow(species, energy);
            point.Write(html, "Point terms");
        }
        if (truth.Ce is { Pairs.Count: > 0 })
        {
            var keys = truth.Ce.Pairs.SelectMany(p => p.Fields.Keys).Distinct(StringComparer.Ordinal).ToArray();
            var pairs = new HtmlTable(keys);
            foreach (var p in truth.Ce.Pairs) pairs.AddRow(keys.Select(k => p[k] ?? "").ToArray());
            pairs.Write(html, "Pair terms");
        }
    }
}
