using Pipeline.Abstractions;

namespace Pipeline.Kmc.Stage;

/// <summary>Concatenates tables with identical schemas, in the given order (how per-item outputs are assembled).</summary>
public static class TableConcat
{
    public static Table Rows(IReadOnlyList<Table> parts, Table empty)
    {
        if (parts.Count == 0) return empty;
        var first = parts[0];
        var columns = new List<Column>();
        for (int c = 0; c < first.Columns.Count; c++)
        {
            var name = first.Columns[c].Name;
            var type = first.Columns[c].Type;
            foreach (var p in parts)
                if (!p.Has(name) || p[name].Type != type)
                    throw new ArgumentException($"cannot concatenate: a part lacks column '{name}' of type {type}");
            Array values = type switch
            {
                ColumnType.Float64 => parts.SelectMany(p => (double[])p[name].Values).ToArray(),
                ColumnType.Int64 => parts.SelectMany(p => (long[])p[name].Values).ToArray(),
                ColumnType.Bool => parts.SelectMany(p => (bool[])p[name].Values).ToArray(),
                ColumnType.String => parts.SelectMany(p => (string[])p[name].Values).ToArray(),
                ColumnType.Float64List => parts.SelectMany(p => (double[][])p[name].Values).ToArray(),
                _ => parts.SelectMany(p => (string[][])p[name].Values).ToArray(),
            };
            columns.Add(new Column(name, type, values));
        }
        return new Table(columns);
    }
}
