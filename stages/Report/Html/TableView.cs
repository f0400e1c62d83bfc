using Pipeline.Abstractions;

namespace Pipeline.Report.Html;

/// <summary>Shows any artifact table as it is: the fallback when a table's columns are not the ones a section knows,
/// so the numbers still reach the reader.</summary>
internal static class TableView
{
    public static void Write(HtmlWriter html, Table table, string caption, int maxRows, IEnumerable<string>? skipColumns = null)
    {
        var skip = new HashSet<string>(skipColumns ?? [], StringComparer.Ordinal);
        var columns = table.Columns.Where(c => !skip.Contains(c.Name)).ToList();
        var view = new HtmlTable(columns.Select(c => c.Name).ToArray());
        int rows = Math.Min(table.RowCount, maxRows);
        for (int r = 0; r < rows; r++)
            view.AddRow(columns.Select(c => Cell(c, r)).ToArray());
        bool collapse = table.RowCount > HtmlTable.CollapseAbove;
        if (collapse) html.OpenDetails($"{caption} ({table.RowCount} rows)");
        view.Write(html, caption, collapsed: false);
        if (table.RowCount > maxRows)
            html.Paragraph($"Showing the first {maxRows} of {table.RowCount} rows.", "note");
        if (collapse) html.Close("details");
    }

    public static string Cell(Column column, int row) => column.Type switch
    {
        ColumnType.Float64 => Format.Number(((double[])column.Values)[row]),
        ColumnType.Int64 => Format.Integer(((long[])column.Values)[row]),
        ColumnType.Bool => ((bool[])column.Values)[row] ? "yes" : "no",
        ColumnType.String => ((string[])column.Values)[row],
        ColumnType.Float64List => Format.List(((double[][])column.Values)[row], Format.Number),
        ColumnType.StringList => Format.List(((string[][])column.Values)[row], s => s),
        _ => throw new InvalidOperationException($"column '{column.Name}' has unknown type {column.Type}"),
    };
}
