namespace Pipeline.Report.Html;

/// <summary>A table of already formatted cells; every cell and header is escaped when written.
/// Long tables are cut to a row limit with a note saying how many rows were left out.</summary>
internal sealed class HtmlTable
{
    private readonly string[] _headers;
    private readonly List<string[]> _rows = new();

    public HtmlTable(params string[] headers) => _headers = headers;

    public int RowCount => _rows.Count;

    public HtmlTable AddRow(params string[] cells)
    {
        if (cells.Length != _headers.Length)
            throw new ArgumentException($"row has {cells.Length} cells, table has {_headers.Length} columns");
        _rows.Add(cells);
        return this;
    }

    /// <summary>Tables longer than this are collapsed under &lt;details&gt; (summary: the caption and row count), so
    /// long listings do not push the results off the screen.</summary>
    public const int CollapseAbove = 15;

    public void Write(HtmlWriter html, string? caption = null, int maxRows = int.MaxValue, bool? collapsed = null)
    {
        bool collapse = collapsed ?? _rows.Count > CollapseAbove;
        if (collapse) html.OpenDetails($"{caption ?? "Table"} ({_rows.Count} rows)");
        WriteTable(html, caption, maxRows);
        if (collapse) html.Close("details");
    }

    private void WriteTable(HtmlWriter html, string? caption, int maxRows)
    {
        html.Open("div", "table-wrap").Open("table");
        if (caption is not null) html.Element("caption", caption);
        html.Open("thead").Open("tr");
        foreach (var h in _headers) html.Element("th", h);
        html.Close("tr").Close("thead").Open("tbody");
        foreach (var row in _rows.Take(maxRows))
        {
            html.Open("tr");
            foreach (var cell in row) html.Element("td", cell, LooksNumeric(cell) ? "num" : null);
            html.Close("tr");
        }
        html.Close("tbody").Close("table").Close("div");
        if (_rows.Count > maxRows)
            html.Paragraph($"Showing the first {maxRows} of {_rows.Count} rows.", "note");
    }

    /// <summary>Numbers (and "value ± error", percentages) are right-aligned; versions, dates and ids are not.</summary>
    private static bool LooksNumeric(string cell) =>
        cell.Length > 0
        && (char.IsDigit(cell[0]) || (cell.Length > 1 && cell[0] == '-' && char.IsDigit(cell[1])))
        && cell.All(c => char.IsDigit(c) || c is '.' or 'E' or 'e' or '+' or '-' or '±' or ' ' or '%');
}
