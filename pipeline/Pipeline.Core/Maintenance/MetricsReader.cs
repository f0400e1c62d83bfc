using System.Globalization;
using System.Text.Json;
using Pipeline.Abstractions;
using Pipeline.Core.Hashing;
using Pipeline.Core.Store;
using Pipeline.Core.Tables;

namespace Pipeline.Core.Maintenance;

/// <summary>The metrics a pipeline.lock points to (for `pipeline metrics show` and `metrics diff`), each number once.
/// A metrics output is one whose name contains "metrics" (tables and JSON files) or a table named "summary" (the
/// kMC's per-(x, T) results); a JSON file "NAME_json" that repeats the table NAME is skipped.
/// Table cells are keyed "stage.output[row].column": the row is named by the columns that vary between rows and
/// are strings, or one of the dimension columns (x, temperature, seed, fold) written "x=0.5"; a value that is the
/// same along the last key columns (an Arrhenius fit per x over all temperatures) is reported once, at the coarsest
/// key it is constant over. NaN cells (not applicable) are left out. JSON files give "stage.output:path.to.number".</summary>
public static class MetricsReader
{
    private static readonly HashSet<string> Dimensions = new(StringComparer.OrdinalIgnoreCase) { "x", "temperature", "seed", "fold" };

    public sealed record Result(SortedDictionary<string, double> Values, List<string> Missing);

    public static bool IsMetricsOutput(string name, PortKind kind)
        => name.Contains("metrics", StringComparison.OrdinalIgnoreCase) || (kind == PortKind.Table && name == "summary");

    public static Result Read(Workspace workspace, LockFile lockFile)
    {
        var store = new ObjectStore(workspace, new HashCache(null));
        var values = new SortedDictionary<string, double>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var (stage, locked) in lockFile.Stages)
        {
            foreach (var (output, artifact) in locked.Outputs)
            {
                if (!IsMetricsOutput(output, artifact.Kind) || artifact.Kind == PortKind.Directory || IsJsonTwin(output, locked.Outputs))
                    continue;
                var name = $"{stage}.{output}";
                var path = store.PathOf(artifact);
                if (!File.Exists(path))
                {
                    missing.Add($"{name} ({HashHex.Short(artifact.Hash)}) is not in the local store");
                    continue;
                }
                if (artifact.Kind == PortKind.Table)
                    AddTable(name, TableFiles.Read(path), values);
                else if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                    AddJson(name, JsonDocument.Parse(File.ReadAllText(path)).RootElement, "", values);
            }
        }
        return new Result(values, missing);
    }

    private static bool IsJsonTwin(string output, IReadOnlyDictionary<string, StoredArtifact> outputs)
        => output.EndsWith("_json", StringComparison.Ordinal)
           && outputs.TryGetValue(output[..^"_json".Length], out var table) && table.Kind == PortKind.Table;

    public static void AddTable(string name, Table table, IDictionary<string, double> values)
    {
        int n = table.RowCount;
        var keys = table.Columns.Where(c => IsKey(c, n)).ToList();
        var rowKeys = new string[n][];
        for (int r = 0; r < n; r++)
            rowKeys[r] = keys.Select(c => KeyPart(c, r)).ToArray();
        var full = Enumerable.Range(0, n).Select(r => string.Join("/", rowKeys[r].Where(p => p.Length > 0))).ToList();
        bool unique = full.Distinct(StringComparer.Ordinal).Count() == n;
        foreach (var c in table.Columns.Where(c => !keys.Contains(c)))
        {
            var cells = Cells(c);
            if (cells is null)
                continue;
            if (!unique)
            {
                // Rows the key columns cannot tell apart: number them.
                var seen = new Dictionary<string, int>(StringComparer.Ordinal);
                for (int r = 0; r < n; r++)
                {
                    var key = keys.Count == 0 ? r.ToString(CultureInfo.InvariantCulture) : full[r];
                    int k = seen[key] = seen.GetValueOrDefault(key) + 1;
                    Add(values, $"{name}[{(k > 1 ? key + "#" + k.ToString(CultureInfo.InvariantCulture) : key)}].{c.Name}", cells[r]);
                }
                continue;
            }
            for (int depth = 0; depth <= keys.Count; depth++)
            {
                var groups = Enumerable.Range(0, n).GroupBy(r => string.Join("/", rowKeys[r].Take(depth).Where(p => p.Length > 0)), StringComparer.Ordinal).ToList();
                if (depth < keys.Count && !groups.All(g => g.Select(r => cells[r]).Distinct().Count() == 1))
                    continue;
                foreach (var g in groups)
                    Add(values, g.Key.Length == 0 ? $"{name}.{c.Name}" : $"{name}[{g.Key}].{c.Name}", cells[g.First()]);
                break;
            }
        }
    }

    private static bool IsKey(Column c, int rows) => c.Type switch
    {
        ColumnType.String => rows > 1 && ((string[])c.Values).Distinct(StringComparer.Ordinal).Count() > 1,
        ColumnType.Int64 or ColumnType.Float64 => Dimensions.Contains(c.Name) && rows > 1,
        _ => false,
    };

    private static string KeyPart(Column c, int row) => c.Type switch
    {
        ColumnType.String => ((string[])c.Values)[row] ?? "",
        ColumnType.Int64 => $"{c.Name}={((long[])c.Values)[row].ToString(CultureInfo.InvariantCulture)}",
        _ => $"{c.Name}={((double[])c.Values)[row].ToString("R", CultureInfo.InvariantCulture)}",
    };

    private static double[]? Cells(Column c) => c.Type switch
    {
        ColumnType.Float64 => (double[])c.Values,
        ColumnType.Int64 => ((long[])c.Values).Select(v => (double)v).ToArray(),
        ColumnType.Bool => ((bool[])c.Values).Select(v => v ? 1.0 : 0.0).ToArray(),
        _ => null,
    };

    private static void Add(IDictionary<string, double> values, string key, double value)
    {
        if (!double.IsNaN(value))
            values[key] = value;
    }

    private static void AddJson(string name, JsonElement element, string path, IDictionary<string, double> values)
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
}
