using Pipeline.Contracts;
using Pipeline.Abstractions;
using Pipeline.Report.Inputs;

namespace Pipeline.Report.Sections;

/// <summary>One fitted coefficient with its confidence interval and the synthetic truth (NaN where the table has no
/// such column or value); Model is "" when the table has no model column.</summary>
internal sealed record CoefficientRow(string Model, string Feature, double Value, double Low, double High, double Standardized,
    double SelectedFraction, double Truth = double.NaN);

/// <summary>Reads validate's coefficients table by column meaning (model, feature, value, CI bounds).</summary>
internal static class CoefficientRows
{
    /// <summary>Feature name of the intercept row in validate's coefficients table.</summary>
    public const string InterceptName = "(intercept)";

    public static IReadOnlyList<CoefficientRow>? Read(Table? table)
    {
        var features = TableColumns.Texts(table, CoefficientsContract.Feature);
        var values = TableColumns.Numbers(table, CoefficientsContract.CoefPhysical);
        if (table is null || features is null || values is null) return null;
        var models = TableColumns.Texts(table, CoefficientsContract.Model);
        var low = TableColumns.Numbers(table, CoefficientsContract.CiLowPhysical);
        var high = TableColumns.Numbers(table, CoefficientsContract.CiHighPhysical);
        var standardized = TableColumns.Numbers(table, CoefficientsContract.CoefStandardized);
        var selected = TableColumns.Numbers(table, CoefficientsContract.SelectedFraction);
        var truth = TableColumns.Numbers(table, CoefficientsContract.Truth);
        return Enumerable.Range(0, table.RowCount).Select(i => new CoefficientRow(
            models?[i] ?? "", features[i], values[i],
            low?[i] ?? double.NaN, high?[i] ?? double.NaN, standardized?[i] ?? double.NaN, selected?[i] ?? double.NaN,
            truth?[i] ?? double.NaN)).ToList();
    }

    /// <summary>The row of <paramref name="feature"/> in the model whose name mentions <paramref name="target"/>
    /// (e.g. "kra" in "e_kra" or "model_kra"); a table without a model column has Model "" and matches any target.</summary>
    public static CoefficientRow? Find(IReadOnlyList<CoefficientRow>? rows, string target, string feature) =>
        rows?.FirstOrDefault(r => r.Feature == feature && IsModel(r, target));

    public static bool IsModel(CoefficientRow row, string target) =>
        row.Model.Length == 0 || TargetKey(row.Model) == TargetKey(target);

    /// <summary>"e_kra", "model_kra", "kra" → "kra"; "e_forward", "forward" → "forward".</summary>
    public static string TargetKey(string name)
    {
        var n = name.ToLowerInvariant();
        if (n.Contains("kra", StringComparison.Ordinal)) return "kra";
        if (n.Contains("forward", StringComparison.Ordinal)) return "forward";
        if (n.Contains("backward", StringComparison.Ordinal)) return "backward";
        return n;
    }
}
