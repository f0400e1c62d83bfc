using Pipeline.Contracts;
using Pipeline.Abstractions;
using Pipeline.Report.Html;
using Pipeline.Report.Inputs;
using Pipeline.Report.Sections;

namespace Pipeline.Report.Science;

/// <summary>Finds where the science is weak: a path-type class the classifier barely recovers, a coefficient whose
/// confidence interval spans zero, a barrier model with too few hops per descriptor, kMC runs whose MSD is not yet
/// linear in time. Each finding is shown in the headline and at the top of its section.</summary>
internal static class ScienceWarnings
{
    /// <summary>A class recovered in fewer than half of its hops is barely predicted.</summary>
    public const double LowRecall = 0.5;

    /// <summary>Rule of thumb for a linear model: at least ten observations per fitted descriptor.</summary>
    public const int HopsPerDescriptor = 10;

    /// <summary>Diffusive (linear) MSD: the slope over the second half of the run within this factor of the first
    /// half's; a larger change means the run has not reached the diffusive regime (or is still relaxing).</summary>
    public const double MsdSlopeFactor = 2.0;

    public static IReadOnlyList<ScienceWarning> Find(ReportInputs inputs)
    {
        var found = new List<ScienceWarning>();
        Classifier(inputs, found);
        Coefficients(inputs, found);
        HopCounts(inputs, found);
        Msd(inputs, found);
        return found;
    }

    private static void Classifier(ReportInputs inputs, List<ScienceWarning> found)
    {
        var table = inputs.Table(ReportPorts.ClassifierMetrics);
        if (TableColumns.Texts(table, ClassifierMetricsContract.SkippedReason) is { Length: > 0 } skipped && skipped[0].Length > 0)
        {
            found.Add(new("fits", $"The path classifier was not trained: {skipped[0]}"));
            return;
        }
        if (ConfusionMatrix.Read(table) is not { } matrix) return;
        for (int t = 0; t < matrix.Labels.Length; t++)
        {
            double n = Enumerable.Range(0, matrix.Labels.Length).Sum(p => matrix.Counts[t, p]);
            if (n == 0) continue;
            double recall = matrix.Counts[t, t] / n;
            if (recall < LowRecall)
                found.Add(new("fits", $"The path classifier barely predicts '{matrix.Labels[t]}' hops: recall {Format.Percent(recall)} " +
                    $"({Format.Number(matrix.Counts[t, t])} of {Format.Number(n)} recovered in cross-validation); its '{matrix.Labels[t]}' predictions are not reliable."));
        }
    }

    private static void Coefficients(ReportInputs inputs, List<ScienceWarning> found)
    {
        if (CoefficientRows.Read(inputs.Table(ReportPorts.Coefficients)) is not { } rows) return;
        foreach (var model in rows.GroupBy(r => r.Model))
        {
            var spanning = model.Where(r => r.Feature != CoefficientRows.InterceptName && r.Value != 0
                    && double.IsFinite(r.Low) && double.IsFinite(r.High) && r.Low < 0 && r.High > 0)
                .Select(r => $"{r.Feature} ({Format.Number(r.Value)}, CI [{Format.Number(r.Low)}, {Format.Number(r.High)}])").ToList();
            if (spanning.Count > 0)
                found.Add(new("fits", $"{ModelName(model.Key)}: the confidence interval of {spanning.Count} non-zero coefficient(s) spans zero, so their sign is not established: {string.Join("; ", spanning)} eV per count."));
        }
    }

    private static void HopCounts(ReportInputs inputs, List<ScienceWarning> found)
    {
        if (inputs.Table(ReportPorts.Features) is not { } features) return;
        foreach (var model in inputs.Models)
        {
            int p = model.Features.Length;
            if (p > 0 && features.RowCount < HopsPerDescriptor * p)
                found.Add(new("fits", $"{ModelName(model.Target)} fits {p} descriptors on {features.RowCount} hops, fewer than {HopsPerDescriptor} hops per descriptor ({HopsPerDescriptor * p} needed): its coefficients are poorly determined."));
        }
    }

    private static void Msd(ReportInputs inputs, List<ScienceWarning> found)
    {
        var msd = inputs.Table(ReportPorts.KmcMsd);
        var x = TableColumns.Numbers(msd, KmcMsdContract.X);
        var t = TableColumns.Numbers(msd, KmcMsdContract.Temperature);
        var seed = TableColumns.Numbers(msd, KmcMsdContract.Seed);
        var time = TableColumns.Numbers(msd, KmcMsdContract.TimeS);
        var value = TableColumns.Numbers(msd, KmcMsdContract.MsdTracer);
        if (msd is null || x is null || t is null || time is null || value is null) return;
        var runs = Enumerable.Range(0, msd.RowCount).GroupBy(i => (X: x[i], T: t[i], Seed: seed?[i] ?? 0)).ToList();
        var bad = new List<string>();
        foreach (var run in runs.OrderBy(g => g.Key.X).ThenBy(g => g.Key.T).ThenBy(g => g.Key.Seed))
        {
            var samples = run.OrderBy(i => time[i]).ToArray();
            if (samples.Length < 3) continue;
            int first = samples[0], mid = samples[samples.Length / 2], last = samples[^1];
            double early = (value[mid] - value[first]) / (time[mid] - time[first]);
            double late = (value[last] - value[mid]) / (time[last] - time[mid]);
            bool linear = early > 0 && late > 0 && late / early <= MsdSlopeFactor && early / late <= MsdSlopeFactor;
            if (!linear) bad.Add($"x = {Format.Number(run.Key.X)}, T = {Format.Number(run.Key.T)} K, seed {Format.Number(run.Key.Seed)}");
        }
        if (bad.Count > 0)
            found.Add(new("kmc", $"{bad.Count} of {runs.Count} kMC runs have an MSD that is not yet linear in time (slope over the second half differs from the first half's by more than a factor {Format.Number(MsdSlopeFactor)}): their diffusivities are not converged; run more steps. Runs: {string.Join("; ", bad.Take(12))}{(bad.Count > 12 ? "; ..." : "")}."));
    }

    private static string ModelName(string key) => CoefficientRows.TargetKey(key) switch
    {
        "kra" => "The KRA-barrier model",
        "forward" => "The forward-barrier model",
        _ => $"Model '{key}'",
    };
}
