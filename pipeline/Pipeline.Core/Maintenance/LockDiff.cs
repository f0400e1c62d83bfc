using System.Globalization;
using System.Text.Json;
using Pipeline.Abstractions;
using Pipeline.Core.Config;
using Pipeline.Core.Hashing;
using Pipeline.Core.Store;
using Pipeline.Core.Tables;

namespace Pipeline.Core.Maintenance;

/// <summary>`pipeline params diff` and `pipeline metrics diff`: compare the current pipeline.lock (and the metrics
/// artifacts it points to) with another revision's.</summary>
public sealed record DiffRow(string Key, string? Old, string? New, string? Change);

public static class LockDiff
{
    public static List<DiffRow> Params(LockFile old, LockFile current)
    {
        var rows = new List<DiffRow>();
        foreach (var stage in old.Stages.Keys.Union(current.Stages.Keys).OrderBy(s => s, StringComparer.Ordinal))
        {
            var a = old.Stages.GetValueOrDefault(stage);
            var b = current.Stages.GetValueOrDefault(stage);
            var names = (a?.Params.Keys ?? Enumerable.Empty<string>()).Union(b?.Params.Keys ?? Enumerable.Empty<string>());
            foreach (var name in names.OrderBy(n => n, StringComparer.Ordinal))
            {
                var was = a is not null && a.Params.TryGetValue(name, out var x) ? ParamText.Display(x) : null;
                var now = b is not null && b.Params.TryGetValue(name, out var y) ? ParamText.Display(y) : null;
                if (was != now)
                    rows.Add(new DiffRow($"{stage}.{name}", was, now, NumericChange(was, now)));
            }
        }
        return rows;
    }

    /// <summary>Metrics of a lock: every output whose name contains "metrics", read from the store. Tables give
    /// "stage.output[row-key].column" for numeric cells (row key: the row's string cells joined by '/', else the row
    /// number);
    /// JSON files give "stage.output:path.to.number".</summary>
    public static (Dictionary<string, double> Values, List<string> Missing) Metrics(Workspace workspace, LockFile lockFile)
    {
        var store = new ObjectStore(workspace, new HashCache(null));
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var (stage, locked) in lockFile.Stages)
        {
            foreach (var (output, artifact) in locked.Outputs.Where(o => o.Key.Contains("metrics", StringComparison.OrdinalIgnoreCase)))
            {
                var name = $"{stage}.{output}";
                var path = store.PathOf(artifact);
                if (artifact.Kind == PortKind.Directory || !File.Exists(path))
                {
                    if (artifact.Kind != PortKind.Directory)
                        missing.Add($"{name} ({HashHex.Short(artifact.Hash)}) is not in the local store");
                    continue;
                }
                if (artifact.Kind == PortKind.Table)
                    AddTable(name, TableFiles.Read(path), values);
                else if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                    AddJson(name, JsonDocument.Parse(File.ReadAllText(path)).RootElement, "", values);
            }
        }
        return (values, missing);
    }

    public static List<DiffRow> MetricsRows(Dictionary<string, double> old, Dictionary<string, double> current)
    {
        var rows = new List<DiffRow>();
        foreach (var key in old.Keys.Union(current.Keys).OrderBy(k => k, StringComparer.Ordinal))
        {
            double? a = old.TryGetValue(key, out var x) ? x : null;
            double? b = current.TryGetValue(key, out var y) ? y : null;
            if (a == b || (a is { } p && b is { } q && double.IsNaN(p) && double.IsNaN(q)))
                continue;
            rows.Add(new DiffRow(key, a is { } ao ? Format(ao) : null, b is { } bo ? Format(bo) : null,
                a is { } u && b is { } v ? Signed(v - u) : null));
        }
        return rows;
    }

    private static void AddTable(string name, Table table, Dictionary<string, double> values)
    {
        var keyColumns = table.Columns.Where(c => c.Type == ColumnType.String).ToList();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int r = 0; r < table.RowCount; r++)
        {
            var rowKey = keyColumns.Count == 0 ? r.ToString(CultureInfo.InvariantCulture) : string.Join("/", keyColumns.Select(c => ((string[])c.Values)[r]));
            int n = seen[rowKey] = seen.GetValueOrDefault(rowKey) + 1;
            if (n > 1)
                rowKey += "#" + n.ToString(CultureInfo.InvariantCulture);
            foreach (var c in table.Columns)
            {
                double? v = c.Type switch
                {
                    ColumnType.Float64 => ((double[])c.Values)[r],
                    ColumnType.Int64 => ((long[])c.Values)[r],
                    ColumnType.Bool => ((bool[])c.Values)[r] ? 1 : 0,
                    _ => null,
                };
                if (v is { } value)
                    values[$"{name}[{rowKey}].{c.Name}"] = value;
            }
        }
    }

    private static void AddJson(string name, JsonElement element, string path, Dictionary<string, double> values)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Number:
                values[$"{name}:{path}"] = element.GetDouble();
                break;
            case JsonValueKind.Object:
                foreach (var p in element.EnumerateObject())
                    AddJson(name, p.Value, path.Length == 0 ? p.Name : $"{path}.{p.Name}", values);
                break;
            case JsonValueKind.Array:
                int i = 0;
                foreach (var item in element.EnumerateArray())
                    AddJson(name, item, $"{path}[{i++}]", values);
                break;
        }
    }

    private static string? NumericChange(string? a, string? b)
        => double.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
           && double.TryParse(b, NumberStyles.Float, CultureInfo.InvariantCulture, out var y)
            ? Signed(y - x)
            : null;

    private static string Format(double d) => d.ToString("G6", CultureInfo.InvariantCulture);

    private static string Signed(double d) => (d >= 0 ? "+" : "") + Format(d);
}
