using System.Globalization;
using Pipeline.Core.Config;
using Pipeline.Core.Store;

namespace Pipeline.Core.Maintenance;

/// <summary>One changed param: display forms of the old and new value (null: absent), and the numeric change.</summary>
public sealed record DiffRow(string Key, string? Old, string? New, string? Change);

/// <summary>One changed metric (null: absent on that side).</summary>
public sealed record MetricRow(string Key, double? Old, double? New)
{
    public double? Change => Old is { } a && New is { } b ? b - a : null;
}

/// <summary>`pipeline params diff` and `pipeline metrics diff`: another revision's pipeline.lock against the
/// workspace (params as pipeline.yaml now sets them, run or not; metrics of the current pipeline.lock).</summary>
public static class LockDiff
{
    /// <summary>Params per stage as display strings, as a lock recorded them.</summary>
    public static Dictionary<string, SortedDictionary<string, string>> ParamsOf(LockFile lockFile)
        => lockFile.Stages.ToDictionary(s => s.Key,
            s => new SortedDictionary<string, string>(s.Value.Params.ToDictionary(p => p.Key, p => ParamText.Display(p.Value)), StringComparer.Ordinal),
            StringComparer.Ordinal);

    /// <summary>Params per stage as display strings, as the validated pipeline.yaml sets them (defaults included).</summary>
    public static Dictionary<string, SortedDictionary<string, string>> ParamsOf(ResolvedPipeline pipeline)
        => pipeline.Stages.ToDictionary(s => s.Name,
            s => new SortedDictionary<string, string>(s.Params.All.ToDictionary(p => p.Key, p => ParamText.Display(p.Value)), StringComparer.Ordinal),
            StringComparer.Ordinal);

    public static List<DiffRow> Params(LockFile old, LockFile current) => Params(ParamsOf(old), ParamsOf(current));

    public static List<DiffRow> Params(IReadOnlyDictionary<string, SortedDictionary<string, string>> old,
        IReadOnlyDictionary<string, SortedDictionary<string, string>> current)
    {
        var rows = new List<DiffRow>();
        foreach (var stage in old.Keys.Union(current.Keys).OrderBy(s => s, StringComparer.Ordinal))
        {
            var a = old.GetValueOrDefault(stage);
            var b = current.GetValueOrDefault(stage);
            var names = (a?.Keys ?? Enumerable.Empty<string>()).Union(b?.Keys ?? Enumerable.Empty<string>());
            foreach (var name in names.OrderBy(n => n, StringComparer.Ordinal))
            {
                var was = a is not null && a.TryGetValue(name, out var x) ? x : null;
                var now = b is not null && b.TryGetValue(name, out var y) ? y : null;
                if (was != now)
                    rows.Add(new DiffRow($"{stage}.{name}", was, now, NumericChange(was, now)));
            }
        }
        return rows;
    }

    public static List<MetricRow> Metrics(IReadOnlyDictionary<string, double> old, IReadOnlyDictionary<string, double> current)
    {
        var rows = new List<MetricRow>();
        foreach (var key in old.Keys.Union(current.Keys).OrderBy(k => k, StringComparer.Ordinal))
        {
            double? a = old.TryGetValue(key, out var x) ? x : null;
            double? b = current.TryGetValue(key, out var y) ? y : null;
            if (a == b || (a is { } p && b is { } q && double.IsNaN(p) && double.IsNaN(q)))
                continue;
            rows.Add(new MetricRow(key, a, b));
        }
        return rows;
    }

    /// <summary>A param's display text as a number, when it is one.</summary>
    public static double? AsNumber(string? text)
        => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static string? NumericChange(string? a, string? b)
        => AsNumber(a) is { } x && AsNumber(b) is { } y ? Signed(y - x) : null;

    public static string Format(double d) => d.ToString("G6", CultureInfo.InvariantCulture);

    public static string Signed(double d) => (d >= 0 ? "+" : "") + Format(d);
}
