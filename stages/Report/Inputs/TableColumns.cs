using System.Globalization;
using Pipeline.Abstractions;

namespace Pipeline.Report.Inputs;

/// <summary>Column look-up by a list of candidate names (exact first, then case-insensitive), because the report reads
/// tables from every other stage and should keep working when a column is renamed to a close synonym.</summary>
internal static class TableColumns
{
    public static string? Find(Table? table, params string[] candidates)
    {
        if (table is null) return null;
        foreach (var name in candidates)
        {
            if (table.Has(name)) return name;
        }
        foreach (var name in candidates)
        {
            var match = table.Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
            if (match is not null) return match.Name;
        }
        return null;
    }

    /// <summary>A numeric column (Float64, Int64 or Bool) as doubles, or null when no candidate is numeric.</summary>
    public static double[]? Numbers(Table? table, params string[] candidates)
    {
        var name = Find(table, candidates);
        if (name is null) return null;
        return table![name].Type is ColumnType.Float64 or ColumnType.Int64 or ColumnType.Bool ? table.AsDoubles(name) : null;
    }

    /// <summary>A column as text per row: strings as they are, numbers formatted invariantly.</summary>
    public static string[]? Texts(Table? table, params string[] candidates)
    {
        var name = Find(table, candidates);
        if (name is null) return null;
        var column = table![name];
        return column.Type switch
        {
            ColumnType.String => (string[])column.Values,
            ColumnType.Int64 => Array.ConvertAll((long[])column.Values, v => v.ToString(CultureInfo.InvariantCulture)),
            ColumnType.Float64 => Array.ConvertAll((double[])column.Values, v => v.ToString("R", CultureInfo.InvariantCulture)),
            ColumnType.Bool => Array.ConvertAll((bool[])column.Values, v => v ? "true" : "false"),
            _ => null,
        };
    }

    /// <summary>A yes/no column: Bool as is, numbers as non-zero, strings "true"/"yes"/"1".</summary>
    public static bool[]? Flags(Table? table, params string[] candidates)
    {
        var name = Find(table, candidates);
        if (name is null) return null;
        var column = table![name];
        return column.Type switch
        {
            ColumnType.Bool => (bool[])column.Values,
            ColumnType.Int64 or ColumnType.Float64 => Array.ConvertAll(table.AsDoubles(name), v => v != 0),
            ColumnType.String => Array.ConvertAll((string[])column.Values,
                v => v.Equals("true", StringComparison.OrdinalIgnoreCase) || v.Equals("yes", StringComparison.OrdinalIgnoreCase) || v == "1"),
            _ => null,
        };
    }
}
