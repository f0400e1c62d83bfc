using System.Globalization;
using Pipeline.Abstractions;

namespace Pipeline.Report.Inputs;

/// <summary>Column look-up by the exact name a contract gives (Pipeline.Contracts): the report guesses no synonyms,
/// so a renamed column is caught where it is renamed (the contract and its golden test), and the report's inputs are
/// checked against their contracts when they are read (ReportInputs.Load).</summary>
internal static class TableColumns
{
    public static string? Find(Table? table, string name) => table is not null && table.Has(name) ? name : null;

    /// <summary>A numeric column (Float64, Int64 or Bool) as doubles, or null when the table or the column is absent or not numeric.</summary>
    public static double[]? Numbers(Table? table, string name)
    {
        if (Find(table, name) is null) return null;
        return table![name].Type is ColumnType.Float64 or ColumnType.Int64 or ColumnType.Bool ? table.AsDoubles(name) : null;
    }

    /// <summary>A column as text per row: strings as they are, numbers formatted invariantly.</summary>
    public static string[]? Texts(Table? table, string name)
    {
        if (Find(table, name) is null) return null;
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
    public static bool[]? Flags(Table? table, string name)
    {
        if (Find(table, name) is null) return null;
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
