using System.Globalization;
using Pipeline.Abstractions;
using Pipeline.Fitting.Regression;

namespace Pipeline.Fitting.Stages;

/// <summary>Reads numeric columns out of an input table with errors that name the input, column and row.</summary>
internal static class TableColumns
{
    /// <summary>A numeric column as doubles; string columns (e.g. from a CSV read as text) are parsed.</summary>
    public static double[] Numeric(Table table, string column, string source)
    {
        if (!table.Has(column))
            throw new InvalidDataException($"{source}: no column '{column}' (columns: {string.Join(", ", table.Columns.Select(c => c.Name))})");
        var c = table[column];
        double[] values = c.Type switch
        {
            ColumnType.String => ParseStrings((string[])c.Values, column, source),
            ColumnType.Float64 or ColumnType.Int64 or ColumnType.Bool => table.AsDoubles(column),
            _ => throw new InvalidDataException($"{source}: column '{column}' is {c.Type}, not numeric"),
        };
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
                throw new InvalidDataException($"{source}: column '{column}' row {i}{RowName(table, i)} is {values[i]}");
        }
        return values;
    }

    public static ColumnMajorMatrix Matrix(Table table, IReadOnlyList<string> columns, string source) =>
        ColumnMajorMatrix.FromColumns(columns.Select(c => Numeric(table, c, source)).ToList());

    /// <summary>Names of all numeric columns except the excluded ones, in table order.</summary>
    public static string[] NumericColumnNames(Table table, IEnumerable<string> exclude)
    {
        var skip = new HashSet<string>(exclude, StringComparer.Ordinal);
        return table.Columns.Where(c => !skip.Contains(c.Name) && IsNumeric(c)).Select(c => c.Name).ToArray();
    }

    private static bool IsNumeric(Column c) => c.Type switch
    {
        ColumnType.Float64 or ColumnType.Int64 or ColumnType.Bool => true,
        ColumnType.String => ((string[])c.Values).All(IsNumber),
        _ => false,
    };

    private static string RowName(Table table, int row) =>
        table.Has("calc_id") && table["calc_id"].Type == ColumnType.String ? $" (calc_id {table.Strings("calc_id")[row]})" : "";

    private static bool IsNumber(string s) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static double[] ParseStrings(string[] cells, string column, string source)
    {
        var values = new double[cells.Length];
        for (int i = 0; i < cells.Length; i++)
        {
            if (!double.TryParse(cells[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]))
                throw new InvalidDataException($"{source}: column '{column}' row {i}: '{cells[i]}' is not a number");
        }
        return values;
    }
}
