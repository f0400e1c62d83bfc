using System.Globalization;
using System.Text;
using System.Text.Json;
using Pipeline.Abstractions;

namespace Pipeline.Core.Tables;

/// <summary>`pipeline export`: tables as CSV (RFC 4180; list cells as JSON arrays, which the CSV reader turns back
/// into lists) or as JSON (an array of row objects; NaN and infinities become null, since JSON has no such numbers).</summary>
public static class TableExport
{
    public static void WriteCsv(Table table, TextWriter writer)
    {
        writer.Write(string.Join(",", table.Columns.Select(c => CsvCell(c.Name))));
        writer.Write("\r\n");
        for (int r = 0; r < table.RowCount; r++)
        {
            for (int c = 0; c < table.Columns.Count; c++)
            {
                if (c > 0)
                    writer.Write(',');
                writer.Write(CsvCell(CellText(table.Columns[c], r)));
            }
            writer.Write("\r\n");
        }
    }

    public static void WriteJson(Table table, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        WriteRows(json, table);
    }

    /// <summary>An object {"columns": [{"name", "type", "unit"?}], "rows": [row objects as <see cref="WriteJson"/>]}:
    /// the schema with the column units the footer declares, then the data.</summary>
    public static void WriteJsonWithSchema(Table table, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteStartArray("columns");
        foreach (var column in table.Columns)
        {
            json.WriteStartObject();
            json.WriteString("name", column.Name);
            json.WriteString("type", TypeName(column.Type));
            if (column.Unit is not null)
                json.WriteString("unit", column.Unit);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WritePropertyName("rows");
        WriteRows(json, table);
        json.WriteEndObject();
    }

    private static void WriteRows(Utf8JsonWriter json, Table table)
    {
        json.WriteStartArray();
        for (int r = 0; r < table.RowCount; r++)
        {
            json.WriteStartObject();
            foreach (var column in table.Columns)
            {
                json.WritePropertyName(column.Name);
                WriteJsonValue(json, column, r);
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary>A cell as text (lists as compact JSON arrays; NaN as "NaN").</summary>
    public static string CellText(Column column, int row) => column.Type switch
    {
        ColumnType.Float64 => Number(((double[])column.Values)[row]),
        ColumnType.Int64 => ((long[])column.Values)[row].ToString(CultureInfo.InvariantCulture),
        ColumnType.Bool => ((bool[])column.Values)[row] ? "true" : "false",
        ColumnType.String => ((string[])column.Values)[row],
        ColumnType.Float64List => "[" + string.Join(",", ((double[][])column.Values)[row].Select(JsonNumber)) + "]",
        ColumnType.StringList => JsonSerializer.Serialize(((string[][])column.Values)[row]),
        _ => "",
    };

    private static string Number(double d) => d.ToString("R", CultureInfo.InvariantCulture);

    private static string JsonNumber(double d) => double.IsFinite(d) ? Number(d) : "null";

    private static string CsvCell(string text)
        => text.IndexOfAny([',', '"', '\n', '\r']) >= 0 || (text.Length > 0 && (text[0] == ' ' || text[^1] == ' '))
            ? "\"" + text.Replace("\"", "\"\"") + "\""
            : text;

    private static void WriteJsonValue(Utf8JsonWriter json, Column column, int row)
    {
        switch (column.Type)
        {
            case ColumnType.Float64:
                WriteDouble(json, ((double[])column.Values)[row]);
                break;
            case ColumnType.Int64:
                json.WriteNumberValue(((long[])column.Values)[row]);
                break;
            case ColumnType.Bool:
                json.WriteBooleanValue(((bool[])column.Values)[row]);
                break;
            case ColumnType.String:
                json.WriteStringValue(((string[])column.Values)[row]);
                break;
            case ColumnType.Float64List:
                json.WriteStartArray();
                foreach (var d in ((double[][])column.Values)[row])
                    WriteDouble(json, d);
                json.WriteEndArray();
                break;
            case ColumnType.StringList:
                json.WriteStartArray();
                foreach (var s in ((string[][])column.Values)[row])
                    json.WriteStringValue(s);
                json.WriteEndArray();
                break;
        }
    }

    private static void WriteDouble(Utf8JsonWriter json, double d)
    {
        if (double.IsFinite(d))
            json.WriteNumberValue(d);
        else
            json.WriteNullValue();
    }

    public static string TypeName(ColumnType type) => type switch
    {
        ColumnType.Float64 => "f64",
        ColumnType.Int64 => "i64",
        ColumnType.Bool => "bool",
        ColumnType.String => "str",
        ColumnType.Float64List => "f64[]",
        ColumnType.StringList => "str[]",
        _ => type.ToString(),
    };

    /// <summary>The first rows as an aligned text grid (long cells and lists shortened), for `pipeline show`.</summary>
    public static string Preview(Table table, int rows, int maxCell = 22)
    {
        int n = Math.Min(rows, table.RowCount);
        var grid = new List<string[]> { table.Columns.Select(c => c.Name).ToArray() };
        for (int r = 0; r < n; r++)
            grid.Add(table.Columns.Select(c => Shorten(PreviewCell(c, r), maxCell)).ToArray());
        var widths = Enumerable.Range(0, table.Columns.Count).Select(c => grid.Max(row => row[c].Length)).ToArray();
        var sb = new StringBuilder();
        foreach (var row in grid)
            sb.Append(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd()).Append('\n');
        if (table.RowCount > n)
            sb.Append($"... {table.RowCount - n} more rows\n");
        return sb.ToString();
    }

    private static string PreviewCell(Column column, int row) => column.Type switch
    {
        ColumnType.Float64 => ((double[])column.Values)[row].ToString("G6", CultureInfo.InvariantCulture),
        ColumnType.Float64List => ListPreview(((double[][])column.Values)[row].Select(d => d.ToString("G4", CultureInfo.InvariantCulture)).ToArray()),
        ColumnType.StringList => ListPreview(((string[][])column.Values)[row]),
        _ => CellText(column, row),
    };

    private static string ListPreview(string[] items)
        => items.Length <= 3 ? "[" + string.Join(", ", items) + "]" : $"[{string.Join(", ", items.Take(3))}, … ({items.Length})]";

    private static string Shorten(string text, int max)
    {
        text = text.Replace('\n', ' ');
        return text.Length <= max ? text : text[..(max - 1)] + "…";
    }
}
